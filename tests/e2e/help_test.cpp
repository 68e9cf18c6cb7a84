// SPDX-License-Identifier: MIT
// --help and the mistakes a person makes on the command line, the same in
// every command: help that fits 80 columns with the shared options grouped,
// option errors in our own words with the way to the help, "did you mean"
// for a mistyped option, the last of an option given twice winning, and
// what --help and --version win over.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "aa/content/text.hpp"
#include "command_info.hpp"
#include "files.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::command_names;
using aa::test::run;
using aa::test::split_lines;

namespace {

// The commands that print content, and so have the output options
// (--format, --color, --width, --no-pager): all but aa-content.
std::vector<std::string> content_commands() {
  std::vector<std::string> names;
  for (const std::string& name : command_names()) {
    if (!aa::test::help_formats(name).empty()) names.push_back(name);
  }
  return names;
}

// What each command needs on its line to print something, so that what
// an option changes can be seen.
std::vector<std::string> base_arguments(const std::string& name) {
  if (name == "aa-check") return {"--answers", "1,2,3,4"};
  if (name == "aa-tip" || name == "aa-journal") return {"--date", "2026-01-01"};
  if (name == "aa-practice") return {"--list", "--format", "markdown"};
  if (name == "aa-search") return {"reassurance"};
  // Weeks enough that a narrow width shows fewer of them.
  if (name == "aa-report") return {"--from", "2025-01-01", "--to", "2026-03-29"};
  return {"1"};  // aa-read, aa-faq
}

// aa-report draws what a person saved: for each run of it here, a journal
// with five entries a month through 2025.
std::string report_data_home() {
  static const aa::test::TempDir home;
  static const bool written = [] {
    std::string lines;
    for (int i = 0; i < 60; ++i) {
      const int month = 1 + i / 5;
      const int day = 1 + i % 5 * 6;
      lines += fmt::format(R"({{"id":{},"time":"2025-{:02}-{:02}T21:00:00+01:00","prompt":null,"text":"A day."}})",
                           i + 1, month, day) +
               "\n";
    }
    aa::test::write_private_file(home.path() + "/aa/journal.jsonl", lines);
    return true;
  }();
  (void)written;
  return home.path();
}

aa::test::RunResult run_command(const std::string& name, std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), command(name));
  aa::test::RunOptions options;
  if (name == "aa-report") options.env["XDG_DATA_HOME"] = report_data_home();
  return run(arguments, options);
}

aa::test::RunResult run_with_base(const std::string& name, const std::vector<std::string>& extra) {
  std::vector<std::string> arguments = base_arguments(name);
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  return run_command(name, arguments);
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

// `name arguments` fails as a usage error with exactly `message`, one
// line, and the way to the help.
void check_usage_error(const std::string& name, const std::vector<std::string>& arguments, const std::string& message) {
  const auto result = run_command(name, arguments);
  CAPTURE(name);
  CAPTURE(arguments.size() > 0 ? arguments[0] : "");
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err == name + ": error: " + message + " (try '" + name + " --help')\n");
}

}  // namespace

TEST_CASE("every --help line of every command fits 80 columns, with no library boilerplate") {
  const auto names = command_names();
  REQUIRE(names.size() >= 4);
  for (const std::string& name : names) {
    CAPTURE(name);
    const auto help = run_command(name, {"--help"});
    if (!aa::test::help_subcommands(name).empty()) {
      // aa-content: its subcommands, each with a --help of its own.
      CHECK(help.out.starts_with("Usage: " + name + " [OPTIONS] SUBCOMMAND"));
      std::string all = help.out;
      for (const std::string& sub : aa::test::help_subcommands(name)) {
        const auto sub_help = run_command(name, {sub, "--help"});
        CHECK(sub_help.status == 0);
        CHECK(sub_help.out.starts_with("Usage: " + name + " " + sub + " [OPTIONS]"));
        if (name == "aa-content") CHECK(occurrences(sub_help.out, "AA_CONTENT_DIR") == 1);
        all += sub_help.out;
      }
      for (const std::string& line : split_lines(all)) {
        CAPTURE(line);
        CHECK(aa::display_width(line) <= 80);
        CHECK(line.find("Excludes") == std::string::npos);
        CHECK(line.find("(Env:") == std::string::npos);
        CHECK(line.find("REQUIRED") == std::string::npos);
      }
      continue;
    }
    CHECK(help.status == 0);
    CHECK(help.err.empty());
    CHECK(help.out.starts_with("Usage: " + name + " [OPTIONS]"));
    for (const std::string& line : split_lines(help.out)) {
      CAPTURE(line);
      CHECK(aa::display_width(line) <= 80);
      CHECK(line.find("Excludes") == std::string::npos);
      CHECK(line.find("Needs:") == std::string::npos);
      CHECK(line.find("(Env:") == std::string::npos);
      CHECK(line.find("REQUIRED") == std::string::npos);
    }
    // aa-report draws your own data: it reads no content.
    const bool reads_content = name != "aa-report";
    // The environment variable once, beside --content-dir.
    CHECK(occurrences(help.out, "AA_CONTENT_DIR") == (reads_content ? 1 : 0));
    // The shared options in their groups, after the command's own.
    const std::size_t own = help.out.find("\nOptions:\n");
    const std::size_t output = help.out.find("\nOutput options:\n");
    const std::size_t general = help.out.find("\nGeneral options:\n");
    REQUIRE(own != std::string::npos);
    REQUIRE(output != std::string::npos);
    REQUIRE(general != std::string::npos);
    CHECK(own < output);
    CHECK(output < general);
    for (const char* shared : {"--format", "--json", "--color", "--width", "--no-pager"}) {
      const std::size_t at = help.out.find("  " + std::string(shared));
      CHECK(at > output);
      CHECK(at < general);
    }
    for (const char* shared : {"--help", "--version", "--completions", "--content-dir"}) {
      if (!reads_content && std::string_view(shared) == "--content-dir") {
        CHECK(help.out.find(shared) == std::string::npos);
        continue;
      }
      CHECK(help.out.find(shared, general) != std::string::npos);
    }
  }
}

namespace {

// The words of `text`, in order: the same however it is wrapped.
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// Every --help page there is: each command's, and each subcommand's.
std::vector<std::vector<std::string>> help_invocations() {
  std::vector<std::vector<std::string>> out;
  for (const std::string& name : command_names()) {
    out.push_back({name, "--help"});
    for (const std::string& sub : aa::test::help_subcommands(name)) out.push_back({name, sub, "--help"});
  }
  return out;
}

}  // namespace

TEST_CASE("--help fits the terminal at 60 and 200 columns, the words those of the pipe's 80, for every page") {
  for (const auto& invocation : help_invocations()) {
    CAPTURE(invocation[0] + " " + invocation[1]);
    std::vector<std::string> arguments = invocation;
    arguments[0] = command(invocation[0]);
    const auto piped = run(arguments);
    REQUIRE(piped.status == 0);
    std::size_t widest_piped = 0;
    for (const std::string& line : split_lines(piped.out))
      widest_piped = std::max(widest_piped, aa::display_width(line));
    CHECK(widest_piped <= 80);
    for (const unsigned short columns : {60, 200}) {
      CAPTURE(columns);
      const auto shown = run(arguments, aa::test::RunOptions{.terminal = true, .columns = columns});
      CHECK(shown.status == 0);
      std::size_t widest = 0;
      for (std::string line : split_lines(shown.out)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        CAPTURE(line);
        CHECK(aa::display_width(line) <= columns);
        widest = std::max(widest, aa::display_width(line));
      }
      // Broken only between words: the same words as in the pipe, in order.
      CHECK(words_of(shown.out) == words_of(piped.out));
      // The room is used: wider than the pipe's lines on a wide terminal.
      if (columns == 200) CHECK(widest > 80);
    }
  }
}

TEST_CASE("every --help page ends with two to four examples, each what it does and then the command") {
  for (const auto& invocation : help_invocations()) {
    CAPTURE(invocation[0] + " " + invocation[1]);
    std::vector<std::string> arguments = invocation;
    arguments[0] = command(invocation[0]);
    const std::string help = run(arguments).out;
    const std::size_t examples = help.find("\nExamples:\n");
    REQUIRE(examples != std::string::npos);
    std::size_t count = 0;
    for (const std::string& line : split_lines(help.substr(examples + 11))) {
      if (line.empty()) break;
      if (line.starts_with("  ") && !line.starts_with("   ")) {
        ++count;
        CHECK(line.ends_with(":"));
      } else {
        CHECK(line.starts_with("    "));
      }
    }
    CHECK(count >= 2);
    CHECK(count <= 4);
    // Before the footer, after the options.
    CHECK(examples > help.find("General options:"));
  }
}

TEST_CASE("one dash before a long option, or a mistyped subcommand, gets \"did you mean\"") {
  check_usage_error("aa-tip", {"-daily"}, "unknown option '-daily'; did you mean '--daily'?");
  check_usage_error("aa-tip", {"-count", "3"}, "unknown option '-count'; did you mean '--count'?");
  check_usage_error("aa-tip", {"-dialy"}, "unknown option '-dialy'; did you mean '--daily'?");
  check_usage_error("aa-read", {"-list"}, "unknown option '-list'; did you mean '--list'?");
  check_usage_error("aa-journal", {"-search", "x"}, "unknown option '-search'; did you mean '--search'?");
  check_usage_error("aa-check", {"-history"}, "unknown option '-history'; did you mean '--history'?");
  for (const std::string& name : content_commands()) {
    check_usage_error(name, {"-json"}, "unknown option '-json'; did you mean '--json'?");
    check_usage_error(name, {"-no-pager"}, "unknown option '-no-pager'; did you mean '--no-pager'?");
  }
  // Short options bundled or with their value attached still work.
  CHECK(run_command("aa-tip", {"-n2", "--seed", "1"}).status == 0);
  CHECK(run_command("aa-tip", {"-dn", "2"}).status == 0);
  check_usage_error("aa-content", {"chek", "x"}, "unknown command 'chek' for aa-content; did you mean 'check'?");
  check_usage_error("aa-content", {"dupm", "x"}, "unknown command 'dupm' for aa-content; did you mean 'dump'?");
  check_usage_error("aa-content", {"zzzz"}, "unknown command 'zzzz' for aa-content");
  check_usage_error("aa-content", {}, "aa-content needs a command: 'dump' or 'check'");
  check_usage_error("aa-vault", {"stat"}, "unknown command 'stat' for aa-vault; did you mean 'status'?");
  check_usage_error("aa-vault", {"encrpyt"}, "unknown command 'encrpyt' for aa-vault; did you mean 'encrypt'?");
}

TEST_CASE("a flag given a value is a usage error, whatever the value, in every command") {
  for (const auto& invocation : help_invocations()) {
    if (invocation.size() != 2) continue;
    const std::string& name = invocation[0];
    check_usage_error(name, {"--help=yes"}, "--help takes no value, but was given 'yes'");
  }
  for (const std::string value : {"yes", "true", "1", "no", "false", ""}) {
    check_usage_error("aa-tip", {"--daily=" + value}, "--daily takes no value, but was given '" + value + "'");
  }
  check_usage_error("aa-check", {"--history=1"}, "--history takes no value, but was given '1'");
  check_usage_error("aa-journal", {"--list=yes"}, "--list takes no value, but was given 'yes'");
  const auto sub = run_command("aa-content", {"dump", "--force=1", "x"});
  CHECK(sub.status == 2);
  CHECK(sub.err == "aa-content: error: --force takes no value, but was given '1' (try 'aa-content dump --help')\n");
  // An option that takes a value still takes it after '='; after "--",
  // words are arguments, whatever they look like.
  CHECK(run_command("aa-tip", {"--count=2", "--seed=1"}).status == 0);
  CHECK(run_command("aa-read", {"--", "--list=x"}).status == 1);
}

TEST_CASE("a mistyped option gets \"did you mean\", in every command") {
  check_usage_error("aa-tip", {"--dialy"}, "unknown option '--dialy'; did you mean '--daily'?");
  check_usage_error("aa-tip", {"--dialy=yes"}, "unknown option '--dialy'; did you mean '--daily'?");
  check_usage_error("aa-tip", {"--catgory", "self"}, "unknown option '--catgory'; did you mean '--category'?");
  check_usage_error("aa-read", {"--lsit"}, "unknown option '--lsit'; did you mean '--list'?");
  check_usage_error("aa-faq", {"--serach", "help"}, "unknown option '--serach'; did you mean '--search'?");
  check_usage_error("aa-check", {"--histroy"}, "unknown option '--histroy'; did you mean '--history'?");
  // After a subcommand, its options are the ones to suggest, and its --help.
  const auto sub = run_command("aa-content", {"dump", "--forse", "x"});
  CHECK(sub.status == 2);
  CHECK(sub.err ==
        "aa-content: error: unknown option '--forse'; did you mean '--force'? (try 'aa-content dump --help')\n");
  for (const std::string& name : content_commands()) {
    check_usage_error(name, {"--colour", "never"}, "unknown option '--colour'; did you mean '--color'?");
    check_usage_error(name, {"--no-pagr"}, "unknown option '--no-pagr'; did you mean '--no-pager'?");
    // Nothing close: no guess. A short option is one letter, any other as close.
    check_usage_error(name, {"--zzzzzzzz"}, "unknown option '--zzzzzzzz'");
    check_usage_error(name, {"-Z"}, "unknown option '-Z'");
  }
}

TEST_CASE("the parser's mistakes are worded as ours, in every command, with the way to the help") {
  for (const std::string& name : content_commands()) {
    // A value left out.
    check_usage_error(name, {"--width"}, "--width needs an N");
    check_usage_error(name, {"--format"}, "--format needs a FORMAT");
    // A value a flag cannot take.
    check_usage_error(name, {"--no-pager=maybe"}, "--no-pager takes no value, but was given 'maybe'");
    // A value its check refuses.
    check_usage_error(name, {"--width", "0"}, "--width: '0' is not a whole number from 1 to 100000");
    // Options that rule each other out, named in the order they were typed.
    check_usage_error(name, {"--json", "--format", "text"}, "--json and --format cannot be used together");
    check_usage_error(name, {"--format", "text", "--json"}, "--format and --json cannot be used together");
  }
  // Arguments no one asked for, in the order they were typed.
  check_usage_error("aa-tip", {"foo", "bar"}, "aa-tip takes no arguments, but was given 'foo' and 'bar'");
  check_usage_error("aa-tip", {"--count", "1", "2"}, "aa-tip takes no arguments, but was given '2'");
  check_usage_error("aa-check", {"1,2,3,4"}, "aa-check takes no arguments, but was given '1,2,3,4'");
  check_usage_error("aa-tip", {"--category"}, "--category needs a NAME");
  check_usage_error("aa-tip", {"--id"}, "--id needs an ID");
  check_usage_error("aa-tip", {"--search"}, "--search needs TEXT");
  check_usage_error("aa-tip", {"--daily", "--seed", "3"}, "--daily and --seed cannot be used together");
  check_usage_error("aa-tip", {"--daily=maybe"}, "--daily takes no value, but was given 'maybe'");
  check_usage_error("aa-read", {"--list", "1"}, "--list cannot be used with a SECTION");
  check_usage_error("aa-read", {"1", "--list"}, "--list cannot be used with a SECTION");
  check_usage_error("aa-faq", {"--all", "2"}, "--all cannot be used with a QUESTION");
  check_usage_error("aa-check", {"--answers"}, "--answers needs a LIST");
  check_usage_error("aa-check", {"--yes"}, "--yes only works with --forget or --delete");
  check_usage_error("aa-check", {"--items", "--save"}, "--items and --save cannot be used together");
}

TEST_CASE("an option given twice: the last one wins, in every command") {
  for (const std::string& name : content_commands()) {
    CAPTURE(name);
    const auto text = run_with_base(name, {"--format", "text"});
    const auto json = run_with_base(name, {"--format", "json"});
    REQUIRE(text.status == 0);
    REQUIRE(json.status == 0);
    REQUIRE(text.out != json.out);
    const auto json_then_text = run_with_base(name, {"--format", "json", "--format", "text"});
    CHECK(json_then_text.status == 0);
    CHECK(json_then_text.err.empty());
    CHECK(json_then_text.out == text.out);
    CHECK(aa::test::without_clock_time(run_with_base(name, {"--format", "text", "--format", "json"}).out) ==
          aa::test::without_clock_time(json.out));

    const auto narrow = run_with_base(name, {"--width", "30"});
    const auto wide = run_with_base(name, {"--width", "70"});
    REQUIRE(narrow.out != wide.out);
    CHECK(run_with_base(name, {"--width", "30", "--width", "70"}).out == wide.out);
    CHECK(run_with_base(name, {"--width", "70", "--width", "30"}).out == narrow.out);

    const auto plain = run_with_base(name, {"--color", "always", "--color", "never"});
    CHECK(plain.status == 0);
    CHECK(plain.out.find('\x1b') == std::string::npos);
  }
  // Each command's own options too.
  CHECK(run_command("aa-tip", {"--list", "-c", "nosuch", "-c", "therapy"}).out ==
        run_command("aa-tip", {"--list", "-c", "therapy"}).out);
  CHECK(run_command("aa-read", {"-s", "zzzzqqq", "-s", "Bowlby"}).out == run_command("aa-read", {"-s", "Bowlby"}).out);
  const auto answers = run_command("aa-check", {"--answers", "0,0,0,0", "--answers", "4,4,4,4", "--json"});
  CHECK(answers.status == 0);
  CHECK(aa::test::without_clock_time(answers.out) ==
        aa::test::without_clock_time(run_command("aa-check", {"--answers", "4,4,4,4", "--json"}).out));
}

TEST_CASE("--help and --version: what wins when they meet other words, in every command") {
  for (const std::string& name : command_names()) {
    CAPTURE(name);
    const auto help = run_command(name, {"--help"});
    const auto version = run_command(name, {"--version"});
    REQUIRE(help.status == 0);
    REQUIRE(help.out.rfind("Usage: " + name, 0) == 0);
    REQUIRE(version.status == 0);
    REQUIRE(version.out == name + " 0.1.0\n");
    CHECK(run_command(name, {"-h"}).out == help.out);

    // --help wins over the rules between options and over leftover words.
    for (const std::vector<std::string>& words : std::vector<std::vector<std::string>>{
             {"--help", "--bogus"}, {"--bogus", "--help"}, {"--help", "--json", "--format", "text"}}) {
      CAPTURE(words[0]);
      CAPTURE(words[1]);
      const auto result = run_command(name, words);
      CHECK(result.status == 0);
      CHECK(result.err.empty());
      CHECK(result.out == help.out);
    }
    // ... but not over a value that is wrong, nor over a missing one.
    check_usage_error(name, {"--help", "--completions", "nope"}, "--completions: 'nope' is not one of bash, zsh, fish");
    check_usage_error(name, {"--help", "--completions"}, "--completions needs a SHELL");

    // --version wins over everything after it is read, --help too, but not
    // over a missing value, which is found while the words are read.
    for (const std::vector<std::string>& words :
         std::vector<std::vector<std::string>>{{"--version", "--help"},
                                               {"--help", "--version"},
                                               {"--version", "--color", "sometimes"},
                                               {"--color", "sometimes", "--version"},
                                               {"--version", "--bogus"},
                                               {"--version", "--completions", "bash"}}) {
      CAPTURE(words[0]);
      CAPTURE(words[1]);
      const auto result = run_command(name, words);
      CHECK(result.status == 0);
      CHECK(result.err.empty());
      CHECK(result.out == version.out);
    }
    check_usage_error(name, {"--version", "--completions"}, "--completions needs a SHELL");

    // --completions wins over --help.
    const auto script = run_command(name, {"--completions", "bash", "--help"});
    CHECK(script.status == 0);
    CHECK(script.out == run_command(name, {"--completions", "bash"}).out);
  }
}

TEST_CASE("messages fit the terminal, broken between words, and stay one line in a pipe") {
  const std::vector<std::vector<std::string>> mistakes = {
      {"aa-journal", "--prompt-id", "quiet"},  // ambiguous, with two names and the way to list them
      {"aa-faq", "weakness"},                  // not found, with the list and the search
      {"aa-tip", "-daily"},                    // a usage error, with the way to the help
      {"aa-content", "chek", "x"},
  };
  for (const auto& mistake : mistakes) {
    CAPTURE(mistake[0] + " " + mistake[1]);
    std::vector<std::string> arguments = mistake;
    arguments[0] = command(mistake[0]);
    const auto piped = run(arguments);
    CHECK(piped.status != 0);
    CHECK(aa::test::count_lines(piped.err) == 1);
    REQUIRE(aa::display_width(piped.err) > 60);
    for (const unsigned short columns : {60, 200}) {
      CAPTURE(columns);
      const auto shown =
          run(arguments, aa::test::RunOptions{.terminal = true, .stderr_on_terminal = true, .columns = columns});
      CHECK(shown.status == piped.status);
      std::vector<std::string> lines;
      for (std::string line : split_lines(shown.out)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        CAPTURE(line);
        CHECK(aa::display_width(line) <= columns);
        lines.push_back(line);
      }
      CHECK(words_of(shown.out) == words_of(piped.err));
      if (columns == 200) CHECK(lines.size() == 1);
    }
  }
}

TEST_CASE("the question before deleting fits a terminal of 60 columns") {
  aa::test::TempDir home;
  aa::test::RunOptions options;
  options.env["HOME"] = home.path();
  options.stdin_text = "An entry long enough to make the question before deleting it wider than the terminal is.";
  REQUIRE(run({command("aa-journal"), "--no-prompt"}, options).status == 0);
  options.stdin_text.clear();
  options.terminal = true;
  options.stderr_on_terminal = true;
  options.columns = 60;
  options.keys = {"n\n"};
  const auto asked = run({command("aa-journal"), "--delete", "1"}, options);
  CHECK(asked.status == 1);
  CHECK(asked.out.find("Nothing was deleted.") != std::string::npos);
  std::size_t widest = 0;
  for (std::string line : split_lines(asked.out)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    CAPTURE(line);
    CHECK(aa::display_width(line) <= 60);
    widest = std::max(widest, aa::display_width(line));
  }
  CHECK(widest > 40);
}
