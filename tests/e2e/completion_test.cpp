// SPDX-License-Identifier: MIT
// The shell completions the build writes into completions/ of the build
// tree (each command's --completions SHELL), run for real: bash (with
// bash-completion), zsh (on a pseudo-terminal) and fish (complete -C), each
// against the built commands.
#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "command_info.hpp"
#include "process.hpp"
#include "shell_complete.hpp"

using aa::test::command;
using aa::test::command_names;
using aa::test::Completions;
using aa::test::find_program;
using aa::test::help_options;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::split_lines;
using aa::test::TempDir;

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
  const Completions results = aa::test::bash_complete(
      {
          "aa-read sig",         // 0
          "aa-tip --format ",    // 1
          "aa-tip --",           // 2
          "aa-tip --category ",  // 3
          "aa-tip --id pa",      // 4
          "aa-tip --id ",        // 5
          "aa-faq ",             // 6
          "aa-read --color ",    // 7
          "aa-check -a ",        // 8
          "aa-read -a s",        // 9
          "aa-tip --format=m",   // 10
          "aa-check --format ",  // 11
          "aa-read --format ",   // 12
          "aa-faq --format ",    // 13
          "aa-read -a --f",      // 14
      },
      from_build());
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

// ---- The scripts are made from the commands' own options ------------------

namespace {

const std::vector<std::string> shells = {"bash", "zsh", "fish"};

std::string script_file(const std::string& shell, const std::string& name) {
  if (shell == "bash") return completions_dir() + "/bash/" + name;
  if (shell == "zsh") return completions_dir() + "/zsh/_" + name;
  return completions_dir() + "/fish/" + name + ".fish";
}

// Each option of `name --help` with its description. --help puts the
// description after the names, from column 30, or on the next line when
// the names reach that far, and wraps it onto lines indented as far.
std::map<std::string, std::string> help_descriptions(const std::string& name) {
  std::map<std::string, std::string> out;
  // A command's own options and those of its subcommands (aa-content's).
  std::string help = run({command(name), "--help"}).out;
  for (const std::string& sub : aa::test::help_subcommands(name)) help += run({command(name), sub, "--help"}).out;
  const auto lines = split_lines(help);
  const std::string indent(30, ' ');
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.rfind("  -", 0) != 0) continue;
    std::string description = line.size() > indent.size() ? line.substr(indent.size()) : "";
    for (std::size_t next = i + 1; next < lines.size() && lines[next].rfind(indent, 0) == 0; ++next) {
      description += (description.empty() ? "" : " ") + lines[next].substr(indent.size());
    }
    std::istringstream names(line.substr(2, line.find_first_of(" \t", 2) - 2));
    for (std::string option; std::getline(names, option, ',');) out[option] = description;
  }
  return out;
}

}  // namespace

TEST_CASE("each command prints the scripts the build installs, for each shell") {
  for (const std::string& name : command_names()) {
    for (const std::string& shell : shells) {
      CAPTURE(name);
      CAPTURE(shell);
      const auto result = run({command(name), "--completions", shell});
      CHECK(result.status == 0);
      CHECK(result.err.empty());
      CHECK(result.out == aa::test::read_text_file(script_file(shell, name)));
    }
  }
}

TEST_CASE("every option of every command is in its script for each shell, with its description") {
  for (const std::string& name : command_names()) {
    CAPTURE(name);
    const auto options = help_descriptions(name);
    REQUIRE(options.size() == help_options(name).size());
    const std::string bash = aa::test::read_text_file(script_file("bash", name));
    const std::string zsh = aa::test::read_text_file(script_file("zsh", name));
    for (const auto& entry : options) {
      const auto& [option, description] = entry;
      CAPTURE(entry.first);
      REQUIRE(!description.empty());
      // bash: among the options offered after a dash; bash shows no
      // descriptions, so the script lists them in its comments.
      const std::size_t offered = bash.find("for option in ");
      REQUIRE(offered != std::string::npos);
      const std::string list = bash.substr(offered, bash.find("; do", offered) - offered) + " ";
      CHECK(list.find(" " + option + " ") != std::string::npos);
      CHECK(bash.find(": " + description + "\n") != std::string::npos);
      // zsh: an _arguments spec for each name, with [description].
      const bool spec = zsh.find(")" + option + "[" + description + "]") != std::string::npos ||
                        zsh.find(")" + option + "=[" + description + "]") != std::string::npos ||
                        zsh.find(")" + option + "+[" + description + "]") != std::string::npos;
      CHECK_MESSAGE(spec, "no zsh spec for " << entry.first << " [" << entry.second << "]");
    }
    // fish, asked for real: each option with its description.
    std::map<std::string, std::string> from_fish;
    for (const std::string& line : aa::test::fish_lines({name + " -"}, from_build())) {
      const std::size_t tab = line.find('\t');
      if (tab != std::string::npos) from_fish[line.substr(0, tab)] = line.substr(tab + 1);
    }
    CHECK(from_fish == options);
  }
}

TEST_CASE("options that rule each other out are not offered together, in any shell") {
  const std::vector<std::string> lines = {
      "aa-tip --list -",   // 0: --list rules out --daily, --date, --seed, --id, --count, ...
      "aa-tip --json --",  // 1: --json rules out --format
      "aa-tip --help -",   // 2: --help ends the line
      "aa-read --list ",   // 3: a table of contents names no section
      "aa-faq --search ",  // 4: the text to search for, not a question
      "aa-check --items --",
  };
  const Set ruled_out_by_list = {"-l",   "--list", "-d",      "--daily",           "--date", "--seed",
                                 "--id", "-n",     "--count", "--list-categories", "-s",     "--search"};
  for (const auto& entry : {std::pair{std::string("bash"), &aa::test::bash_complete},
                            {"zsh", &aa::test::zsh_complete},
                            {"fish", &aa::test::fish_complete}}) {
    const auto& [shell, complete] = entry;
    CAPTURE(entry.first);
    const Completions results = complete(lines, from_build());
    for (const std::string& option : ruled_out_by_list) {
      CAPTURE(option);
      CHECK_FALSE(results[0].count(option));
    }
    CHECK(results[0].count("--category"));
    CHECK(results[0].count("--format"));
    CHECK_FALSE(results[1].count("--format"));
    CHECK(results[1].count("--color"));
    CHECK(results[2].empty());
    // No section (zsh offers the options left instead).
    for (const std::string& offered : results[3]) CHECK(offered.rfind('-', 0) == 0);
    CHECK(results[4].empty());
    for (const char* option : {"--answers", "--save", "--history", "--forget", "--items"}) {
      CAPTURE(option);
      CHECK_FALSE(results[5].count(option));
    }
    CHECK(results[5].count("--format"));
  }
}

TEST_CASE("sections and questions are offered in reading order, in every shell") {
  const auto sections = split_lines(run({command("aa-read"), "--list"}).out);
  std::vector<std::string> slugs;
  for (const std::string& line : sections) slugs.push_back(*lines_of(line, 1).begin());
  REQUIRE(slugs.size() > 3);
  REQUIRE_FALSE(std::is_sorted(slugs.begin(), slugs.end()));  // else order would prove nothing
  std::vector<std::string> numbers;
  for (std::size_t i = 1; i <= split_lines(run({command("aa-faq"), "--list"}).out).size(); ++i) {
    numbers.push_back(std::to_string(i));
  }
  for (const auto& entry : {std::pair{std::string("bash"), &aa::test::bash_complete_in_order},
                            {"zsh", &aa::test::zsh_complete_in_order},
                            {"fish", &aa::test::fish_complete_in_order}}) {
    const auto& [shell, complete] = entry;
    CAPTURE(entry.first);
    const aa::test::OrderedCompletions results = complete({"aa-read ", "aa-faq "}, from_build());
    CHECK(results[0] == slugs);
    // Numbers first, in order (then the ids).
    REQUIRE(results[1].size() >= numbers.size());
    CHECK(std::vector<std::string>(results[1].begin(), results[1].begin() + static_cast<long>(numbers.size())) ==
          numbers);
  }
}

TEST_CASE("the names a script asks for come from the command, in NAME<TAB>DESCRIPTION lines") {
  const auto sections = run({command("aa-read"), "--completion-names", "sections"});
  CHECK(sections.status == 0);
  CHECK(sections.err.empty());
  std::string expected;
  for (const std::string& line : split_lines(run({command("aa-read"), "--list"}).out)) {
    expected += line.substr(line.find('\t') + 1) + "\n";  // number<TAB>slug<TAB>title, less the number
  }
  CHECK(sections.out == expected);

  const TempDir content;
  content.write("tips.toml",
                "[[tip]]\nid = \"only-tip\"\ncategory = \"mine\"\nsection = \"support\"\ntext = \"Be kind.\"\n");
  CHECK(run({command("aa-tip"), "--content-dir", content.path(), "--completion-names", "tips"}).out ==
        "only-tip\tBe kind.\n");
  CHECK(run({command("aa-tip"), "--completion-names", "categories"},
            RunOptions{.env = {{"AA_CONTENT_DIR", content.path()}}})
            .out == "mine\n");

  // Today, as the command sees it: the date --daily uses.
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char today[16];
  std::strftime(today, sizeof today, "%Y-%m-%d", &local);
  const auto date = run({command("aa-tip"), "--completion-names", "today"});
  CHECK(date.status == 0);
  CHECK(date.out == std::string(today) + "\ttoday\n");
  // ... which is what completing --date offers.
  CHECK(aa::test::bash_complete({"aa-tip --date "}, from_build())[0] == Set{today});
  CHECK(aa::test::fish_complete({"aa-tip --date "}, from_build())[0] == Set{today});
  CHECK(aa::test::zsh_complete({"aa-tip --date "}, from_build())[0] == Set{today});

  // Not an option for people: it stays out of --help and the scripts.
  for (const std::string& name : command_names()) {
    CAPTURE(name);
    CHECK(run({command(name), "--help"}).out.find("--completion-names") == std::string::npos);
    CHECK(aa::test::bash_complete({name + " --completion"}, from_build())[0] == Set{"--completions"});
  }
}

TEST_CASE("aa-content: the subcommands first, then folders, in each shell") {
  const aa::test::TempDir dir;
  std::filesystem::create_directories(dir.path() + "/somewhere");
  for (const auto& entry :
       {std::pair{std::string("bash"), &aa::test::bash_complete}, {"zsh", &aa::test::zsh_complete}}) {
    const auto& [shell, complete] = entry;
    CAPTURE(entry.first);
    const Completions results =
        complete({"aa-content ", "aa-content d", "aa-content dump " + dir.path() + "/some"}, from_build());
    CHECK(results[0] == Set{"dump", "check"});
    CHECK(results[1] == Set{"dump"});
    INFO(join(results[2]));
    // The folder, whole (bash) or as the part after what is typed (zsh's _files).
    CHECK(results[2].size() == 1);
    const std::string offered = results[2].empty() ? "" : *results[2].begin();
    INFO(offered);
    CHECK((offered.ends_with("somewhere/") || offered.ends_with("somewhere")));
  }
  Set fish;
  for (const std::string& line : aa::test::fish_lines({"aa-content "}, from_build())) {
    fish.insert(line.substr(0, line.find('\t')));
  }
  CHECK(fish.count("dump") == 1);
  CHECK(fish.count("check") == 1);
  CHECK(fish.count("--force") == 0);  // options only after a dash
}
