// SPDX-License-Identifier: MIT
#include "aa/core/render_report_html.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

const aa::ChecklistItem items[] = {
    {"dependence", "Emotional dependence", "s1", "a1", {}},
    {"space", "Fear of space", "s2", "a2", {}},
};

std::int64_t day(const char* iso) { return *aa::parse_iso_date(iso); }

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::size_t count_of(const std::string& text, std::string_view part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

aa::ReportData sample(const std::string& sign_name = "Emotional dependence") {
  std::vector<aa::CheckRecord> records = {aa::score_check(items, {1, 2}, "2026-03-02"),
                                          aa::score_check(items, {aa::does_not_apply, 3}, "2026-03-20")};
  for (aa::CheckRecord& record : records) record.answers[0].sign = sign_name;
  std::vector<aa::JournalEntry> entries(2);
  entries[0].time = "2026-03-03T10:00:00+01:00";
  entries[0].text = "<script>alert(1)</script> my secret words";
  entries[0].tags = {"work"};
  entries[1].time = "2026-03-04T10:00:00+01:00";
  entries[1].exercise = aa::ExerciseRecord{"check-in", {{"strength", 6, ""}, {"word", std::nullopt, "<b>tense</b>"}}};
  return aa::gather_report(records, entries, day("2026-03-01"), day("2026-03-31"));
}

const aa::PageFacts facts{"2026-04-01 09:00", "aa-report 0.1.0"};

}  // namespace

TEST_CASE("the page declares its policy, and holds no script and no outside address") {
  const std::string page = aa::render_report_html(sample(), facts);
  CHECK(page.rfind("<!DOCTYPE html>\n", 0) == 0);
  CHECK(contains(page,
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                 "style-src 'unsafe-inline'\">"));
  CHECK(!contains(page, "<script"));
  CHECK(!contains(page, "http:"));
  CHECK(!contains(page, "https:"));
  CHECK(!contains(page, "//"));
  CHECK(!contains(page, "url("));
  CHECK(!contains(page, "@import"));
  CHECK(!contains(page, " src="));
  CHECK(!contains(page, " href="));
  CHECK(contains(page, "</html>\n"));
}

TEST_CASE("every chart is an SVG with a title, and a table says the same in words and numbers") {
  const std::string page = aa::render_report_html(sample(), facts);
  // A calendar for the one year, the total, two signs and the strength.
  CHECK(count_of(page, "<svg ") == 5);
  CHECK(count_of(page, "role=\"img\" aria-labelledby=") == 5);
  CHECK(count_of(page, "</title></svg>") == 0);
  CHECK(contains(page, "<title id=\"chart-total\">The check’s total, day by day, on a scale of 0 to 8</title>"));
  CHECK(contains(page, "<title id=\"chart-strength\">Check-in strength, day by day, on a scale of 0 to 10</title>"));
  CHECK(contains(page, "<title id=\"calendar-2026\">2026: 4 of 31 days hold something saved</title>"));
  // Days practised, the check and the strength.
  CHECK(count_of(page, "<table>") == 3);
  CHECK(contains(page, "<tr><th scope=\"row\">March 2026</th><td>2</td><td>1</td><td>1</td><td>4</td></tr>"));
  // "Does not apply" is no value: the first sign has none on 2026-03-20.
  CHECK(contains(page, "<tr><th scope=\"row\">2026-03-20</th><td>1</td><td>3.0</td><td>–</td><td>3.0</td></tr>"));
  CHECK(contains(page, "<tr><th scope=\"row\">2026-03-04</th><td>1</td><td>6.0</td></tr>"));
  CHECK(contains(page, "<title>2026-03-04: 1 exercise</title>"));
}

TEST_CASE("the page has light and dark themes and a print stylesheet") {
  const std::string page = aa::render_report_html(sample(), facts);
  CHECK(contains(page, "@media (prefers-color-scheme:dark)"));
  CHECK(contains(page, "@media print"));
  CHECK(contains(page, "<meta name=\"color-scheme\" content=\"light dark\">"));
}

TEST_CASE("a person's text is escaped, and the journal's words are not in the page at all") {
  const std::string page = aa::render_report_html(sample("<img src=x onerror=alert(1)> & \"quotes\" 'too'\x1b"), facts);
  CHECK(!contains(page, "<img"));
  CHECK(contains(page, "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;too&#39;\xef\xbf\xbd"));
  CHECK(!contains(page, "\x1b"));
  CHECK(!contains(page, "secret"));
  CHECK(!contains(page, "alert(1)</script>"));
  CHECK(!contains(page, "tense"));
  CHECK(!contains(page, "work"));
}

TEST_CASE("html_escape leaves ordinary text as it is") {
  CHECK(aa::html_escape("Fear of space — “quiet”") == "Fear of space — “quiet”");
  CHECK(aa::html_escape("a<b>&'\"") == "a&lt;b&gt;&amp;&#39;&quot;");
}

TEST_CASE("days with no check or check-in say so in words, with no empty chart") {
  std::vector<aa::JournalEntry> entries(1);
  entries[0].time = "2026-03-03T10:00:00+01:00";
  const std::string page =
      aa::render_report_html(aa::gather_report({}, entries, day("2026-03-01"), day("2026-03-31")), facts);
  CHECK(contains(page, "No check was saved in these days."));
  CHECK(contains(page, "No check-in was saved in these days."));
  CHECK(count_of(page, "<svg ") == 1);
}

TEST_CASE("ten years of days are drawn a calendar a year and averaged month by month") {
  std::vector<aa::JournalEntry> entries(1);
  entries[0].time = "2020-03-03T10:00:00+01:00";
  const std::string page =
      aa::render_report_html(aa::gather_report({}, entries, day("2016-07-01"), day("2026-06-30")), facts);
  CHECK(count_of(page, "<svg ") == 11);
  CHECK(contains(page, "<title id=\"calendar-2016\">2016: 0 of 184 days hold something saved</title>"));
  CHECK(count_of(page, "<tr><th scope=\"row\">") == 120);
}
