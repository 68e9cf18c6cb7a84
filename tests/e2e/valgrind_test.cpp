// SPDX-License-Identifier: MIT
// Each command's main paths under valgrind's memcheck: no invalid access,
// no uninitialised read, no leak. memcheck needs a dynamically linked
// glibc, so this runs the dynamically linked commands: the static release
// build's twins in commands/dynamic/, or the commands of any other build.
// The sanitizer build runs the whole suite under ASan + UBSan instead;
// valgrind cannot run ASan binaries.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "process.hpp"

#ifdef AA_TEST_UNDER_ASAN
constexpr bool under_asan = true;
#else
constexpr bool under_asan = false;
#endif

namespace {

struct Case {
  std::string shell;
  int status;
  std::string stdin_text = "";
  std::string before = "";  // shell commands that prepare the case, not under valgrind
};

// Runs each case with the command (its first word) under memcheck, in a
// home of its own: the exit status is the case's, and memcheck says nothing.
void check_under_valgrind(const std::vector<Case>& cases) {
  aa::test::TempDir home;
  const std::string dynamic = AA_DYNAMIC_TOOLS_DIR;
  REQUIRE(std::filesystem::exists(dynamic + "/aa-tip"));
  const std::string path = dynamic + ":/usr/bin:/bin";
  for (const Case& c : cases) {
    CAPTURE(c.shell);
    aa::test::RunOptions options;
    options.env = {{"PATH", path}, {"HOME", home.path()}, {"EDITOR", "false"}};
    options.stdin_text = c.stdin_text;
    options.timeout_seconds = 120;
    const std::string wrapped = (c.before.empty() ? "" : c.before + " && ") +
                                "valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite " +
                                c.shell;
    const auto result = aa::test::run({"/bin/bash", "-c", wrapped}, options);
    CAPTURE(result.err.substr(0, 2000));
    CHECK(result.status == c.status);
    CHECK(result.err.find("==") == std::string::npos);  // valgrind's reports start with ==PID==
  }
}

}  // namespace

// One test a command, so that they run side by side.
TEST_CASE("aa-tip runs clean under valgrind" * doctest::skip(under_asan)) {
  check_under_valgrind({
      {"aa-tip", 0},
      {"aa-tip --daily --count 3 --format json", 0},
      {"aa-tip --list --format fortune", 0},
      {"aa-tip --id nosuch", 1},
      {"aa-tip --bogus", 2},
      {"aa-tip --content-dir \"$HOME/none\"", 2},
      {"aa-tip > /dev/full", 74},
  });
}

TEST_CASE("aa-read runs clean under valgrind" * doctest::skip(under_asan)) {
  check_under_valgrind({
      {"aa-read", 0},
      {"aa-read --all --width 60", 0},
      {"aa-read --format markdown signs 5", 0},
      {"aa-read --json --all", 0},
      {"aa-read --search partner --color=always", 0},
      {"aa-read nosuch", 1},
  });
}

TEST_CASE("aa-faq runs clean under valgrind" * doctest::skip(under_asan)) {
  check_under_valgrind({
      {"aa-faq", 0},
      {"aa-faq --all --width 50", 0},
      {"aa-faq --json 1 2", 0},
      {"aa-faq 99", 1},
  });
}

TEST_CASE("aa-check runs clean under valgrind" * doctest::skip(under_asan)) {
  check_under_valgrind({
      {"aa-check --items", 0},
      {"aa-check --answers 3,1,4,0 --save", 0},
      {"aa-check --json", 0, "2 2 2 2"},
      {"aa-check --history --json", 0},
      {"aa-check --answers 9,9,9,9", 2},
      {"aa-check --forget --yes", 0},
  });
}

TEST_CASE("aa-journal runs clean under valgrind" * doctest::skip(under_asan)) {
  check_under_valgrind({
      {"aa-journal --prompt", 0},
      {"aa-journal --no-prompt", 0, "A first entry.\n"},
      {"aa-journal --list", 0},
      {"aa-journal --show 1 --json", 0},
      {"aa-journal --search first", 0},
      {"aa-journal --delete 1 --yes", 0},
      {"aa-journal --show 7", 1},
      {"aa-journal --forget --yes", 0},
  });
}

TEST_CASE("aa-content runs clean under valgrind" * doctest::skip(under_asan)) {
  check_under_valgrind({
      {"aa-content dump \"$HOME/dump\"", 0},
      {"aa-content check \"$HOME/dump\"", 0},
      {"aa-content check \"$HOME/bad\"", 65, "",
       "mkdir \"$HOME/bad\" && printf '[[tip]]\\nid = 1\\n' > \"$HOME/bad/tips.toml\""},
  });
}

// Without scrypt, which takes 256 MiB and a minute under memcheck: the
// sanitizer build runs every encrypted flow instead.
TEST_CASE("aa-vault runs clean under valgrind" * doctest::skip(under_asan)) {
  check_under_valgrind({
      {"aa-vault status", 0},
      {"aa-vault passphrase", 1},
      {"aa-vault decrypt", 0},
      {"aa-journal --list", 65, "",
       "export AA_PASSPHRASE_COMMAND='echo words' && mkdir -p -m 700 \"$HOME/.local/share/aa\" && printf "
       "'age-encryption.org/v1\\n-> X25519 abc\\n' > "
       "\"$HOME/.local/share/aa/journal.jsonl.age\" && chmod 600 \"$HOME/.local/share/aa/journal.jsonl.age\""},
  });
}

TEST_CASE("aa runs clean under valgrind" * doctest::skip(under_asan)) {
  check_under_valgrind({
      {"aa", 0},
      {"aa help", 0},
      {"aa --completions zsh", 0},
      {"aa --completion-names commands", 0},
      {"aa tpi", 2},
      {"aa ../x", 2},
      {"aa --version > /dev/full", 74},
  });
}
