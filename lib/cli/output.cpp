// SPDX-License-Identifier: MIT
#include "aa/cli/output.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <exception>

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aa/cli/child.hpp"
#include "aa/cli/cli.hpp"
#include "aa/content/text.hpp"
#include "aa/io/error.hpp"

namespace aa {
namespace {

std::size_t count_lines(std::string_view text) {
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

}  // namespace

void write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) throw BrokenPipe();
      throw Error(Problem::io, fmt::format("write error: {}", std::strerror(errno)));
    }
    data.remove_prefix(static_cast<std::size_t>(written));
  }
}

std::string pager_for(std::string_view text, const Terminal& terminal, bool allow_pager) {
  if (!allow_pager || !terminal.stdout_is_tty) return "";
  // A terminal that cannot say what it is cannot run less well either.
  if (!terminal.term || terminal.term->empty() || *terminal.term == "dumb") return "";
  if (terminal.rows == 0 || count_lines(text) < terminal.rows) return "";
  if (terminal.pager) return *terminal.pager;
  return "less -FRX";
}

PagerRun run_pager(std::string_view text, const std::string& command) {
  // sh's messages start "sh: ", as git's pagers' do.
  std::string shell = "sh", dash_c = "-c", script = command;
  char* const arguments[] = {shell.data(), dash_c.data(), script.data(), nullptr};
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0) return PagerRun::could_not_run;
  // Ignored from before the fork, so that no Ctrl-C can end us while the
  // pager has the terminal.
  const cli::IgnoredSignals ignored;
  const pid_t child = ::fork();
  if (child == 0) {
    cli::IgnoredSignals::restore_defaults();
    if (ends[0] == STDIN_FILENO ? ::fcntl(STDIN_FILENO, F_SETFD, 0) != 0 : ::dup2(ends[0], STDIN_FILENO) < 0) {
      ::_exit(127);
    }
    // Unless LESS is set, less then keeps our colours (R), does not page
    // what fits (F) and leaves the text on the screen (X), as git sets it.
    ::setenv("LESS", "FRX", 0);
    ::execv("/bin/sh", arguments);
    ::_exit(127);
  }
  ::close(ends[0]);
  if (child < 0) {
    ::close(ends[1]);
    return PagerRun::could_not_run;
  }
  std::exception_ptr write_failure;
  try {
    write_all(ends[1], text);
  } catch (const BrokenPipe&) {
    // The pager stopped reading: quit early (q in less), or never started.
  } catch (...) {
    write_failure = std::current_exception();
  }
  ::close(ends[1]);
  const int status = cli::wait_for(child);
  if (write_failure) std::rethrow_exception(write_failure);

  if (status < 0)
    throw Error(Problem::io, fmt::format("pager '{}' was lost: {}", printable(command), std::strerror(errno)));
  if (WIFSIGNALED(status)) {
    // Ctrl-C in a pager that does not catch it: what the person asked for.
    if (WTERMSIG(status) == SIGINT) return PagerRun::shown;
    // Its words went to a stderr nobody reads (sh saying "not found"): it
    // showed nothing.
    if (WTERMSIG(status) == SIGPIPE) return PagerRun::could_not_run;
    throw Error(Problem::io, fmt::format("pager '{}' was killed by signal {} ({})", printable(command),
                                         WTERMSIG(status), strsignal(WTERMSIG(status))));
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  // 130 is how sh says its program died of SIGINT.
  if (code == 0 || code == 128 + SIGINT) return PagerRun::shown;
  // What sh exits with when it cannot find or run the program.
  if (code == 126 || code == 127) return PagerRun::could_not_run;
  throw Error(Problem::io, fmt::format("pager '{}' failed with exit status {}", printable(command), code));
}

void emit(std::string_view text, const Terminal& terminal, bool allow_pager, std::string_view program) {
  const std::string pager = pager_for(text, terminal, allow_pager);
  if (pager.find_first_not_of(" \t\n") == std::string::npos) return write_all(STDOUT_FILENO, text);
  if (run_pager(text, pager) == PagerRun::shown) return;
  cli::report_warning(program, fmt::format("pager '{}' could not run; showing the text directly", printable(pager)));
  write_all(STDOUT_FILENO, text);
}

}  // namespace aa
