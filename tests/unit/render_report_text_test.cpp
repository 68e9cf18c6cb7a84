// SPDX-License-Identifier: MIT
#include "aa/core/render_report_text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "aa/content/text.hpp"

namespace {

const aa::ChecklistItem items[] = {
    {"dependence", "Emotional dependence", "s1", "a1", {}},
    {"space", "Fear of space", "s2", "a2", {}},
};

std::int64_t day(const char* iso) { return *aa::parse_iso_date(iso); }

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(text.substr(start, end - start));
  }
  return lines;
}

// The calendar's row for a weekday ("Mon", "Wed", "Fri", or "" for the
// others): the line at that place after the month names.
std::string row_of(const std::string& text, int weekday) {
  const auto lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("Mon ", 0) == 0) return lines[i + static_cast<std::size_t>(weekday)];
  }
  return "";
}

// Four weeks, Monday 2026-03-02 to Sunday 2026-03-29: a check on the
// first Monday, a check and an entry on the second, all three on the third
// Monday; a check-in on the third Tuesday.
aa::ReportData four_weeks() {
  std::vector<aa::CheckRecord> records = {aa::score_check(items, {0, 0}, "2026-03-02"),
                                          aa::score_check(items, {2, 2}, "2026-03-09"),
                                          aa::score_check(items, {4, 4}, "2026-03-16")};
  std::vector<aa::JournalEntry> entries(4);
  entries[0].time = "2026-03-09T10:00:00+01:00";
  entries[1].time = "2026-03-16T10:00:00+01:00";
  entries[2].time = "2026-03-17T10:00:00+01:00";
  entries[3].time = "2026-03-16T21:00:00+01:00";
  entries[1].exercise = aa::ExerciseRecord{"urge-log", {}};
  entries[2].exercise = aa::ExerciseRecord{"check-in", {{"strength", 10, ""}}};
  return aa::gather_report(records, entries, day("2026-03-02"), day("2026-03-29"));
}

}  // namespace

TEST_CASE("the calendar has weeks as columns and Monday on top, each day shaded by how much it holds") {
  const std::string text = aa::render_report_text(four_weeks(), {80, false, false});
  CHECK(contains(text, "Your days from 2026-03-02 to 2026-03-29"));
  CHECK(contains(text, "4 days hold something saved: 3 a check, 2 a journal entry, 2 an exercise."));
  CHECK(row_of(text, 0) == "Mon ░▓█·");
  CHECK(row_of(text, 1) == "    ··░·");
  CHECK(row_of(text, 6) == "    ····");
  CHECK(contains(text, "· nothing saved  ░ one of the three  ▓ two  █ all three"));
}

TEST_CASE("the sparklines sit under the calendar's weeks, a gap where a week has no value") {
  const std::string text = aa::render_report_text(four_weeks(), {80, false, false});
  CHECK(contains(text, "    ▁▅█·  Total, 0 to 8\n"));
  CHECK(contains(text, "    ▁▅█·  Emotional dependence, 0 to 4\n"));
  CHECK(contains(text, "    ··█·  Check-in strength, 0 to 10\n"));
}

TEST_CASE("--ascii draws the same picture with ASCII characters only, names included") {
  aa::ReportData data = four_weeks();
  data.signs[0].name = "Fear of “space” — \x1b[31m";
  const std::string text = aa::render_report_text(data, {80, false, true});
  for (const unsigned char c : text) {
    CHECK(c < 0x80);
    CHECK((c >= 0x20 || c == '\n'));
  }
  CHECK(row_of(text, 0) == "Mon -+#.");
  CHECK(contains(text, "    _=#   Total, 0 to 8\n"));
  CHECK(contains(text, "Fear of ?space? ? \\x1b[31m, 0 to 4"));
}

TEST_CASE("a sparkline spans its scale in eight steps") {
  std::vector<aa::PeriodValue> values;
  for (int value = 0; value <= 7; ++value) values.push_back({0, 1, static_cast<double>(value)});
  values.push_back({0, 0, std::nullopt});
  CHECK(aa::report_sparkline(values, 0, 7, false) == "▁▂▃▄▅▆▇█·");
  CHECK(aa::report_sparkline(values, 0, 7, true) == "_.,-=+*# ");
  // Off the scale, as a hand-edited total might be: at its end.
  const std::vector<aa::PeriodValue> outside = {{0, 1, -3.0}, {0, 1, 99.0}};
  CHECK(aa::report_sparkline(outside, 0, 7, false) == "▁█");
}

TEST_CASE("the month names stand over the week their first day falls in") {
  std::vector<aa::JournalEntry> entries(1);
  entries[0].time = "2026-03-30T10:00:00+01:00";
  const aa::ReportData data = aa::gather_report({}, entries, day("2026-01-01"), day("2026-04-30"));
  const auto lines = lines_of(aa::render_report_text(data, {80, false, false}));
  std::string months;
  for (const std::string& line : lines) {
    if (line.find("Feb") != std::string::npos) months = line;
  }
  // 2025-12-29 is the Monday of the first column, a week a column: Feb 1
  // is in the fifth, Mar 1 in the ninth, Apr 1 in the fourteenth.
  CHECK(months == "    Jan Feb Mar  Apr");
}

TEST_CASE("on a narrow terminal only the latest weeks are drawn, and a line says so, names go above their line") {
  const aa::ReportData data = aa::gather_report({}, {}, day("2025-03-03"), day("2026-03-01"));
  const std::string text = aa::render_report_text(data, {30, false, false});
  CHECK(contains(text, "The last 26 of 52 weeks are"));
  for (const std::string& line : lines_of(text)) {
    CAPTURE(line);
    CHECK(aa::display_width(line) <= 30);
  }
  CHECK(row_of(text, 0) == "Mon " + [] {
    std::string dots;
    for (int i = 0; i < 26; ++i) dots += "·";
    return dots;
  }());
  const std::string piped = aa::render_report_text(four_weeks(), {0, false, false});
  CHECK(contains(piped, "    ▁▅█·  Emotional dependence, 0 to 4\n"));
  const std::string narrow = aa::render_report_text(four_weeks(), {20, false, false});
  CHECK(contains(narrow, "    Emotional\n    dependence, 0 to\n    4\n    ▁▅█·\n"));
}

TEST_CASE("colour only when asked, and then every cell is styled") {
  CHECK(aa::render_report_text(four_weeks(), {80, false, false}).find('\x1b') == std::string::npos);
  CHECK(contains(aa::render_report_text(four_weeks(), {80, true, false}), "\x1b["));
}

TEST_CASE("days with no check or check-in say so, in place of their lines") {
  std::vector<aa::JournalEntry> entries(1);
  entries[0].time = "2026-03-03T10:00:00+01:00";
  const std::string text =
      aa::render_report_text(aa::gather_report({}, entries, day("2026-03-02"), day("2026-03-08")), {80, false, false});
  CHECK(contains(text, "No check was saved in these days."));
  CHECK(contains(text, "No check-in was saved in these days."));
}
