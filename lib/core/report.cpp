// SPDX-License-Identifier: MIT
#include "aa/core/report.hpp"

#include <algorithm>
#include <chrono>

#include "aa/core/answers.hpp"
#include "aa/core/history_summary.hpp"

namespace aa {
namespace {

// Three months of days, and two years of weeks, still read one by one.
constexpr std::int64_t most_days_by_day = 92;
constexpr std::int64_t most_days_by_week = 731;

std::optional<std::int64_t> record_day(const CheckRecord& record) { return parse_iso_date(record.date); }

std::optional<std::int64_t> entry_day(const JournalEntry& entry) { return parse_iso_date(entry_date(entry)); }

// The check-in's strength in `entry`, when it is a check-in that has one
// on the scale: a hand-edited line may hold any number.
std::optional<int> strength_of(const JournalEntry& entry) {
  if (!entry.exercise || entry.exercise->id != check_in_exercise) return std::nullopt;
  for (const ExerciseAnswer& answer : entry.exercise->answers) {
    if (answer.step != strength_step || !answer.number) continue;
    if (*answer.number < lowest_strength || *answer.number > highest_strength) return std::nullopt;
    return static_cast<int>(*answer.number);
  }
  return std::nullopt;
}

// The first day of the period after the one that starts on `start`.
std::int64_t next_period(std::int64_t start, Period period) {
  switch (period) {
    case Period::day: return start + 1;
    case Period::week: return start + 7;
    case Period::month: {
      const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(start))};
      const std::chrono::year_month_day next = date + std::chrono::months(1);
      return std::chrono::sys_days(next).time_since_epoch().count();
    }
  }
  return start + 1;
}

}  // namespace

std::pair<std::int64_t, std::int64_t> report_days(const DateRange& asked, std::optional<std::size_t> last,
                                                  std::int64_t today, std::optional<std::int64_t> first,
                                                  std::size_t default_days) {
  const std::int64_t to = asked.to.value_or(today);
  if (asked.from) return {*asked.from, to};
  if (last) return {to - static_cast<std::int64_t>(*last) + 1, to};
  if (default_days == 0 && first && *first <= to) return {*first, to};
  return {to - static_cast<std::int64_t>(default_days == 0 ? 365 : default_days) + 1, to};
}

std::optional<std::int64_t> first_day(std::span<const CheckRecord> records, std::span<const JournalEntry> entries) {
  std::optional<std::int64_t> first;
  const auto consider = [&first](std::optional<std::int64_t> day) {
    if (day && (!first || *day < *first)) first = day;
  };
  for (const CheckRecord& record : records) consider(record_day(record));
  for (const JournalEntry& entry : entries) consider(entry_day(entry));
  return first;
}

ReportData gather_report(std::span<const CheckRecord> records, std::span<const JournalEntry> entries, std::int64_t from,
                         std::int64_t to) {
  ReportData data;
  data.from = from;
  data.to = std::max(from, to);
  data.days.resize(static_cast<std::size_t>(data.to - data.from + 1));
  const DateRange range{from, to};
  std::vector<CheckRecord> shown;
  for (const CheckRecord& record : records) {
    const auto day = record_day(record);
    if (!day || !range.contains(*day)) continue;
    ++data.days[static_cast<std::size_t>(*day - from)].checks;
    ++data.checks;
    shown.push_back(record);
  }
  data.strength = {"Check-in strength", lowest_strength, highest_strength, {}};
  for (const JournalEntry& entry : entries) {
    const auto day = entry_day(entry);
    if (!day || !range.contains(*day)) continue;
    ReportDay& counts = data.days[static_cast<std::size_t>(*day - from)];
    if (entry.exercise) {
      ++counts.exercises;
      ++data.exercises;
    } else {
      ++counts.entries;
      ++data.entries;
    }
    if (const auto strength = strength_of(entry)) data.strength.points.push_back({*day, *strength});
  }
  std::stable_sort(data.strength.points.begin(), data.strength.points.end(),
                   [](const DayValue& a, const DayValue& b) { return a.day < b.day; });
  // The records are in time order (read_history), so their points are too.
  data.total = {"Total", 0, 0, {}};
  for (const CheckRecord& record : shown) {
    data.total.high = std::max(data.total.high, record.max);
    data.total.points.push_back({*record_day(record), record.total});
  }
  if (data.total.high == 0) data.total.high = 1;
  for (const SignSummary& sign : summarize_history(shown).signs) {
    Series series{sign.sign, lowest_rating, highest_rating, {}};
    for (const CheckRecord& record : shown) {
      for (const Rating& rating : record.answers) {
        // "Does not apply" is no value: it is left out, as the history's averages leave it out.
        if (rating.id == sign.id && applies(rating.value)) series.points.push_back({*record_day(record), rating.value});
      }
    }
    data.signs.push_back(std::move(series));
  }
  return data;
}

int weekday(std::int64_t day) {
  // 1970-01-01 was a Thursday (3, counting from Monday).
  return static_cast<int>(((day + 3) % 7 + 7) % 7);
}

std::int64_t week_start(std::int64_t day) { return day - weekday(day); }

Period period_for(std::int64_t from, std::int64_t to) {
  const std::int64_t days = to - from + 1;
  if (days <= most_days_by_day) return Period::day;
  if (days <= most_days_by_week) return Period::week;
  return Period::month;
}

std::int64_t period_start(std::int64_t day, Period period) {
  switch (period) {
    case Period::day: return day;
    case Period::week: return week_start(day);
    case Period::month: {
      const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(day))};
      return std::chrono::sys_days(date.year() / date.month() / 1).time_since_epoch().count();
    }
  }
  return day;
}

std::vector<PeriodValue> by_period(const Series& series, std::int64_t from, std::int64_t to, Period period) {
  std::vector<PeriodValue> periods;
  for (std::int64_t start = period_start(from, period); start <= to;) {
    periods.push_back({start, 0, std::nullopt});
    start = next_period(start, period);
  }
  std::vector<long long> sums(periods.size(), 0);
  std::size_t at = 0;
  for (const DayValue& point : series.points) {
    if (point.day < from || point.day > to) continue;
    const std::int64_t start = period_start(point.day, period);
    while (at + 1 < periods.size() && periods[at + 1].start <= start) ++at;
    while (at > 0 && periods[at].start > start) --at;
    ++periods[at].count;
    sums[at] += point.value;
  }
  for (std::size_t i = 0; i < periods.size(); ++i) {
    if (periods[i].count > 0) {
      periods[i].average = static_cast<double>(sums[i]) / static_cast<double>(periods[i].count);
    }
  }
  return periods;
}

}  // namespace aa
