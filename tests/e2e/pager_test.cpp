// SPDX-License-Identifier: MIT
// The pager, end to end on a terminal: run with sh -c, its exit status
// checked, a pager that cannot run (126 or 127) skipped with one warning, none for a
// dumb or unknown terminal, and Ctrl-C never ending the command before the
// pager.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "guide_e2e.hpp"
#include "process.hpp"

namespace {

using aa::test::RunOptions;
using aa::test::seen;

// aa-read --all on a terminal of 24 rows, far taller, so it is paged.
aa::test::RunResult read_all(std::map<std::string, std::optional<std::string>> env) {
  env.emplace("TERM", "xterm");
  return aa::test::run({aa::test::command("aa-read"), "--all"},
                       RunOptions{.env = std::move(env), .terminal = true, .columns = 80, .rows = 24});
}

bool shows_guide(const aa::test::RunResult& result) {
  const std::string text = seen(result.out);
  return text.find("1. What anxious attachment is") != std::string::npos &&
         text.find("7. Closing words") != std::string::npos;
}

std::string script(const aa::test::TempDir& dir, const std::string& name, const std::string& body) {
  const std::string path = dir.write(name, "#!/bin/sh\n" + body);
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

}  // namespace

TEST_CASE("pager: one that fails is a write error, 74") {
  const auto result = read_all({{"PAGER", "false"}});
  CHECK(result.status == 74);
  CHECK(result.err == "aa-read: error: pager 'false' failed with exit status 1\n");
  CHECK_FALSE(shows_guide(result));
}

TEST_CASE("pager: one that cannot run is skipped with one warning, and the text shown") {
  aa::test::TempDir dir;
  const std::string plain = dir.write("plain", "not a program\n");
  // A directory, a name not on PATH, a file that is not a program: sh says
  // why and exits 126 or 127.
  for (const std::string& pager : {dir.path(), std::string("nosuch-pager -x"), plain,
                                   std::string("exec /nonexistent/pager"), std::string("exec \"$AA_TEST_DIR\"")}) {
    CAPTURE(pager);
    const auto result = read_all({{"PAGER", pager}, {"AA_TEST_DIR", dir.path()}});
    CHECK(result.status == 0);
    // sh has its say first.
    CHECK(result.err.starts_with("sh: "));
    const std::string warning = "aa-read: warning: pager '" + pager + "' could not run; showing the text directly\n";
    CHECK(result.err.ends_with(warning));
    CHECK(result.err.find("aa-read:") == result.err.size() - warning.size());
    CHECK(shows_guide(result));
  }
}

TEST_CASE("pager: PAGER in a warning is escaped") {
  const auto result = read_all({{"PAGER", "exit 127 # nosuch\x1b\x07\xc2\x9b\xe2\x80\xae"}});
  CHECK(result.status == 0);
  CHECK(result.err ==
        "aa-read: warning: pager 'exit 127 # nosuch\\x1b\\x07\\u{009b}\\u{202e}' could not run; showing "
        "the text directly\n");
  CHECK(shows_guide(result));
}

TEST_CASE("pager: run with sh -c, NAME=value words first, LESS=FRX unless LESS is set") {
  SUBCASE("PAGER='LESS=R cat'") {
    const auto result = read_all({{"PAGER", "LESS=R cat"}});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(shows_guide(result));
  }
  aa::test::TempDir dir;
  const std::string pager = script(dir, "pager.sh", "printf 'LESS is [%s]\\n' \"$LESS\"\ncat\n");
  SUBCASE("LESS unset") {
    const auto result = read_all({{"PAGER", pager}});
    CHECK(result.status == 0);
    CHECK(seen(result.out).find("LESS is [FRX]") != std::string::npos);
    CHECK(shows_guide(result));
  }
  SUBCASE("LESS set by the user") {
    const auto result = read_all({{"PAGER", pager}, {"LESS", "-S"}});
    CHECK(seen(result.out).find("LESS is [-S]") != std::string::npos);
  }
  SUBCASE("LESS set in PAGER") {
    const auto result = read_all({{"PAGER", "LESS='-R -S' '" + pager + "'"}});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(seen(result.out).find("LESS is [-R -S]") != std::string::npos);
  }
}

TEST_CASE("pager: none when TERM is dumb or unset") {
  aa::test::TempDir dir;
  const std::string pager = aa::test::recording_pager(dir);
  const std::string paged = dir.path() + "/paged.txt";
  for (const std::optional<std::string>& term : {std::optional<std::string>("dumb"), std::optional<std::string>()}) {
    CAPTURE(term.value_or("(unset)"));
    const auto result = aa::test::run({aa::test::command("aa-read"), "--all"},
                                      RunOptions{.env = {{"PAGER", pager}, {"TERM", term}}, .terminal = true});
    CHECK(result.status == 0);
    CHECK_FALSE(std::filesystem::exists(paged));
    CHECK(shows_guide(result));
  }
  // The same with a terminal that says what it is: paged.
  CHECK(read_all({{"PAGER", pager}}).status == 0);
  CHECK(std::filesystem::exists(paged));
}

TEST_CASE("pager: SIGINT while it runs does not end the command, the pager finishes") {
  aa::test::TempDir dir;
  // sh -c runs it, so $PPID in PAGER is the command itself: interrupt it,
  // then take a moment before showing the text.
  const std::string pager = script(dir, "interrupting.sh", "kill -INT \"$1\"\nsleep 0.3\ncat\necho pager done\n");
  const auto result = read_all({{"PAGER", "sh '" + pager + "' $PPID"}});
  CHECK(result.status == 0);  // not 130, a death by SIGINT
  CHECK(result.err.empty());
  CHECK(shows_guide(result));
  CHECK(seen(result.out).find("pager done") != std::string::npos);
}

TEST_CASE("pager: the pager itself gets SIGINT back at its default") {
  aa::test::TempDir dir;
  // Were SIGINT still ignored in the pager, it would live on to say so.
  const auto result = read_all({{"PAGER", "exec sh -c 'kill -INT $$; echo survived'"}});
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CHECK(seen(result.out).find("survived") == std::string::npos);
}
