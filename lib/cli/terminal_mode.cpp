// SPDX-License-Identifier: MIT
#include "aa/cli/terminal_mode.hpp"

#include <unistd.h>

namespace aa::cli {

TerminalMode::TerminalMode(int fd, Change change) {
  if (::tcgetattr(fd, &saved_) != 0) return;
  termios changed = saved_;
  changed.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHONL);
  if (change == Change::keys) {
    // Signals still come from Ctrl-C and Ctrl-Z; a read returns each byte.
    changed.c_lflag &= ~static_cast<tcflag_t>(ICANON);
    changed.c_cc[VMIN] = 1;
    changed.c_cc[VTIME] = 0;
  } else {
    changed.c_lflag |= ICANON;
  }
  fd_ = fd;
  quiet_ = change == Change::quiet;
  struct sigaction restore {};
  restore.sa_handler = &TerminalMode::on_signal;
  sigemptyset(&restore.sa_mask);
  for (std::size_t i = 0; i < signals.size(); ++i) ::sigaction(signals[i], &restore, &previous_[i]);
  ::tcsetattr(fd, TCSAFLUSH, &changed);
}

TerminalMode::~TerminalMode() {
  if (fd_ < 0) return;
  // TCSADRAIN: keys typed ahead stay, for the next question.
  ::tcsetattr(fd_, TCSADRAIN, &saved_);
  for (std::size_t i = 0; i < signals.size(); ++i) ::sigaction(signals[i], &previous_[i], nullptr);
  fd_ = -1;
}

void TerminalMode::on_signal(int signal) {
  // tcsetattr, sigaction and raise are safe in a signal handler.
  if (fd_ >= 0) {
    ::tcsetattr(fd_, TCSAFLUSH, &saved_);
    // With echo off, the terminal showed no ^C and no line break.
    if (quiet_) (void)!::write(fd_, "\n", 1);
  }
  for (std::size_t i = 0; i < signals.size(); ++i) {
    if (signals[i] == signal) ::sigaction(signal, &previous_[i], nullptr);
  }
  ::raise(signal);
}

}  // namespace aa::cli
