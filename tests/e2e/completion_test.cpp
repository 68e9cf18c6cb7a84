// SPDX-License-Identifier: MIT
// The shell completions the build writes into completions/ of the build
// tree (each command's --completions SHELL), run for real: bash (with
// bash-completion, and without it), zsh (on a pseudo-terminal) and fish
// (complete -C), each against the built commands.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command_info.hpp"
#include "files.hpp"
#include "home.hpp"
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

// An option of a --help: its names, the name of its value ("" for a flag),
// its description, and the subcommand it belongs to ("" for none).
struct HelpEntry {
  std::vector<std::string> names;
  std::string value;
  std::string description;
  std::string subcommand;
};

// The options of `name --help` and of each subcommand's --help. --help puts
// the description after the names and value, from column 30, or on the
// next line when they reach that far, and wraps it onto lines indented as far.
std::vector<HelpEntry> help_entries(const std::string& name) {
  std::vector<HelpEntry> entries;
  std::vector<std::string> subcommands = {""};
  for (const std::string& sub : aa::test::help_subcommands(name)) subcommands.push_back(sub);
  const std::string indent(30, ' ');
  for (const std::string& sub : subcommands) {
    std::vector<std::string> asking = {command(name)};
    if (!sub.empty()) asking.push_back(sub);
    asking.push_back("--help");
    const auto lines = split_lines(run(asking).out);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string& line = lines[i];
      if (line.rfind("  -", 0) != 0) continue;
      HelpEntry entry;
      entry.subcommand = sub;
      std::istringstream words(line.substr(2, std::min(line.size(), indent.size()) - 2));
      std::string names;
      words >> names >> entry.value;
      std::istringstream split(names);
      for (std::string option; std::getline(split, option, ',');) entry.names.push_back(option);
      entry.description = line.size() > indent.size() ? line.substr(indent.size()) : "";
      for (std::size_t next = i + 1; next < lines.size() && lines[next].rfind(indent, 0) == 0; ++next) {
        entry.description += (entry.description.empty() ? "" : " ") + lines[next].substr(indent.size());
      }
      entries.push_back(entry);
    }
  }
  return entries;
}

// The options an option only works with, as its description says: "With
// --forget or --delete: ...", "With --list, ...".
std::vector<std::string> partners(const HelpEntry& entry) {
  std::vector<std::string> out;
  if (entry.description.rfind("With --", 0) != 0) return out;
  std::istringstream words(entry.description.substr(5));
  for (std::string word; words >> word;) {
    const bool last = word.back() == ':' || word.back() == ',';
    if (last) word.pop_back();
    if (word.rfind("--", 0) == 0) out.push_back(word);
    if (last) break;
  }
  return out;
}

// The names of the options of `name` that only work with another.
Set needing_others(const std::string& name) {
  Set out;
  for (const HelpEntry& entry : help_entries(name)) {
    if (!partners(entry).empty()) out.insert(entry.names.begin(), entry.names.end());
  }
  return out;
}

// Checks that `offered` for "NAME -" is exactly the options of NAME --help
// but those that only work with another, which is not on the line yet.
void check_options(const std::string& shell, const std::string& name, const Set& offered) {
  Set help = help_options(name);
  REQUIRE(help.count("--help"));
  for (const std::string& option : needing_others(name)) help.erase(option);
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
      // ")*--tag": an option that may be given again.
      bool spec = false;
      for (const std::string& start : {")" + option, ")*" + option}) {
        spec = spec || zsh.find(start + "[" + description + "]") != std::string::npos ||
               zsh.find(start + "=[" + description + "]") != std::string::npos ||
               zsh.find(start + "+[" + description + "]") != std::string::npos;
      }
      CHECK_MESSAGE(spec, "no zsh spec for " << entry.first << " [" << entry.second << "]");
    }
    // fish, asked for real: each option with its description, those that
    // only work with another once that one is on the line.
    std::vector<std::string> asked = {name + " -"};
    for (const HelpEntry& entry : help_entries(name)) {
      for (const std::string& partner : partners(entry)) asked.push_back(name + " " + partner + " 1 -");
    }
    std::map<std::string, std::string> from_fish;
    for (const std::string& line : aa::test::fish_lines(asked, from_build())) {
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
      "aa-journal --list --tag a --",  // 6: --tag may be given again; --list may not
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
    CHECK(results[6].count("--tag"));
    CHECK_FALSE(results[6].count("--list"));
    CHECK_FALSE(results[6].count("--show"));
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

// ---- Files, saved ids, and what works together ------------------------------

namespace {

using CompleteFunction = Completions (*)(const std::vector<std::string>&, const aa::test::ShellSetup&);

// Every shell there is a completion for, bash both with and without the
// bash-completion package, each with its way of asking.
struct ShellWay {
  std::string name;
  CompleteFunction complete;
  bool bash_completion = true;
};
const std::vector<ShellWay> every_shell = {{"bash", &aa::test::bash_complete},
                                           {"bash without bash-completion", &aa::test::bash_complete, false},
                                           {"zsh", &aa::test::zsh_complete},
                                           {"fish", &aa::test::fish_complete}};

Completions complete_in(const ShellWay& shell, const std::vector<std::string>& lines, aa::test::ShellSetup setup) {
  setup.bash_completion = shell.bash_completion;
  return shell.complete(lines, setup);
}

// What is offered for a path, as the last part of its name: bash gives the
// whole path, zsh what follows the folder, fish a folder with its slash.
Set last_parts(const Set& offered) {
  Set out;
  for (std::string path : offered) {
    if (path.ends_with('/')) path.pop_back();
    out.insert(path.substr(path.rfind('/') + 1));
  }
  return out;
}

// "aa-check", or "aa check" through aa; with the subcommand an option is under.
std::string line_start(const std::string& name, bool through_aa, const HelpEntry& entry) {
  std::string start = through_aa ? "aa " + name.substr(3) : name;
  return entry.subcommand.empty() ? start : start + " " + entry.subcommand;
}

}  // namespace

TEST_CASE("every option whose value is a file or a folder completes file or folder names, in every shell") {
  const TempDir dir;
  std::filesystem::create_directories(dir.path() + "/somewhere");
  dir.write("some-file.json", "[]\n");
  // Asked of each command and through aa; what each line should offer.
  std::vector<std::string> lines;
  std::vector<Set> expected;
  for (const std::string& name : command_names()) {
    if (name == "aa") continue;
    for (const HelpEntry& entry : help_entries(name)) {
      if (entry.value != "FILE" && entry.value != "DIR") continue;
      for (const bool through_aa : {false, true}) {
        lines.push_back(line_start(name, through_aa, entry) + " " + entry.names.back() + " " + dir.path() + "/so");
        expected.push_back(entry.value == "DIR" ? Set{"somewhere"} : Set{"some-file.json", "somewhere"});
      }
    }
  }
  const auto has_line = [&](const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  };
  REQUIRE(has_line("aa-check --import " + dir.path() + "/so"));
  REQUIRE(has_line("aa journal --draft " + dir.path() + "/so"));
  REQUIRE(has_line("aa-check --content-dir " + dir.path() + "/so"));
  REQUIRE(has_line("aa-content dump --content-dir " + dir.path() + "/so"));
  for (const ShellWay& shell : every_shell) {
    CAPTURE(shell.name);
    const Completions results = complete_in(shell, lines, from_build());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      CAPTURE(lines[i]);
      CHECK(last_parts(results[i]) == expected[i]);
    }
  }
  // bash: also as --option=VALUE, which bash splits at the "=".
  for (const bool bash_completion : {true, false}) {
    aa::test::ShellSetup setup = from_build();
    setup.bash_completion = bash_completion;
    const Completions results = aa::test::bash_complete(
        {"aa-check --import=" + dir.path() + "/so", "aa-tip --content-dir=" + dir.path() + "/so"}, setup);
    CHECK(last_parts(results[0]) == Set{"some-file.json", "somewhere"});
    CHECK(last_parts(results[1]) == Set{"somewhere"});
  }
}

TEST_CASE("an option that only works with another is offered once that one is on the line, in every shell") {
  // From the commands' --help: "With --forget or --delete: ...".
  std::vector<std::string> lines;
  std::vector<Set> offered, not_offered;
  for (const std::string& name : command_names()) {
    const std::vector<HelpEntry> entries = help_entries(name);
    for (const HelpEntry& entry : entries) {
      for (const std::string& partner : partners(entry)) {
        const auto with = std::find_if(entries.begin(), entries.end(), [&](const HelpEntry& other) {
          return std::find(other.names.begin(), other.names.end(), partner) != other.names.end();
        });
        REQUIRE(with != entries.end());
        lines.push_back(name + " " + partner + (with->value.empty() ? "" : " 1") + " -");
        offered.emplace_back(entry.names.begin(), entry.names.end());
        not_offered.emplace_back();
      }
      if (partners(entry).empty()) continue;
      lines.push_back(name + " -");
      offered.emplace_back();
      not_offered.emplace_back(entry.names.begin(), entry.names.end());
    }
  }
  REQUIRE(lines.size() > 10);
  // The case the issue names: --yes only deletes, and --history deletes nothing.
  lines.push_back("aa-check --history -");
  offered.push_back({"--last", "--from", "--to"});
  not_offered.push_back({"-y", "--yes", "--history", "--delete", "--forget"});
  lines.push_back("aa check --history -");
  offered.push_back({"--last", "--from", "--to"});
  not_offered.push_back({"-y", "--yes"});
  lines.push_back("aa journal --show 1 -");
  offered.push_back({"--format"});
  not_offered.push_back({"-y", "--yes", "--last", "--list", "--delete"});
  for (const ShellWay& shell : every_shell) {
    CAPTURE(shell.name);
    const Completions results = complete_in(shell, lines, from_build());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      CAPTURE(lines[i]);
      for (const std::string& option : offered[i]) {
        CAPTURE(option);
        CHECK(results[i].count(option));
      }
      for (const std::string& option : not_offered[i]) {
        CAPTURE(option);
        CHECK_FALSE(results[i].count(option));
      }
    }
  }
}

namespace {

// A home whose stores are made by the commands themselves.
struct Stores : aa::test::PrivateHome {
  aa::test::ShellSetup setup() const {
    aa::test::ShellSetup setup = from_build();
    for (const auto& [variable, value] : options().env) setup.env[variable] = value;
    // No passphrase, whatever the developer's environment says.
    setup.env["AA_PASSPHRASE_FD"] = std::nullopt;
    setup.env["AA_PASSPHRASE_COMMAND"] = std::nullopt;
    return setup;
  }
  void save_results() const {
    for (const char* answers : {"1,2,3,4", "0,0,1,x", "4,4,4,4"}) {
      REQUIRE(run({command("aa-check"), "--save", "--answers", answers}, options()).status == 0);
    }
  }
  void write_entries() const {
    REQUIRE(run({command("aa-journal"), "--no-prompt"}, with_stdin("A calmer day.\n")).status == 0);
    REQUIRE(run({command("aa-journal"), "--no-prompt", "--tag", "walk,calm"}, with_stdin("A walk.\n")).status == 0);
  }
  // The ids as `aa-check --history --json` and `aa-journal --list --json` give them.
  std::vector<std::string> result_ids() const {
    std::vector<std::string> ids;
    const auto history = nlohmann::json::parse(run({command("aa-check"), "--history", "--json"}, options()).out);
    for (const auto& result : history["results"]) ids.push_back(result["id"].get<std::string>());
    return ids;
  }
  std::vector<std::string> entry_ids() const {
    std::vector<std::string> ids;
    const auto entries = nlohmann::json::parse(run({command("aa-journal"), "--list", "--json"}, options()).out);
    for (const auto& entry : entries) ids.push_back(std::to_string(entry["id"].get<std::uint64_t>()));
    return ids;
  }
};

const std::vector<std::string> id_lines = {
    "aa-check --delete ",   "aa check --delete ",   "aa-journal --show ", "aa journal --show ",
    "aa-journal --delete ", "aa journal --delete ", "aa-journal --edit ", "aa journal --edit ",
};

}  // namespace

TEST_CASE("saved result ids and journal entry ids, as the commands list them, in every shell") {
  const Stores stores;
  stores.save_results();
  stores.write_entries();
  const std::vector<std::string> results = stores.result_ids();
  const std::vector<std::string> entries = stores.entry_ids();
  REQUIRE(results.size() == 3);
  REQUIRE(entries == std::vector<std::string>{"1", "2"});
  std::vector<std::string> lines = id_lines;
  lines.push_back("aa-check --delete " + results[1].substr(0, 4));
  lines.push_back("aa-check --history -n 1 --delete ");  // what rules --delete out does not change its ids
  lines.push_back("aa-journal --list --tag ");           // the tags the entries have
  for (const ShellWay& shell : every_shell) {
    CAPTURE(shell.name);
    const Completions offered = complete_in(shell, lines, stores.setup());
    for (std::size_t i = 0; i < id_lines.size(); ++i) {
      CAPTURE(lines[i]);
      CHECK(offered[i] == (i < 2 ? Set(results.begin(), results.end()) : Set(entries.begin(), entries.end())));
    }
    Set starting;
    for (const std::string& id : results) {
      if (id.rfind(results[1].substr(0, 4), 0) == 0) starting.insert(id);
    }
    CHECK(offered[id_lines.size()] == starting);
    CHECK(offered[id_lines.size() + 2] == Set{"walk", "calm"});
  }
  // In the order --history and --list show them.
  const aa::test::OrderedCompletions in_order =
      aa::test::bash_complete_in_order({"aa-check --delete ", "aa-journal --show "}, stores.setup());
  CHECK(in_order[0] == results);
  CHECK(in_order[1] == entries);
}

TEST_CASE("no ids when the stores are absent or empty, in every shell") {
  const Stores absent;
  const Stores empty;
  aa::test::write_private_file(empty.data() + "/aa/checks.jsonl", "");
  aa::test::write_private_file(empty.data() + "/aa/journal.jsonl", "");
  // Empty, not broken: nothing to list (1), no error about the file.
  const auto listed = run({command("aa-journal"), "--list"}, empty.options());
  REQUIRE(listed.status == 1);
  REQUIRE(listed.err.find("no entries yet") != std::string::npos);
  for (const ShellWay& shell : every_shell) {
    CAPTURE(shell.name);
    for (const Stores* stores : {&absent, &empty}) {
      const Completions offered = complete_in(shell, id_lines, stores->setup());
      for (std::size_t i = 0; i < id_lines.size(); ++i) {
        CAPTURE(id_lines[i]);
        CHECK(offered[i].empty());
      }
    }
  }
}

TEST_CASE("ids of encrypted stores: nothing offered, at once, with no passphrase asked") {
  const Stores stores;
  stores.save_results();
  stores.write_entries();
  RunOptions encrypting = stores.options();
  encrypting.env["AA_NEW_PASSPHRASE_COMMAND"] = "echo 'correct horse'";
  REQUIRE(run({command("aa-vault"), "encrypt"}, encrypting).status == 0);
  // A passphrase command that would hang the shell if it were run.
  aa::test::ShellSetup hanging = stores.setup();
  hanging.env["AA_PASSPHRASE_COMMAND"] = "sleep 100";
  for (const ShellWay& shell : every_shell) {
    CAPTURE(shell.name);
    for (const aa::test::ShellSetup& setup : {stores.setup(), hanging}) {
      const auto start = std::chrono::steady_clock::now();
      const Completions offered = complete_in(shell, id_lines, setup);
      CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(15));
      for (std::size_t i = 0; i < id_lines.size(); ++i) {
        CAPTURE(id_lines[i]);
        CHECK(offered[i].empty());
      }
    }
  }
  // With a terminal to ask on, nothing is asked there either.
  RunOptions on_terminal = stores.options();
  on_terminal.terminal = true;
  on_terminal.timeout_seconds = 30;
  on_terminal.env["PATH"] = aa::test::path_with_commands();
  on_terminal.env["AA_COMPLETION_DIR"] = completions_dir() + "/bash";
  on_terminal.env["AA_PASSPHRASE_FD"] = std::nullopt;
  on_terminal.env["AA_PASSPHRASE_COMMAND"] = std::nullopt;
  const auto typed = run({find_program("bash"), aa::test::source_dir() + "/tests/support/bash-complete.sh",
                          "aa-check --delete ", "aa journal --show "},
                         on_terminal);
  CHECK(typed.status == 0);
  CHECK(typed.out.find("assphrase") == std::string::npos);
}

TEST_CASE("bash without bash-completion: options, values and names, quietly") {
  aa::test::ShellSetup setup = from_build();
  setup.bash_completion = false;
  // bash_complete() also checks that nothing was said on stderr.
  const Completions results =
      aa::test::bash_complete({"aa-tip --format ", "aa-tip --format=m", "aa-read sig", "aa-tip --list -",
                               "aa tip --format ", "aa t", "aa-tip --id pa", "aa-content "},
                              setup);
  CHECK(results[0] == formats_of("aa-tip"));
  CHECK(results[1] == Set{"markdown"});
  CHECK(results[2] == Set{"signs"});
  CHECK(results[3].count("--source"));
  CHECK_FALSE(results[3].count("--daily"));
  CHECK(results[4] == formats_of("aa-tip"));
  CHECK(results[5] == Set{"tip"});
  CHECK(results[6] == Set{"pause-the-urge"});
  CHECK(results[7] == Set{"dump", "check"});
}
