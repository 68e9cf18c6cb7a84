// SPDX-License-Identifier: MIT
#include "aa/cli/range_options.hpp"

#include <fmt/format.h>

#include "aa/cli/cli_options.hpp"
#include "aa/io/error.hpp"

namespace aa::cli {

std::array<CLI::Option*, 3> add_range_options(CLI::App& app, RangeOptions& range, CLI::Option* listing,
                                              const RangeWords& words) {
  auto* last = app.add_option("-n,--last", range.last, std::string(words.last_help))
                   ->check(whole_number(1, words.most))
                   ->type_name("N");
  auto* from = app.add_option("--from", range.from, std::string(words.from_help))
                   ->check(iso_date())
                   ->type_name(std::string(words.date_type));
  auto* to = app.add_option("--to", range.to, std::string(words.to_help))
                 ->check(iso_date())
                 ->type_name(std::string(words.date_type));
  if (listing != nullptr) {
    for (CLI::Option* option : {last, from, to}) option->needs(listing);
  }
  return {last, from, to};
}

DateRange days_in(const RangeOptions& range, const RangeWords& words) {
  DateRange days;
  if (!range.from.empty()) days.from = parse_iso_date(range.from);
  if (!range.to.empty()) days.to = parse_iso_date(range.to);
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
