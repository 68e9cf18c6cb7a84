// SPDX-License-Identifier: MIT
// A terminal's settings changed for a while (echo off for a passphrase,
// keys read as they are pressed for a scale), and always put back: when
// the change goes out of scope, and when a signal (SIGINT, SIGTERM,
// SIGHUP, SIGQUIT) ends the run, before the signal goes on to what would
// have handled it.
#pragma once

#include <array>
#include <csignal>

#include <termios.h>

namespace aa::cli {

class TerminalMode {
 public:
  // How the settings change.
  enum class Change {
    quiet,  // no echo; lines as usual
    keys,   // no echo; each key is read as it is pressed
  };
  // Nothing changes when `fd` is not a terminal. One at a time.
  TerminalMode(int fd, Change change);
  ~TerminalMode();
  TerminalMode(const TerminalMode&) = delete;
  TerminalMode& operator=(const TerminalMode&) = delete;

 private:
  static void on_signal(int signal);

  static constexpr std::array<int, 4> signals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
  static inline volatile int fd_ = -1;
  static inline volatile bool quiet_ = false;
  static inline termios saved_{};
  static inline std::array<struct sigaction, 4> previous_{};
};

}  // namespace aa::cli
