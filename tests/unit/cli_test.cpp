#include "aa/cli.hpp"
#include "aa/suggest.hpp"

#include <doctest/doctest.h>

#include <cerrno>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// Runs `check` in a child with `closed` descriptors closed; its exit
// status: 0 when every check held, else the number of the one that failed.
template <class Check>
int in_child_without(std::initializer_list<int> closed, Check check) {
  const pid_t child = fork();
  if (child == 0) {
    for (int fd : closed) close(fd);
    _exit(check());
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

}  // namespace

TEST_CASE("fill_closed_standard_descriptors: a closed 0, 1 or 2 stays unusable and is never reused") {
  for (const auto closed : {std::initializer_list<int>{1}, {2}, {1, 2}, {0, 1, 2}, {0, 2}}) {
    CHECK(in_child_without(closed, [&] {
            aa::cli::fill_closed_standard_descriptors();
            for (int fd : closed) {
              if (fcntl(fd, F_GETFD) == -1) return 1;                   // filled
              if (write(fd, "x", 1) != -1 || errno != EBADF) return 2;  // yet not writable
              char byte = 0;
              if (read(fd, &byte, 1) != -1 || errno != EBADF) return 3;  // nor readable
              if (isatty(fd)) return 4;
            }
            const int next = open("/dev/null", O_RDWR);
            return next > STDERR_FILENO ? 0 : 5;  // a new file gets 3 or more
          }) == 0);
  }
  // Open ones are left alone.
  const int flags = fcntl(STDOUT_FILENO, F_GETFL);
  aa::cli::fill_closed_standard_descriptors();
  CHECK(fcntl(STDOUT_FILENO, F_GETFL) == flags);
}

TEST_CASE("worded: the command-line layer adds how to list what a name was looked for among") {
  const std::string_view names[] = {"signs", "strategies"};
  try {
    aa::throw_unknown_name(aa::Names::sections, "sign", names);
  } catch (const aa::Error& error) {
    CHECK(aa::cli::worded(error) == "no section 'sign'; did you mean 'signs'? ('aa-read --list' lists them)");
  }
  CHECK(aa::cli::worded(aa::Error(aa::Problem::not_found, "no tip 'x'", aa::Names::tips)) ==
        "no tip 'x' ('aa-tip --list' lists them)");
  CHECK(aa::cli::worded(aa::Error(aa::Problem::not_found, "no category 'x'", aa::Names::categories)) ==
        "no category 'x' ('aa-tip --list-categories' lists them)");
  CHECK(aa::cli::worded(aa::Error(aa::Problem::not_found, "no question 9", aa::Names::questions)) ==
        "no question 9 ('aa-faq --list' lists them)");
  CHECK(aa::cli::worded(aa::Error(aa::Problem::usage, "3 answers for 4 items", aa::Names::checklist)) ==
        "3 answers for 4 items; 'aa-check --items' lists the statements in order");
  CHECK(aa::cli::worded(aa::Error(aa::Problem::io, "disk full")) == "disk full");
}

TEST_CASE("exit_status: the documented status for each kind of failure") {
  CHECK(aa::cli::exit_status(aa::Problem::not_found) == 1);
  CHECK(aa::cli::exit_status(aa::Problem::usage) == 2);
  CHECK(aa::cli::exit_status(aa::Problem::data) == 65);
  CHECK(aa::cli::exit_status(aa::Problem::io) == 74);
  CHECK(aa::cli::exit_status(aa::Problem::internal) == 70);
}

TEST_CASE("parse_format: every format by its option name, and nothing else") {
  CHECK(aa::cli::parse_format("text") == aa::Format::text);
  CHECK(aa::cli::parse_format("markdown") == aa::Format::markdown);
  CHECK(aa::cli::parse_format("json") == aa::Format::json);
  CHECK(aa::cli::parse_format("fortune") == aa::Format::fortune);
  CHECK_FALSE(aa::cli::parse_format("JSON"));
  CHECK_FALSE(aa::cli::parse_format("yaml"));
}
