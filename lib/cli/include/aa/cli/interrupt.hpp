// SPDX-License-Identifier: MIT
// Ctrl-C while a person is answering or typing, before anything is
// written: the run ends at once, saying so, with exit status 130.
#pragma once

#include <csignal>
#include <string_view>

namespace aa::cli {

// "Stopped: nothing was saved.": what q, the end of input and Ctrl-C say
// when they stop a check or an entry before it is kept.
inline constexpr std::string_view stopped_unsaved = "Stopped: nothing was saved.";

// While it lives, SIGINT writes `message` on a line of its own on stderr
// and ends the process with exit status 130 (128 + SIGINT, as a shell
// reports it). `message` must outlive it: a string literal. Only for a
// stretch where nothing is open for writing, since nothing is cleaned up.
class StopOnInterrupt {
 public:
  explicit StopOnInterrupt(std::string_view message);
  ~StopOnInterrupt();
  StopOnInterrupt(const StopOnInterrupt&) = delete;
  StopOnInterrupt& operator=(const StopOnInterrupt&) = delete;

 private:
  struct sigaction previous_ {};
};

}  // namespace aa::cli
