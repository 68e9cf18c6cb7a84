// SPDX-License-Identifier: MIT
#include "aa/cli/child.hpp"

#include <cerrno>

#include <sys/wait.h>

namespace aa::cli {

IgnoredSignals::IgnoredSignals() {
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  for (std::size_t i = 0; i < signals.size(); ++i) ::sigaction(signals[i], &ignore, &saved_[i]);
}

IgnoredSignals::~IgnoredSignals() {
  for (std::size_t i = 0; i < signals.size(); ++i) ::sigaction(signals[i], &saved_[i], nullptr);
}

void IgnoredSignals::restore_defaults() noexcept {
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  for (int signal : signals) ::sigaction(signal, &fallback, nullptr);
}

int wait_for(pid_t child) {
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return status;
}

}  // namespace aa::cli
