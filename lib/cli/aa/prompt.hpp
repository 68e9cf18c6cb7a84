// Asking for answers one statement at a time, on a terminal. The streams
// are passed in, so the conversation can be tested with strings; the
// command passes stdin and stderr, keeping stdout for the result.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <span>
#include <string_view>

#include "aa/answers.hpp"
#include "aa/model.hpp"

namespace aa {

// What one line typed at the prompt asks for.
struct Reply {
  enum Kind { rating, explain, back, quit, unclear } kind = unclear;
  int value = 0;  // the rating, for Kind::rating
};

// A digit on the scale or the first letter (or whole) of its word; `?` to
// explain; `b` to go back; `q` to quit. Case and surrounding blanks do not
// matter.
Reply parse_reply(std::string_view line);

// Walks through `items`, writing each statement and the scale to `out` and
// reading one reply a line from `in`, wrapped to `width` columns (0: no
// wrapping). Returns the answers, or nullopt when the person quit or the
// input ended first.
std::optional<Answers> ask_answers(std::span<const ChecklistItem> items, std::istream& in, std::ostream& out,
                                   std::size_t width);

// Writes `question` and " [y/N] " to `out`; true only for a "y" or "yes".
bool confirm(std::string_view question, std::istream& in, std::ostream& out);

// Columns of the terminal on stderr (or stdin), following the same rules
// as the output width.
std::size_t prompt_width();

}  // namespace aa
