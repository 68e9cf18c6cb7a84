// SPDX-License-Identifier: MIT
// The options that choose which of a person's saved records a listing
// shows (aa-check --history, aa-journal --list): -n/--last N, --from DATE
// and --to DATE, each only with the listing option.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "aa/core/date.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace aa::cli {

// The forms --from and --to take (parse_day), for their help and errors.
inline constexpr std::string_view day_forms = "YYYY-MM-DD, today, yesterday, Nd or Nw (N days or weeks ago)";

struct RangeOptions {
  std::optional<std::size_t> last;  // only the last N of those in the days
  // A day in a form parse_day() takes (the options leave YYYY-MM-DD
  // there), or "" for no bound.
  std::string from;
  std::string to;
};

// The words of one command's range options.
struct RangeWords {
  std::string_view last_help;
  std::string_view from_help;
  std::string_view to_help;
  std::string_view date_type;  // the dates' name in --help
  std::size_t most;            // the largest N for --last
  std::string_view backwards;  // the usage error for --to before --from: {0} is --to, {1} --from
};

// Registers -n/--last, --from and --to with `app`, each needing `listing`
// unless it is nullptr (a command that only lists). Returns them, in that
// order.
std::array<CLI::Option*, 3> add_range_options(CLI::App& app, RangeOptions& range, CLI::Option* listing,
                                              const RangeWords& words);

// The days `range` holds. Throws Error(Problem::usage), worded by
// `words.backwards`, when --to is before --from.
DateRange days_in(const RangeOptions& range, const RangeWords& words);

// Whether `range` chooses nothing out: no option was given.
bool chooses_all(const RangeOptions& range);

// The days of `range` in words, to say that none of them holds anything:
// "from 2030-01-01 on", "up to 2020-01-01", "from 2030-01-01 to
// 2030-12-31"; "in that range" when it names no day.
std::string range_words(const RangeOptions& range);

}  // namespace aa::cli
