// SPDX-License-Identifier: MIT
// What aa-report draws, gathered from the check history and the journal:
// which days hold something a person saved (a check, a journal entry, an
// exercise), and the numbers they gave over time (the check's total and
// each sign, the check-in's strength). Values only: render_report_text and
// render_report_html turn them into a terminal's picture and a page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aa/core/check.hpp"
#include "aa/core/date.hpp"
#include "aa/core/journal.hpp"

namespace aa {

// The exercise whose strength the report follows, and the step that holds it.
inline constexpr std::string_view check_in_exercise = "check-in";
inline constexpr std::string_view strength_step = "strength";
inline constexpr int lowest_strength = 0;
inline constexpr int highest_strength = 10;

// What was saved on one day.
struct ReportDay {
  std::size_t checks = 0;
  std::size_t entries = 0;  // journal entries that are not exercises
  std::size_t exercises = 0;
  // How many of the three kinds the day holds: 0 to 3.
  int kinds() const { return (checks > 0 ? 1 : 0) + (entries > 0 ? 1 : 0) + (exercises > 0 ? 1 : 0); }
};

// A number given on a day.
struct DayValue {
  std::int64_t day = 0;
  int value = 0;
};

// One line of numbers over time, on a scale from `low` to `high`.
struct Series {
  std::string name;  // a sign's name as the history saved it: not escaped
  int low = 0;
  int high = 0;
  std::vector<DayValue> points;  // by day; "does not apply" is left out
};

struct ReportData {
  std::int64_t from = 0;        // the first day shown
  std::int64_t to = 0;          // and the last, both included
  std::vector<ReportDay> days;  // one a day, from `from` to `to`
  std::size_t checks = 0;       // in those days
  std::size_t entries = 0;
  std::size_t exercises = 0;
  Series total;               // the check's total, 0 to the largest max
  std::vector<Series> signs;  // each sign, as summarize_history() orders them
  Series strength;            // the check-in's strength
  bool empty() const { return checks == 0 && entries == 0 && exercises == 0; }
  const ReportDay& on(std::int64_t day) const { return days[static_cast<std::size_t>(day - from)]; }
};

// The days a report shows: --to (else today) back to --from; without
// --from, the `last` days up to it; without either, `default_days`, or,
// when `default_days` is 0, from the first day with data (`first`).
std::pair<std::int64_t, std::int64_t> report_days(const DateRange& asked, std::optional<std::size_t> last,
                                                  std::int64_t today, std::optional<std::int64_t> first,
                                                  std::size_t default_days);

// The earliest day of any record or entry; nullopt when there is none.
std::optional<std::int64_t> first_day(std::span<const CheckRecord> records, std::span<const JournalEntry> entries);

// What `records` (in time order) and `entries` hold from `from` to `to`.
// A record or entry whose date cannot be read is left out.
ReportData gather_report(std::span<const CheckRecord> records, std::span<const JournalEntry> entries, std::int64_t from,
                         std::int64_t to);

// Monday = 0 ... Sunday = 6.
int weekday(std::int64_t day);

// The Monday on or before `day`.
std::int64_t week_start(std::int64_t day);

// How numbers are put together to be drawn: one point a day, a week or a
// month, as the span of days needs to stay readable.
enum class Period { day, week, month };

// A day for up to three months, a week for up to two years, else a month.
Period period_for(std::int64_t from, std::int64_t to);

// The first day of the period that holds `day`.
std::int64_t period_start(std::int64_t day, Period period);

// The average of the values in one period.
struct PeriodValue {
  std::int64_t start = 0;         // the period's first day
  std::size_t count = 0;          // the values in it
  std::optional<double> average;  // none when there is none
};

// One entry a period, from the period holding `from` to the one holding
// `to`, with the average of `series` in each.
std::vector<PeriodValue> by_period(const Series& series, std::int64_t from, std::int64_t to, Period period);

}  // namespace aa
