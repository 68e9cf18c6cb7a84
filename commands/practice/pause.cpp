// SPDX-License-Identifier: MIT
// The wait after a paced line at the terminal: the seconds the step asks
// for, cut short by a line typed meanwhile.
#include <cerrno>
#include <chrono>
#include <string>

#include <poll.h>
#include <unistd.h>

#include "practice/flows.hpp"

namespace aa::cli {

PacedWait terminal_wait(Conversation& conversation) {
  return [&conversation](std::int64_t seconds) {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point end = Clock::now() + std::chrono::seconds(seconds);
    while (true) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count();
      if (left <= 0) return PauseEnd::time_up;
      pollfd input{STDIN_FILENO, POLLIN, 0};
      const int ready = ::poll(&input, 1, static_cast<int>(left));
      if (ready < 0 && errno == EINTR) continue;  // back from Ctrl-Z, or the window changed
      if (ready <= 0) return PauseEnd::time_up;
      // A whole line is there (the terminal hands over lines), or the end.
      const std::optional<std::string> line = conversation.read_line();
      if (!line) return PauseEnd::quit;
      std::string reply;
      for (char c : *line) {
        if (c != ' ' && c != '\t') reply += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      }
      if (reply == "q") return PauseEnd::quit;
      if (reply == "s") return PauseEnd::skip;
      return PauseEnd::next;
    }
  };
}

}  // namespace aa::cli
