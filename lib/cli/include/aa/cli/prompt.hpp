// SPDX-License-Identifier: MIT
// Asking for answers one statement at a time, on a terminal. The
// conversation is passed in, so it can be tested with strings; the command
// passes the terminal's: stdin, and stderr through the one writer of
// diagnostics, keeping stdout for the result.
#pragma once

#include <csignal>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "aa/content/model.hpp"
#include "aa/core/answers.hpp"

namespace aa {

// Whether the keys typed so far make a whole reply: not yet (Enter ends
// it); yes; or yes unless another key follows at once ("1" on a scale to
// 10, which may start "10").
enum class Typed { partial, whole, may_go_on };
using ReplyShape = std::function<Typed(std::string_view typed)>;

// How long a reply that may go on waits for its next key.
inline constexpr int go_on_wait_ms = 1000;

// Where the prompts talk with the person: lines typed in, words shown.
class Conversation {
 public:
  virtual ~Conversation() = default;
  // One line typed, without its newline; nullopt at the end of input.
  virtual std::optional<std::string> read_line() = 0;
  // One reply that may be whole before Enter, as `shape` tells; nullopt at
  // the end of input. Where keys cannot be read one by one, a line.
  virtual std::optional<std::string> read_reply(const ReplyShape& shape) {
    (void)shape;
    return read_line();
  }
  // Shows `text` at once.
  virtual void show(std::string_view text) = 0;
};

// Lines read from stdin as they are typed; words written to stderr with
// aa::cli::report_line, which never throws. While it lives, SIGCONT (fg
// after Ctrl-Z) draws again what was shown since the last line was read,
// the question waiting for an answer with it.
class TerminalConversation final : public Conversation {
 public:
  TerminalConversation();
  ~TerminalConversation() override;
  TerminalConversation(const TerminalConversation&) = delete;
  TerminalConversation& operator=(const TerminalConversation&) = delete;
  std::optional<std::string> read_line() override;
  // On a terminal, each key as it is pressed, echoed here; Backspace and
  // Ctrl-U take keys back, Enter ends the reply, Ctrl-D ends the input.
  std::optional<std::string> read_reply(const ReplyShape& shape) override;
  void show(std::string_view text) override;

 private:
  struct sigaction previous_ {};
  std::string since_last_line_;
  bool since_read_ = false;
};

// A reply as it is read: without surrounding blanks, ASCII letters in lower
// case.
std::string reply_words(std::string_view line);

// What one line typed at the prompt asks for.
struct Reply {
  enum Kind { rating, keep, explain, back, quit, unclear } kind = unclear;
  int value = 0;  // the rating, for Kind::rating
};

// A digit on the scale or the first letter (or whole) of its word, as
// rating_of() reads them; `?` to explain; `b` to go back; `q` to quit; an
// empty line to keep the answer given before. Case and surrounding blanks
// do not matter.
Reply parse_reply(std::string_view line);

// Walks through `items`, showing each statement and the scale and reading
// one reply a line, wrapped to `width` columns (0: no wrapping). The
// introduction says whether the result will be saved (`saving`). Returns
// the answers, or nullopt when the person quit or the input ended first.
std::optional<Answers> ask_answers(std::span<const ChecklistItem> items, Conversation& conversation, std::size_t width,
                                   bool saving = false);

// Shows `question` and " [y/N] ", wrapped to `width` (0: no wrapping); true
// only for a "y" or "yes".
bool confirm(std::string_view question, Conversation& conversation, std::size_t width = 0);

}  // namespace aa
