// SPDX-License-Identifier: MIT
#include "aa/cli/output.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <exception>
#include <vector>

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aa/cli/child.hpp"
#include "aa/cli/cli.hpp"
#include "aa/core/suggest.hpp"
#include "aa/io/error.hpp"

extern char** environ;

namespace aa {
namespace {

std::size_t count_lines(std::string_view text) {
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// One word of a shell command line.
struct ShellWord {
  std::string_view written;  // as typed, quotes and all
  std::string text;          // with the quotes taken off
  bool globs = false;        // an unquoted *, ? or [: sh would expand it
};

// The word of `command` at `pos` (past any blanks), moving `pos` past it;
// written is empty at the end. nullopt for anything only a shell can read:
// expansions, redirections, lists, comments, an unclosed quote.
std::optional<ShellWord> read_word(std::string_view command, std::size_t& pos) {
  while (pos < command.size() && is_blank(command[pos])) ++pos;
  const std::size_t start = pos;
  if (pos < command.size() && (command[pos] == '#' || command[pos] == '~')) return std::nullopt;
  ShellWord word;
  while (pos < command.size() && !is_blank(command[pos])) {
    const char c = command[pos++];
    if (c == '\'') {
      const std::size_t close = command.find('\'', pos);
      if (close == std::string_view::npos) return std::nullopt;
      word.text += command.substr(pos, close - pos);
      pos = close + 1;
    } else if (c == '"') {
      while (true) {
        if (pos >= command.size()) return std::nullopt;
        char quoted = command[pos++];
        if (quoted == '"') break;
        if (quoted == '$' || quoted == '`') return std::nullopt;
        if (quoted == '\\' && pos < command.size() &&
            std::string_view("\\\"").find(command[pos]) != std::string_view::npos) {
          quoted = command[pos++];
        }
        word.text += quoted;
      }
    } else if (c == '\\') {
      if (pos >= command.size() || command[pos] == '\n') return std::nullopt;
      word.text += command[pos++];
    } else if (std::string_view("$`;&|<>(){}").find(c) != std::string_view::npos) {
      return std::nullopt;
    } else {
      word.globs = word.globs || std::string_view("*?[").find(c) != std::string_view::npos;
      word.text += c;
    }
  }
  word.written = command.substr(start, pos - start);
  return word;
}

// NAME=value, which sh puts in the program's environment.
bool is_assignment(std::string_view written) {
  const std::size_t equals = written.find('=');
  if (equals == std::string_view::npos || equals == 0) return false;
  for (std::size_t i = 0; i < equals; ++i) {
    const char c = written[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

// Words sh runs itself, without looking in PATH.
bool is_shell_own(std::string_view word) {
  static constexpr std::array<std::string_view, 27> words = {
      "!",     "{", "}", "case",    "do", "done",    "elif", "else", "esac", "fi",     "for", "if",   "then", "until",
      "while", ":", ".", "builtin", "cd", "command", "eval", "exec", "exit", "export", "set", "trap", "wait"};
  for (std::string_view own : words) {
    if (word == own) return true;
  }
  return false;
}

// Why the file `path` cannot be run as a program, or nullopt when it can.
std::optional<std::string> file_problem(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return "not found";
    return fmt::format("cannot be run ({})", std::strerror(errno));
  }
  if (S_ISDIR(status.st_mode)) return "is a directory";
  if (::access(path.c_str(), X_OK) != 0) return "is not executable";
  return std::nullopt;
}

// What sh searches when PATH is unset.
constexpr std::string_view default_path = "/usr/local/bin:/usr/bin:/bin";

// Our environment, with LESS=FRX added unless LESS is set: less then keeps
// our colours (R), does not page what fits (F) and leaves the text on the
// screen (X), as git sets it.
std::vector<char*> pager_environment() {
  static char less_default[] = "LESS=FRX";
  std::vector<char*> variables;
  bool less_set = false;
  for (char** entry = environ; entry && *entry; ++entry) {
    less_set = less_set || std::strncmp(*entry, "LESS=", 5) == 0;
    variables.push_back(*entry);
  }
  if (!less_set) variables.push_back(less_default);
  variables.push_back(nullptr);
  return variables;
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

std::optional<std::string> pager_program(std::string_view command) {
  std::size_t pos = 0;
  while (true) {
    const std::optional<ShellWord> word = read_word(command, pos);
    if (!word) return std::nullopt;
    if (word->written.empty()) return "";
    if (is_assignment(word->written)) continue;
    if (word->globs || is_shell_own(word->text)) return std::nullopt;
    return word->text;
  }
}

std::optional<std::string> pager_problem(std::string_view command, const std::optional<std::string>& path) {
  const std::optional<std::string> program = pager_program(command);
  if (!program) return std::nullopt;
  if (program->empty()) return "names no program";
  if (program->find('/') != std::string::npos) return file_problem(*program);
  std::string_view dirs = path ? std::string_view(*path) : default_path;
  while (true) {
    const std::size_t colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    // An empty entry is the current directory, for sh as for execvp.
    if (!file_problem((dir.empty() ? std::string(".") : std::string(dir)) + "/" + *program)) return std::nullopt;
    if (colon == std::string_view::npos) return "not found";
    dirs.remove_prefix(colon + 1);
  }
}

PagerRun run_pager(std::string_view text, const std::string& command) {
  std::vector<char*> environment = pager_environment();
  std::string shell = "/bin/sh", dash_c = "-c", script = command;
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
    ::execve(shell.c_str(), arguments, environment.data());
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
  std::optional<std::string> problem = pager_problem(pager, terminal.path);
  if (!problem) {
    if (run_pager(text, pager) == PagerRun::shown) return;
    problem = "could not run";
  }
  cli::report_warning(program, fmt::format("pager '{}' {}; showing the text directly", printable(pager), *problem));
  write_all(STDOUT_FILENO, text);
}

}  // namespace aa
