// The shell completions the build writes into completions/ of the build
// tree (each command's --completions SHELL), run for real: bash (with
// bash-completion), zsh (on a pseudo-terminal) and fish (complete -C), each
// against the built commands.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "command_info.hpp"
#include "process.hpp"
#include "shell_complete.hpp"

using aa::test::command;
using aa::test::command_names;
using aa::test::find_program;
using aa::test::help_options;
using aa::test::run;
using aa::test::split_lines;
using aa::test::Completions;

namespace {

using Set = std::set<std::string>;

// build/PRESET/completions, beside build/PRESET/tools.
std::string completions_dir() {
  return std::filesystem::path(command("aa-tip")).parent_path().parent_path().string() + "/completions";
}

// The completions the build wrote, for the built commands.
aa::test::ShellSetup from_build() {
  aa::test::ShellSetup setup;
  setup.bash_dir = completions_dir() + "/bash";
  setup.zsh_dir = completions_dir() + "/zsh";
  setup.fish_dir = completions_dir() + "/fish";
  return setup;
}

Set lines_of(const std::string& text, std::size_t field = 0) {
  Set out;
  for (const std::string& line : split_lines(text)) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < field; ++i) start = line.find('\t', start) + 1;
    out.insert(line.substr(start, line.find('\t', start) - start));
  }
  return out;
}

Set formats_of(const std::string& name) {
  const auto formats = aa::test::help_formats(name);
  return Set(formats.begin(), formats.end());
}

std::string join(const Set& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

// Checks that `offered` for "NAME -" is exactly the options of NAME --help.
void check_options(const std::string& shell, const std::string& name, const Set& offered) {
  const Set help = help_options(name);
  REQUIRE(help.count("--help"));
  Set missing, extra;
  for (const std::string& option : help) {
    if (!offered.count(option)) missing.insert(option);
  }
  for (const std::string& option : offered) {
    if (!help.count(option)) extra.insert(option);
  }
  INFO(shell << ": " << name << " --help shows, but the completion does not offer: " << join(missing));
  INFO(shell << ": the completion offers, but " << name << " --help does not show: " << join(extra));
  CHECK(offered == help);
}

// "aa-tip -", "aa-read -", ...
std::vector<std::string> dash_lines(const std::vector<std::string>& names) {
  std::vector<std::string> lines;
  for (const std::string& name : names) lines.push_back(name + " -");
  return lines;
}

}  // namespace

TEST_CASE("every command has a completion for each shell") {
  for (const std::string& name : command_names()) {
    CAPTURE(name);
    CHECK(std::filesystem::exists(completions_dir() + "/bash/" + name));
    CHECK(std::filesystem::exists(completions_dir() + "/zsh/_" + name));
    CHECK(std::filesystem::exists(completions_dir() + "/fish/" + name + ".fish"));
  }
}

TEST_CASE("bash: each command completes exactly the options of its --help") {
  const auto names = command_names();
  const Completions results = aa::test::bash_complete(dash_lines(names), from_build());
  for (std::size_t i = 0; i < names.size(); ++i) check_options("bash", names[i], results[i]);
}

TEST_CASE("bash: option values and names from the content") {
  const auto tips = run({command("aa-tip"), "--list"}).out;
  const auto questions = run({command("aa-faq"), "--list"}).out;
  Set numbers_and_ids = lines_of(questions, 0);
  numbers_and_ids.merge(lines_of(questions, 1));
  const Completions results = aa::test::bash_complete({
      "aa-read sig",           // 0
      "aa-tip --format ",      // 1
      "aa-tip --",             // 2
      "aa-tip --category ",    // 3
      "aa-tip --id pa",        // 4
      "aa-tip --id ",          // 5
      "aa-faq ",               // 6
      "aa-read --color ",      // 7
      "aa-check -a ",          // 8
      "aa-read -a s",          // 9
      "aa-tip --format=m",     // 10
      "aa-check --format ",    // 11
      "aa-read --format ",     // 12
      "aa-faq --format ",      // 13
      "aa-read -a --f",        // 14
  }, from_build());
  CHECK(results[0] == Set{"signs"});
  CHECK(results[1] == formats_of("aa-tip"));
  CHECK(results[1] == Set{"text", "markdown", "json", "fortune"});
  CHECK(results[2].count("--daily"));
  CHECK(results[3] == lines_of(run({command("aa-tip"), "--list-categories"}).out));
  CHECK(results[4] == Set{"pause-the-urge"});
  CHECK(results[5] == lines_of(tips, 0));
  CHECK(results[6] == numbers_and_ids);
  CHECK(results[7] == Set{"auto", "always", "never"});
  CHECK(results[8].empty());  // aa-check -a takes answers: nothing to offer
  // aa-read -a is --all, a flag (unlike aa-check's -a): it takes no value,
  // and a whole guide leaves no room for naming sections.
  CHECK(results[9].empty());
  CHECK(results[14] == Set{"--format"});
  CHECK(results[10] == Set{"markdown"});
  CHECK(results[11] == formats_of("aa-check"));
  CHECK(results[12] == formats_of("aa-read"));
  CHECK(results[13] == formats_of("aa-faq"));
}

TEST_CASE("bash: names come from the --content-dir on the line") {
  const aa::test::TempDir content;
  content.write("tips.toml",
                "[[tip]]\nid = \"only-tip\"\ncategory = \"mine\"\nsection = \"support\"\ntext = \"Be kind.\"\n");
  const Completions results = aa::test::bash_complete(
      {"aa-tip --content-dir " + content.path() + " --id ", "aa-tip --content-dir " + content.path() + " -c "},
      from_build());
  CHECK(results[0] == Set{"only-tip"});
  CHECK(results[1] == Set{"mine"});
  // AA_CONTENT_DIR reaches the commands too.
  aa::test::ShellSetup setup = from_build();
  setup.env["AA_CONTENT_DIR"] = content.path();
  const Completions from_environment = aa::test::bash_complete({"aa-tip --id "}, setup);
  CHECK(from_environment[0] == Set{"only-tip"});
}

namespace {

// zsh and fish are asked the same lines and must give the same answers.
void check_shell(const char* shell,
                 Completions (*complete)(const std::vector<std::string>&, const aa::test::ShellSetup&)) {
  const auto names = command_names();
  std::vector<std::string> lines = dash_lines(names);
  lines.insert(lines.end(), {"aa-read sig", "aa-tip --format ", "aa-tip --category ", "aa-tip --id pa", "aa-faq ",
                             "aa-check --color "});
  const Completions results = complete(lines, from_build());
  for (std::size_t i = 0; i < names.size(); ++i) check_options(shell, names[i], results[i]);
  const std::size_t at = names.size();
  const auto questions = run({command("aa-faq"), "--list"}).out;
  Set numbers_and_ids = lines_of(questions, 0);
  numbers_and_ids.merge(lines_of(questions, 1));
  CHECK(results[at] == Set{"signs"});
  CHECK(results[at + 1] == formats_of("aa-tip"));
  CHECK(results[at + 2] == lines_of(run({command("aa-tip"), "--list-categories"}).out));
  CHECK(results[at + 3] == Set{"pause-the-urge"});
  CHECK(results[at + 4] == numbers_and_ids);
  CHECK(results[at + 5] == Set{"auto", "always", "never"});
}

}  // namespace

TEST_CASE("zsh: each command completes its options, their values and content names") {
  check_shell("zsh", &aa::test::zsh_complete);
}

TEST_CASE("fish: each command completes its options, their values and content names") {
  check_shell("fish", &aa::test::fish_complete);
}
