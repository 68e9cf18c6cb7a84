// SPDX-License-Identifier: MIT
// Running another program in the terminal and waiting for it, as the pager
// and the editor are run: the program gets Ctrl-C, we do not.
#pragma once

#include <array>
#include <csignal>

#include <sys/types.h>

namespace aa::cli {

// Sets SIGINT, SIGQUIT and SIGPIPE to be ignored until it goes, then puts
// back what they were.
class IgnoredSignals {
 public:
  IgnoredSignals();
  ~IgnoredSignals();
  IgnoredSignals(const IgnoredSignals&) = delete;
  IgnoredSignals& operator=(const IgnoredSignals&) = delete;

  // In the child: every one of them back to its default.
  static void restore_defaults() noexcept;

 private:
  static constexpr std::array<int, 3> signals = {SIGINT, SIGQUIT, SIGPIPE};
  std::array<struct sigaction, 3> saved_{};
};

// Waits for `child` through EINTR; its wait status, or -1 when it is lost.
int wait_for(pid_t child);

}  // namespace aa::cli
