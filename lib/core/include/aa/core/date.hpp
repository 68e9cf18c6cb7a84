// SPDX-License-Identifier: MIT
// Calendar dates as days since 1970-01-01, for the tip of the day and the
// ranges of --from and --to; local times with their offset from UTC, for
// the moments a person saves something.
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace aa {

// Days since 1970-01-01 of a strict YYYY-MM-DD date (years 0001 to 9999),
// or nullopt for anything else, including dates that do not exist
// (2026-02-30).
std::optional<std::int64_t> parse_iso_date(std::string_view text);

// The day a person names for --from and --to, relative to `today` (a day
// number, passed in so that the rule is a pure function): a date as
// parse_iso_date() reads it, or `today`, `yesterday`, `Nd` (N days before
// today) or `Nw` (N weeks before today), ASCII case ignored; `0d` is today.
// Nullopt for anything else, and for a day before 0001-01-01 or after
// 9999-12-31, which format_iso_date() could not write back.
std::optional<std::int64_t> parse_day(std::string_view text, std::int64_t today);

// YYYY-MM-DD for a day number.
std::string format_iso_date(std::int64_t day);

// Today's local date as a day number.
std::int64_t local_today();

// The days from `from` to `to`, both included; a missing end is open.
struct DateRange {
  std::optional<std::int64_t> from;
  std::optional<std::int64_t> to;
  bool contains(std::int64_t day) const { return (!from || day >= *from) && (!to || day <= *to); }
  // A range that holds no day at all (`to` before `from`).
  bool empty() const { return from && to && *to < *from; }
};

// A moment as it was lived: the local date and time on the clock of the
// place, and how far that clock was from UTC.
struct LocalTime {
  std::int64_t day = 0;    // the local date, days since 1970-01-01
  int second_of_day = 0;   // 0 to 86399, local
  int offset_minutes = 0;  // east of UTC: +60 for 09:35+01:00
  friend bool operator==(const LocalTime&, const LocalTime&) = default;
};

// `when` in the local time zone (TZ is honoured, through localtime_r). A
// zone whose offset format_local_time() could not write so that
// parse_local_time() reads it back (not whole minutes, as local mean time
// before 1900 is, or past 18 hours, as TZ=UTC+24 is) gives the time in UTC.
LocalTime local_time_of(std::time_t when);

// ISO 8601 with the offset: 2026-11-28T09:35:12+01:00 (+00:00 for UTC).
std::string format_local_time(const LocalTime& time);

// The moment `time` names, in seconds since 1970-01-01 UTC.
std::int64_t seconds_since_epoch(const LocalTime& time);

// How a person reads a stored time, in every message, prompt and text or
// Markdown output: "2026-03-01 20:14", to the minute, in the local time
// zone (TZ decides), whatever zone it was written in. JSON and the stores
// keep the ISO 8601 time with its offset. Text that is not a stored time
// (see parse_local_time) comes back as it is, for the caller to escape.
std::string readable_time(std::string_view stored);

// A strict YYYY-MM-DDTHH:MM:SS followed by +HH:MM, -HH:MM or Z (years 0001
// to 9999, offsets within 18 hours, as ISO 8601 and RFC 3339 allow), or
// nullopt for anything else, including times that do not exist.
std::optional<LocalTime> parse_local_time(std::string_view text);

}  // namespace aa
