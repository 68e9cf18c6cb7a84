// SPDX-License-Identifier: MIT
#include "aa/cli/passphrase.hpp"

#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <optional>
#include <string>

#include <fcntl.h>
#include <fmt/core.h>
#include <poll.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "aa/cli/child.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/terminal_mode.hpp"
#include "aa/io/error.hpp"
#include "aa/io/io.hpp"

extern char** environ;

namespace aa::cli {
namespace {

[[noreturn]] void refuse(const std::string& message) { throw Error(Problem::passphrase, message); }

// How long a passphrase command may take with no terminal: no person can
// answer a prompt of its there, nor press Ctrl-C.
constexpr std::chrono::seconds unattended_wait{10};

// Whether this process has a terminal where a person can be asked.
bool attended() {
  const FileDescriptor terminal(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC));
  return terminal.is_open();
}

// One line from `fd`, without its newline (nor a carriage return before
// it), read a byte at a time so that nothing after it is taken: stdin may
// carry the passphrase, then the text of an entry. Returns whether the line
// ended with a newline.
bool read_line(int fd, Secret& line, std::string_view from,
               std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt) {
  while (true) {
    if (deadline) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
      pollfd ready{fd, POLLIN, 0};
      const int polled = left.count() > 0 ? ::poll(&ready, 1, static_cast<int>(left.count())) : 0;
      if (polled < 0 && errno == EINTR) continue;
      if (polled == 0) {
        refuse(
            fmt::format("{} gave no passphrase within {} seconds, with no terminal where it could ask for one; it "
                        "was stopped",
                        from, unattended_wait.count()));
      }
    }
    char byte = 0;
    const ssize_t got = ::read(fd, &byte, 1);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) refuse(fmt::format("cannot read the passphrase from {}: {}", from, std::strerror(errno)));
    if (got == 0) return false;
    if (byte == '\n') break;
    if (!line.push_back(byte)) {
      refuse(fmt::format("the passphrase from {} is longer than {}", from, describe_size(passphrase_limit)));
    }
  }
  if (line.view().ends_with('\r')) line.pop_back();
  return true;
}

Secret from_descriptor(std::string_view number) {
  int fd = 0;
  for (char c : number) {
    if (c < '0' || c > '9' || fd > 100'000'000) fd = -1;
    if (fd < 0) break;
    fd = fd * 10 + (c - '0');
  }
  if (number.empty() || fd < 0) {
    throw Error(Problem::usage, fmt::format("AA_PASSPHRASE_FD is '{}', not the number of a file descriptor", number));
  }
  Secret passphrase(passphrase_limit);
  read_line(fd, passphrase, fmt::format("descriptor {} (AA_PASSPHRASE_FD)", fd));
  return passphrase;
}

// The first line `command` prints on stdout, run by sh -c. A command still
// running once it has printed its line is stopped: only the line matters.
Secret from_command(const std::string& command, std::string_view variable) {
  std::array<int, 2> pipe_ends{};
  if (::pipe2(pipe_ends.data(), O_CLOEXEC) != 0)
    refuse(fmt::format("cannot run {}: {}", variable, std::strerror(errno)));
  FileDescriptor reading(pipe_ends[0]), writing(pipe_ends[1]);
  std::string shell = "/bin/sh", dash_c = "-c", script = command;
  char* const arguments[] = {shell.data(), dash_c.data(), script.data(), nullptr};
  // With a terminal, the command shares our process group, so that it can
  // ask there and Ctrl-C stops it too; without, it gets a group of its own,
  // stopped whole when it is done or takes too long.
  const bool with_person = attended();
  const pid_t child = ::fork();
  if (child == 0) {
    IgnoredSignals::restore_defaults();
    if (!with_person) ::setpgid(0, 0);
    if (::dup2(writing.get(), STDOUT_FILENO) < 0) ::_exit(126);
    ::execve(shell.c_str(), arguments, environ);
    ::_exit(127);
  }
  if (child < 0) refuse(fmt::format("cannot run {}: {}", variable, std::strerror(errno)));
  if (!with_person) ::setpgid(child, child);
  writing.close();
  Secret passphrase(passphrase_limit);
  std::optional<Error> failure;
  bool whole_line = false;
  try {
    whole_line =
        read_line(reading.get(), passphrase, variable,
                  with_person ? std::nullopt : std::optional(std::chrono::steady_clock::now() + unattended_wait));
  } catch (const Error& error) {
    failure = error;
  }
  reading.close();
  int status = 0;
  const pid_t ended = ::waitpid(child, &status, WNOHANG);
  if (ended == 0 && (whole_line || failure)) {
    ::kill(with_person ? child : -child, SIGTERM);
    wait_for(child);
  } else if (ended == 0) {
    status = wait_for(child);
  }
  // What the command left running in its own group goes with it.
  if (!with_person) ::kill(-child, SIGTERM);
  if (failure) throw *failure;
  const bool stopped_by_us = ended == 0 && whole_line;
  if (!stopped_by_us && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
    refuse(WIFSIGNALED(status) ? fmt::format("{} was killed by signal {}", variable, WTERMSIG(status))
                               : fmt::format("{} failed (exit status {})", variable, WEXITSTATUS(status)));
  }
  if (passphrase.empty()) refuse(fmt::format("{} printed no passphrase", variable));
  return passphrase;
}

FileDescriptor open_terminal() {
  FileDescriptor terminal(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC));
  if (!terminal.is_open() || !::isatty(terminal.get())) {
    refuse(
        "a passphrase is needed and there is no terminal to ask for it; set AA_PASSPHRASE_FD or "
        "AA_PASSPHRASE_COMMAND (see aa-vault(1))");
  }
  return terminal;
}

void say(int terminal, std::string_view text) { (void)!::write(terminal, text.data(), text.size()); }

Secret ask(int terminal, std::string_view question) {
  say(terminal, question);
  Secret answer(passphrase_limit);
  {
    const TerminalMode quiet(terminal, TerminalMode::Change::quiet);
    read_line(terminal, answer, "the terminal");
  }
  say(terminal, "\n");
  return answer;
}

}  // namespace

Secret read_passphrase() {
  hide_from_core_dumps();
  if (const auto fd = environment_variable("AA_PASSPHRASE_FD")) return from_descriptor(*fd);
  if (const auto command = environment_variable("AA_PASSPHRASE_COMMAND")) {
    return from_command(std::string(*command), "AA_PASSPHRASE_COMMAND");
  }
  const FileDescriptor terminal = open_terminal();
  return ask(terminal.get(), "Passphrase of your aa stores: ");
}

Secret read_new_passphrase() {
  hide_from_core_dumps();
  if (const auto command = environment_variable("AA_NEW_PASSPHRASE_COMMAND")) {
    return from_command(std::string(*command), "AA_NEW_PASSPHRASE_COMMAND");
  }
  const FileDescriptor terminal = open_terminal();
  Secret first = ask(terminal.get(), "New passphrase: ");
  if (first.empty()) throw Error(Problem::usage, "the passphrase is empty; nothing was changed");
  const Secret again = ask(terminal.get(), "The same passphrase again: ");
  if (!same_secret(first, again)) throw Error(Problem::usage, "the two passphrases differ; nothing was changed");
  return first;
}

void ask_for_passphrase_once() {
  set_passphrase_source([]() -> const Secret& {
    static std::optional<Secret> kept;
    if (!kept) kept.emplace(read_passphrase());
    return *kept;
  });
}

void never_ask_for_passphrase() {
  set_passphrase_source([]() -> const Secret& {
    throw Error(Problem::passphrase, "no passphrase is asked for while completing a command line");
  });
}

}  // namespace aa::cli
