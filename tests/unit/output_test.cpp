// SPDX-License-Identifier: MIT
#include "aa/cli/output.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>

#include "aa/io/error.hpp"
#include "error_message.hpp"
#include "process.hpp"

TEST_CASE("run_pager: the text on the pager's stdin, LESS=FRX unless set, and its exit status") {
  aa::test::TempDir dir;
  const std::string out = dir.path() + "/out";
  const auto written = [&] {
    std::ifstream in(out);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };

  CHECK(aa::run_pager("some text\n", "cat > '" + out + "'") == aa::PagerRun::shown);
  CHECK(written() == "some text\n");

  // LESS=FRX for the pager alone, unless the user has a LESS.
  unsetenv("LESS");
  CHECK(aa::run_pager("", "printf %s \"$LESS\" > '" + out + "'") == aa::PagerRun::shown);
  CHECK(written() == "FRX");
  CHECK(std::getenv("LESS") == nullptr);
  setenv("LESS", "-S", 1);
  CHECK(aa::run_pager("", "printf %s \"$LESS\" > '" + out + "'") == aa::PagerRun::shown);
  CHECK(written() == "-S");
  unsetenv("LESS");

  // A pager that stops reading early (q in less) has done its job.
  CHECK(aa::run_pager(std::string(1 << 20, 'x'), "head -c 1 > /dev/null") == aa::PagerRun::shown);

  // sh could not run it.
  CHECK(aa::run_pager("text\n", "exit 127") == aa::PagerRun::could_not_run);
  CHECK(aa::run_pager("text\n", "exit 126") == aa::PagerRun::could_not_run);
  CHECK(aa::run_pager("text\n", "/nonexistent/pager 2>/dev/null") == aa::PagerRun::could_not_run);
  // sh said so on a stderr nobody reads, and died of SIGPIPE.
  CHECK(aa::run_pager("text\n", "kill -PIPE $$") == aa::PagerRun::could_not_run);

  // It failed: a read or write error of ours.
  CHECK(aa::test::error_message(aa::Problem::io, "false", [] { aa::run_pager("text\n", "false"); }) ==
        "pager 'false' failed with exit status 1");
  CHECK(aa::test::error_message(aa::Problem::io, "killed", [] {
          aa::run_pager("text\n", "kill -TERM $$");
        }).starts_with("pager 'kill -TERM $$' was killed by signal 15"));
  // Ctrl-C in a pager that does not catch it ends it, as the person asked.
  CHECK(aa::run_pager("text\n", "kill -INT $$") == aa::PagerRun::shown);
  CHECK(aa::run_pager("text\n", "sh -c 'kill -INT $$'") == aa::PagerRun::shown);
  CHECK(aa::run_pager("text\n", "exit 130") == aa::PagerRun::shown);
}

TEST_CASE("run_pager: SIGINT is ignored while the pager runs, restored after, and default in the pager") {
  aa::test::TempDir dir;
  const std::string out = dir.path() + "/out";
  struct sigaction before {};
  sigaction(SIGINT, nullptr, &before);
  // The pager interrupts us, then finishes its work: we are still here.
  // It was started with SIGINT at its default, so the second kill ends it
  // before it can write "survived".
  CHECK(aa::run_pager("", "kill -INT $PPID; echo waited > '" + out + "'; kill -INT $$; echo survived >> '" + out +
                              "'") == aa::PagerRun::shown);
  std::ifstream in(out);
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "waited\n");
  struct sigaction after {};
  sigaction(SIGINT, nullptr, &after);
  CHECK((after.sa_handler == before.sa_handler));
}
