// SPDX-License-Identifier: MIT
// --format, end to end: every command that prints content takes the same
// set, refuses with one message a format that does not fit what it is asked
// to print, and its Markdown is a document pandoc can title and link into.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;

namespace {

// Runs `name` with `args`, its data and settings in `home`.
RunResult run_in(const aa::test::TempDir& home, const std::string& name, std::vector<std::string> args,
                 RunOptions options = {}) {
  args.insert(args.begin(), command(name));
  options.env["HOME"] = home.path();
  options.env["XDG_DATA_HOME"] = home.path() + "/data";
  options.env["XDG_CONFIG_HOME"] = home.path() + "/config";
  return run(args, options);
}

struct Refusal {
  std::string program;
  std::vector<std::string> args;
  std::string message;
};

const std::string markdown_title_start = "---\ntitle: \"";

// What a run showed, without the carriage returns a terminal adds.
std::string shown(std::string text) {
  std::erase(text, '\r');
  return text;
}

}  // namespace

TEST_CASE("a format that does not fit what is asked for is refused, in the same words everywhere") {
  aa::test::TempDir home;
  const std::vector<Refusal> refusals = {
      {"aa-read",
       {"--search", "partner", "--format", "markdown"},
       "aa-read: error: --format markdown does not apply to --search, which prints text or json\n"},
      {"aa-faq",
       {"--search", "help", "--format", "markdown"},
       "aa-faq: error: --format markdown does not apply to --search, which prints text or json\n"},
      {"aa-tip",
       {"--search", "partner", "--format", "markdown"},
       "aa-tip: error: --format markdown does not apply to --search, which prints text or json\n"},
      {"aa-tip",
       {"--search", "partner", "--format", "fortune"},
       "aa-tip: error: --format fortune does not apply to --search, which prints text or json\n"},
      {"aa-tip",
       {"--list-categories", "--format", "fortune"},
       "aa-tip: error: --format fortune does not apply to --list-categories, which prints text, markdown or json\n"},
      {"aa-check",
       {"--forget", "--yes", "--format", "markdown"},
       "aa-check: error: --format markdown does not apply to --forget, which prints text or json\n"},
  };
  // The same in a pipe and on a terminal.
  for (const bool terminal : {false, true}) {
    for (const Refusal& refusal : refusals) {
      CAPTURE(terminal);
      CAPTURE(refusal.program);
      CAPTURE(refusal.message);
      const RunResult result = run_in(home, refusal.program, refusal.args, {.terminal = terminal});
      CHECK(result.status == 2);
      CHECK(shown(result.out).empty());
      CHECK(result.err == refusal.message);
    }
  }
  // The refusal comes before any search: no hits would otherwise say exit 1.
  CHECK(run_in(home, "aa-tip", {"--search", "zzzznothing", "--format", "markdown"}).status == 2);
}

TEST_CASE("fortune is for tips only") {
  aa::test::TempDir home;
  for (const std::string name : {"aa-read", "aa-faq", "aa-check"}) {
    CAPTURE(name);
    CHECK(run_in(home, name, {"--format", "fortune"}).status == 2);
  }
  CHECK(run_in(home, "aa-tip", {"--format", "fortune"}).status == 0);
}

TEST_CASE("every command prints Markdown documents that start with a title") {
  aa::test::TempDir home;
  const std::vector<std::pair<std::string, std::vector<std::string>>> documents = {
      {"aa-read", {"--all"}},
      {"aa-read", {}},
      {"aa-read", {"signs"}},
      {"aa-faq", {"--all"}},
      {"aa-faq", {}},
      {"aa-tip", {"--list"}},
      {"aa-tip", {"--daily"}},
      {"aa-check", {"--items"}},
      {"aa-check", {"--answers", "3,1,4,0"}},
      // Every list of names is a document too: one rule for lists.
      {"aa-read", {"--list"}},
      {"aa-faq", {"--list"}},
      {"aa-tip", {"--list-categories"}},
      {"aa-journal", {"--list-prompts"}},
  };
  for (const bool terminal : {false, true}) {
    for (const auto& entry : documents) {
      const auto& [name, args] = entry;
      std::vector<std::string> with_format = args;
      with_format.insert(with_format.end(), {"--format", "markdown", "--no-pager"});
      CAPTURE(terminal);
      CAPTURE(entry.first);
      CAPTURE(entry.second.size());
      const RunResult result = run_in(home, name, with_format, {.terminal = terminal});
      CHECK(result.status == 0);
      CHECK(result.err.empty());
      CHECK(shown(result.out).starts_with(markdown_title_start));
      // No colour or other escape in a document, even on a terminal.
      CHECK(result.out.find('\x1b') == std::string::npos);
    }
  }
}

TEST_CASE("Markdown headings carry the slug as an anchor") {
  aa::test::TempDir home;
  const RunResult guide = run_in(home, "aa-read", {"--all", "--format", "markdown"});
  CHECK(guide.out.find("\n# 4. ") != std::string::npos);
  CHECK(guide.out.find(" {#signs}\n") != std::string::npos);
  CHECK(guide.out.find(" {#strategies}\n") != std::string::npos);
  const RunResult check = run_in(home, "aa-check", {"--answers", "4,4,4,4", "--format", "markdown"});
  CHECK(check.out.find("{#answers}") != std::string::npos);
  CHECK(check.out.find("{#stands-out}") != std::string::npos);
  CHECK(check.out.find("emergency services") != std::string::npos);  // the safety note is there too
}

TEST_CASE("aa-check's history as Markdown: a table, nothing on stdout and exit 1 when there is none") {
  aa::test::TempDir home;
  const RunResult empty = run_in(home, "aa-check", {"--history", "--format", "markdown"});
  CHECK(empty.status == 1);
  CHECK(empty.out.empty());
  CHECK(empty.err == "aa-check: error: no saved results yet; 'aa-check --save' keeps one\n");
  REQUIRE(run_in(home, "aa-check", {"--answers", "1,2,3,4", "--save"}).status == 0);
  const RunResult table = run_in(home, "aa-check", {"--history", "--format", "markdown"});
  CHECK(table.status == 0);
  CHECK(table.out.starts_with(markdown_title_start));
  CHECK(table.out.find("| Date |") != std::string::npos);
  CHECK(table.out.find(" 10/16 |") != std::string::npos);
}

TEST_CASE("aa-check --forget --yes --json says what it did as JSON") {
  aa::test::TempDir home;
  const RunResult none = run_in(home, "aa-check", {"--forget", "--yes", "--json"});
  CHECK(none.status == 0);
  const auto nothing = nlohmann::json::parse(none.out);
  CHECK(nothing.at("deleted") == false);
  CHECK(nothing.at("file").get<std::string>().ends_with("/data/aa/checks.jsonl"));

  REQUIRE(run_in(home, "aa-check", {"--answers", "1,2,3,4", "--save"}).status == 0);
  const RunResult deleted = run_in(home, "aa-check", {"--forget", "--yes", "--format", "json"});
  CHECK(deleted.status == 0);
  CHECK(nlohmann::json::parse(deleted.out).at("deleted") == true);
  CHECK(nlohmann::json::parse(run_in(home, "aa-check", {"--history", "--json"}).out)["results"] ==
        nlohmann::json::array());
}

TEST_CASE("an unknown setting in config.toml is named with its line, and the rest still applies") {
  aa::test::TempDir home;
  home.write("config/aa/config.toml", "# settings\nsave = true\nsav = true\n");
  const RunResult result = run_in(home, "aa-check", {"--answers", "1,1,1,1"});
  CHECK(result.status == 0);
  CHECK(result.err ==
        "aa-check: warning: " + home.path() + "/config/aa/config.toml:3: unknown setting 'sav' (ignored)\n");
  CHECK(run_in(home, "aa-check", {"--history", "--json"}).out != "[]\n");  // save = true was kept
}

TEST_CASE("a TOML mistake in config.toml reads as plain words, with its place") {
  aa::test::TempDir home;
  home.write("config/aa/config.toml", "save = tru\n");
  const RunResult result = run_in(home, "aa-check", {"--answers", "1,1,1,1"});
  CHECK(result.status == 65);
  CHECK(result.err == "aa-check: error: " + home.path() +
                          "/config/aa/config.toml:1:11: 'tru' is not a value: write true or false (in lower case), a "
                          "number, or text in \"quotes\"\n");
}

TEST_CASE("JSON is the same document on a terminal as in a pipe: no colour, no wrapping") {
  aa::test::TempDir home;
  const std::vector<std::pair<std::string, std::vector<std::string>>> documents = {
      {"aa-read", {"--all"}},
      {"aa-faq", {"--all"}},
      {"aa-tip", {"--list"}},
      {"aa-tip", {"--list-categories"}},
      {"aa-read", {"--search", "partner"}},
      {"aa-check", {"--items"}},
      {"aa-check", {"--answers", "3,1,4,0"}},
  };
  for (const auto& entry : documents) {
    const auto& [name, args] = entry;
    std::vector<std::string> with_format = args;
    with_format.insert(with_format.end(), {"--json", "--no-pager"});
    CAPTURE(entry.first);
    CAPTURE(entry.second.front());
    const RunResult piped = run_in(home, name, with_format);
    const RunResult on_terminal = run_in(home, name, with_format, {.terminal = true, .columns = 40});
    CHECK(piped.status == 0);
    CHECK(on_terminal.status == 0);
    CHECK(on_terminal.out.find('\x1b') == std::string::npos);
    // A check's time is its clock's: the two runs may be a second apart.
    CHECK(aa::test::without_clock_time(shown(on_terminal.out)) == aa::test::without_clock_time(piped.out));
    CHECK(nlohmann::json::accept(piped.out));
  }
}
