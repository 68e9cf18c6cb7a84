// SPDX-License-Identifier: MIT
#include "aa/editor.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <fmt/core.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aa/child.hpp"
#include "aa/text.hpp"

extern char** environ;

namespace aa::cli {
namespace {

std::optional<std::string> variable(const char* name) {
  const char* value = std::getenv(name);
  if (!value || std::string_view(value).find_first_not_of(" \t\n") == std::string_view::npos) return std::nullopt;
  return std::string(value);
}

// What the signal handler removes: a plain buffer, since the handler may
// only make async-signal-safe calls (unlink, sigaction, raise).
char draft_path[4096];
volatile std::sig_atomic_t draft_armed = 0;
constexpr std::array<int, 3> ending_signals = {SIGHUP, SIGTERM, SIGINT};
std::array<struct sigaction, 3> previous_handlers{};

void remove_draft_and_end(int signal) {
  if (draft_armed) ::unlink(draft_path);
  draft_armed = 0;
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  ::sigaction(signal, &fallback, nullptr);
  ::raise(signal);
}

}  // namespace

std::optional<std::string> chosen_editor() {
  const char* term = std::getenv("TERM");
  if (!(term && std::string_view(term) == "dumb")) {
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

DraftRemoval::DraftRemoval(const std::filesystem::path& file) : file_(file) {
  const std::string& path = file.native();
  // Too long to keep for the handler: the file is still removed when we go.
  if (path.size() >= sizeof draft_path) return;
  std::memcpy(draft_path, path.c_str(), path.size() + 1);
  draft_armed = 1;
  struct sigaction handler {};
  handler.sa_handler = remove_draft_and_end;
  sigemptyset(&handler.sa_mask);
  for (std::size_t i = 0; i < ending_signals.size(); ++i) {
    // A signal the command was started with ignored (nohup) stays ignored.
    ::sigaction(ending_signals[i], nullptr, &previous_handlers[i]);
    if (previous_handlers[i].sa_handler != SIG_IGN) ::sigaction(ending_signals[i], &handler, nullptr);
  }
  handlers_installed_ = true;
}

DraftRemoval::~DraftRemoval() {
  if (handlers_installed_) {
    for (std::size_t i = 0; i < ending_signals.size(); ++i) {
      ::sigaction(ending_signals[i], &previous_handlers[i], nullptr);
    }
  }
  draft_armed = 0;
  if (!kept_) ::unlink(file_.c_str());
}

void DraftRemoval::keep() noexcept {
  draft_armed = 0;
  kept_ = true;
}

}  // namespace aa::cli
