// SPDX-License-Identifier: MIT
#include "aa/cli/range_options.hpp"

#include <fmt/format.h>

#include "aa/cli/cli_options.hpp"
#include "aa/io/error.hpp"

namespace aa::cli {
namespace {

// A day for --from or --to, in any form parse_day() takes, written over
// with its date as YYYY-MM-DD as it is read: all that follows (the range,
// its words in a message) sees the date itself.
CLI::Validator range_day() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const auto day = parse_day(value, local_today());
        if (!day) throw ValueRefused("'" + value + "' is not a day: give " + std::string(day_forms));
        value = format_iso_date(*day);
        return "";
      },
      "");
}

}  // namespace

std::array<CLI::Option*, 3> add_range_options(CLI::App& app, RangeOptions& range, CLI::Option* listing,
                                              const RangeWords& words) {
  auto* last = app.add_option("-n,--last", range.last, std::string(words.last_help))
                   ->check(whole_number(1, words.most))
                   ->type_name("N");
  auto* from =
      app.add_option("--from", range.from, fmt::format("{}; {} is {}", words.from_help, words.date_type, day_forms))
          ->transform(range_day())
          ->type_name(std::string(words.date_type));
  auto* to = app.add_option("--to", range.to, fmt::format("{} (the same forms)", words.to_help))
                 ->transform(range_day())
                 ->type_name(std::string(words.date_type));
  if (listing != nullptr) {
    for (CLI::Option* option : {last, from, to}) option->needs(listing);
  }
  return {last, from, to};
}

DateRange days_in(const RangeOptions& range, const RangeWords& words) {
  DateRange days;
  if (!range.from.empty()) days.from = parse_day(range.from, local_today());
  if (!range.to.empty()) days.to = parse_day(range.to, local_today());
  if (days.empty()) throw Error(Problem::usage, fmt::format(fmt::runtime(words.backwards), range.to, range.from));
  return days;
}

bool chooses_all(const RangeOptions& range) { return !range.last && range.from.empty() && range.to.empty(); }

std::string range_words(const RangeOptions& range) {
  if (!range.from.empty() && !range.to.empty()) return fmt::format("from {} to {}", range.from, range.to);
  if (!range.from.empty()) return fmt::format("from {} on", range.from);
  if (!range.to.empty()) return fmt::format("up to {}", range.to);
  return "in that range";
}

}  // namespace aa::cli
