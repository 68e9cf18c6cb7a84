// SPDX-License-Identifier: MIT
// The scale every checklist item is rated on, and answers given in one go
// (by --answers or on stdin).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aa/content/model.hpp"

namespace aa {

// How often a statement is true for the person: 0 never .. 4 almost always.
inline constexpr int lowest_rating = 0;
inline constexpr int highest_rating = 4;
inline constexpr std::array<std::string_view, 5> rating_words = {"never", "rarely", "sometimes", "often",
                                                                 "almost always"};

// An answer for a statement that does not fit the person's life (no
// partner, say): "x". It is shown and saved, and left out of totals,
// stand-out signs, averages and comparisons.
inline constexpr int does_not_apply = -1;
inline constexpr std::string_view does_not_apply_word = "does not apply";

// Whether `rating` is on the scale, not "does not apply".
inline bool applies(int rating) { return rating != does_not_apply; }

// "never" for 0 ... "almost always" for 4, "does not apply" for
// does_not_apply; "" off the scale.
std::string_view rating_word(int rating);

// The answer as typed: "0" ... "4", or "x".
std::string rating_mark(int rating);

// "0 never, 1 rarely, 2 sometimes, 3 often, 4 almost always".
std::string describe_scale();

// The rating `word` names: a digit on the scale ("3"), a word of the scale
// ("often", "almost always") or its first letter ("o"), in any case; or
// "x" for does_not_apply ("does not apply" too, typed alone at the
// prompt). The interactive prompt and answers given in one go share this
// rule.
std::optional<int> rating_of(std::string_view word);

// One rating per statement, in the order of the statements.
using Answers = std::vector<int>;

// The answers as --answers takes them, each its rating_mark(): "2,x,1,0".
std::string answers_marks(const Answers& answers);

// Parses answers such as "3,1,4,0", "o,r,a,n", "3 rarely 4 never" or one a
// line: each as rating_of() reads it, separated by commas and/or white
// space ("almost always" is one answer). Throws Error(Problem::usage) naming
// the statement and what is allowed when a value is off the scale, a field
// is empty, or the count is not one per statement. Any bytes at all may
// come in; nothing of the input is kept beyond one value per statement.
Answers parse_answers(std::string_view text, std::span<const ChecklistItem> items);

}  // namespace aa
