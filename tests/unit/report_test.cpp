// SPDX-License-Identifier: MIT
#include "aa/core/report.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

const aa::ChecklistItem items[] = {
    {"dependence", "Emotional dependence", "s1", "a1", {}},
    {"space", "Fear of space", "s2", "a2", {}},
};

std::int64_t day(const char* iso) { return *aa::parse_iso_date(iso); }

aa::CheckRecord check_on(const std::string& date, int dependence, int space) {
  return aa::score_check(items, {dependence, space}, date);
}

aa::JournalEntry entry_on(const std::string& date, std::string text = "a walk") {
  aa::JournalEntry entry;
  entry.time = date + "T09:00:00+01:00";
  entry.text = std::move(text);
  return entry;
}

aa::JournalEntry check_in_on(const std::string& date, std::int64_t strength) {
  aa::JournalEntry entry = entry_on(date, "Check-in");
  entry.exercise = aa::ExerciseRecord{"check-in", {{"strength", strength, ""}, {"word", std::nullopt, "tense"}}};
  return entry;
}

}  // namespace

TEST_CASE("a report counts each day's checks, entries and exercises, and nothing outside its days") {
  const std::vector<aa::CheckRecord> records = {check_on("2026-02-27", 1, 1), check_on("2026-03-02", 3, 2),
                                                check_on("2026-03-02", 2, 2)};
  const std::vector<aa::JournalEntry> entries = {entry_on("2026-03-02"), check_in_on("2026-03-03", 7),
                                                 entry_on("2026-03-09")};
  const aa::ReportData data = aa::gather_report(records, entries, day("2026-03-01"), day("2026-03-08"));
  REQUIRE(data.days.size() == 8);
  CHECK(data.checks == 2);
  CHECK(data.entries == 1);
  CHECK(data.exercises == 1);
  CHECK(data.on(day("2026-03-02")).checks == 2);
  CHECK(data.on(day("2026-03-02")).kinds() == 2);
  CHECK(data.on(day("2026-03-03")).exercises == 1);
  CHECK(data.on(day("2026-03-03")).kinds() == 1);
  CHECK(data.on(day("2026-03-01")).kinds() == 0);
  REQUIRE(data.total.points.size() == 2);
  CHECK(data.total.points[0].value == 5);
  CHECK(data.total.high == 8);
  REQUIRE(data.signs.size() == 2);
  CHECK(data.signs[0].name == "Emotional dependence");
  REQUIRE(data.strength.points.size() == 1);
  CHECK(data.strength.points[0].value == 7);
  CHECK(!data.empty());
}

TEST_CASE("an answer that does not apply is no value: it is left out of a sign's line and its averages") {
  const std::vector<aa::CheckRecord> records = {check_on("2026-03-02", aa::does_not_apply, 2),
                                                check_on("2026-03-03", 4, 2)};
  const aa::ReportData data = aa::gather_report(records, {}, day("2026-03-02"), day("2026-03-08"));
  REQUIRE(data.signs.size() == 2);
  REQUIRE(data.signs[0].points.size() == 1);
  CHECK(data.signs[0].points[0].value == 4);
  const auto weeks = aa::by_period(data.signs[0], data.from, data.to, aa::Period::week);
  REQUIRE(weeks.size() == 1);
  CHECK(weeks[0].count == 1);
  CHECK(*weeks[0].average == doctest::Approx(4.0));
}

TEST_CASE("a check-in's strength counts only when it is on its scale, and other exercises are days practised") {
  aa::JournalEntry other = entry_on("2026-03-04");
  other.exercise = aa::ExerciseRecord{"urge-log", {{"strength", 5, ""}}};
  const std::vector<aa::JournalEntry> entries = {check_in_on("2026-03-02", 11), check_in_on("2026-03-03", -1), other,
                                                 check_in_on("2026-03-05", 0)};
  const aa::ReportData data = aa::gather_report({}, entries, day("2026-03-01"), day("2026-03-08"));
  CHECK(data.exercises == 4);
  REQUIRE(data.strength.points.size() == 1);
  CHECK(data.strength.points[0].day == day("2026-03-05"));
  CHECK(data.strength.points[0].value == 0);
}

TEST_CASE("weeks start on Monday, months on their first day, and periods cover the days asked for") {
  CHECK(aa::weekday(day("1970-01-01")) == 3);
  CHECK(aa::weekday(day("2026-03-02")) == 0);  // a Monday
  CHECK(aa::weekday(day("2026-03-08")) == 6);
  CHECK(aa::week_start(day("2026-03-08")) == day("2026-03-02"));
  CHECK(aa::period_start(day("2026-03-31"), aa::Period::month) == day("2026-03-01"));
  CHECK(aa::period_for(day("2026-01-01"), day("2026-03-01")) == aa::Period::day);
  CHECK(aa::period_for(day("2025-01-01"), day("2026-01-01")) == aa::Period::week);
  CHECK(aa::period_for(day("2016-01-01"), day("2026-01-01")) == aa::Period::month);
  const aa::Series none{"x", 0, 4, {}};
  const auto months = aa::by_period(none, day("2025-11-15"), day("2026-02-02"), aa::Period::month);
  REQUIRE(months.size() == 4);
  CHECK(months[0].start == day("2025-11-01"));
  CHECK(months[3].start == day("2026-02-01"));
  CHECK(!months[0].average);
  const auto weeks = aa::by_period(none, day("2026-03-04"), day("2026-03-16"), aa::Period::week);
  REQUIRE(weeks.size() == 3);
  CHECK(weeks[2].start == day("2026-03-16"));
}

TEST_CASE("the days of a report: --to or today, back by --from, --last, the default or to the first day") {
  const std::int64_t today = day("2026-06-30");
  CHECK(aa::report_days({}, std::nullopt, today, day("2020-01-01"), 365) == std::pair{today - 364, today});
  CHECK(aa::report_days({}, std::nullopt, today, day("2020-01-01"), 0) == std::pair{day("2020-01-01"), today});
  CHECK(aa::report_days({}, std::size_t{7}, today, std::nullopt, 365) == std::pair{today - 6, today});
  const aa::DateRange asked{day("2026-01-01"), day("2026-02-01")};
  CHECK(aa::report_days(asked, std::nullopt, today, std::nullopt, 0) ==
        std::pair{day("2026-01-01"), day("2026-02-01")});
  CHECK(aa::first_day({}, {}) == std::nullopt);
  const std::vector<aa::JournalEntry> entries = {entry_on("2026-03-02"), entry_on("2024-05-01")};
  CHECK(aa::first_day({}, entries) == day("2024-05-01"));
}
