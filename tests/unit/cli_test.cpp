#include "aa/cli.hpp"

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
              if (fcntl(fd, F_GETFD) == -1) return 1;                           // filled
              if (write(fd, "x", 1) != -1 || errno != EBADF) return 2;          // yet not writable
              char byte = 0;
              if (read(fd, &byte, 1) != -1 || errno != EBADF) return 3;         // nor readable
              if (isatty(fd)) return 4;
            }
            const int next = open("/dev/null", O_RDWR);
            return next > STDERR_FILENO ? 0 : 5;                                // a new file gets 3 or more
          }) == 0);
  }
  // Open ones are left alone.
  const int flags = fcntl(STDOUT_FILENO, F_GETFL);
  aa::cli::fill_closed_standard_descriptors();
  CHECK(fcntl(STDOUT_FILENO, F_GETFL) == flags);
}
