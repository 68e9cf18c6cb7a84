// Calendar dates as days since 1970-01-01, for the tip of the day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aa {

// Days since 1970-01-01 of a strict YYYY-MM-DD date (years 0001 to 9999),
// or nullopt for anything else, including dates that do not exist
// (2026-02-30).
std::optional<std::int64_t> parse_iso_date(std::string_view text);

// YYYY-MM-DD for a day number.
std::string format_iso_date(std::int64_t day);

// Today's local date as a day number.
std::int64_t local_today();

}  // namespace aa
