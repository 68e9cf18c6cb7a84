// SPDX-License-Identifier: MIT
#include "journal/editor.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string_view>

#include <fmt/core.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aa/cli/child.hpp"
#include "aa/cli/environment.hpp"
#include "aa/content/text.hpp"

extern char** environ;

namespace aa::cli {
namespace {

// The variable `name`, unless it is unset or only blanks.
std::optional<std::string> variable(const char* name) {
  const auto value = environment_variable(name);
  if (!value || value->find_first_not_of(" \t\n") == std::string_view::npos) return std::nullopt;
  return std::string(*value);
}

}  // namespace

std::optional<std::string> chosen_editor() {
  if (environment_variable("TERM") != "dumb") {
    if (auto visual = variable("VISUAL")) return visual;
  }
  return variable("EDITOR");
}

std::optional<std::string> run_editor(const std::string& editor, const std::filesystem::path& file) {
  std::string shell = "/bin/sh", dash_c = "-c", script = editor + " \"$@\"", name = editor, path = file.string();
  char* const arguments[] = {shell.data(), dash_c.data(), script.data(), name.data(), path.data(), nullptr};
  // Ignored from before the fork: Ctrl-C belongs to the editor while it runs.
  const IgnoredSignals ignored;
  const pid_t child = ::fork();
  if (child == 0) {
    IgnoredSignals::restore_defaults();
    ::execve(shell.c_str(), arguments, environ);
    ::_exit(127);
  }
  if (child < 0) return fmt::format("could not be started: {}", std::strerror(errno));
  const int status = wait_for(child);
  if (status < 0) return fmt::format("was lost: {}", std::strerror(errno));
  if (WIFSIGNALED(status)) {
    return fmt::format("was killed by signal {} ({})", WTERMSIG(status), strsignal(WTERMSIG(status)));
  }
  const int code = WEXITSTATUS(status);
  if (code == 0) return std::nullopt;
  // What sh exits with when it cannot find or run the program.
  if (code == 126 || code == 127) return fmt::format("could not be run (exit status {})", code);
  return fmt::format("exited with status {}", code);
}

}  // namespace aa::cli
