// SPDX-License-Identifier: MIT
#include "aa/cli/interrupt.hpp"

#include <unistd.h>

namespace aa::cli {
namespace {

// Set before the handler is installed; read only inside it.
std::string_view interrupt_message;

void stop(int) {
  // write(2) and _exit(2) only: both are safe in a signal handler. The
  // terminal has echoed ^C where the cursor was, so start a new line.
  const auto say = [](std::string_view text) {
    if (::write(STDERR_FILENO, text.data(), text.size()) < 0) return;
  };
  say("\n");
  say(interrupt_message);
  say("\n");
  ::_exit(128 + SIGINT);
}

}  // namespace

StopOnInterrupt::StopOnInterrupt(std::string_view message) {
  interrupt_message = message;
  struct sigaction action {};
  action.sa_handler = stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &previous_);
}

StopOnInterrupt::~StopOnInterrupt() { sigaction(SIGINT, &previous_, nullptr); }

}  // namespace aa::cli
