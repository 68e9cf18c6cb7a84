// SPDX-License-Identifier: MIT
#include "aa/core/history_summary.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "aa/core/render_check.hpp"
#include "aa/core/render_check_markdown.hpp"
#include "time_zone.hpp"

using aa::test::in_time_zone;

namespace {

const aa::ChecklistItem items[] = {
    {"dependence", "Emotional dependence", "s1", "a1", {}},
    {"space", "Fear of space", "s2", "a2", {}},
};

aa::CheckRecord taken(int dependence, int space, const std::string& time) {
  aa::CheckRecord record = aa::score_check(items, {dependence, space}, time.substr(0, 10));
  record.time = time;
  return record;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("two results compare, first against latest, in text and Markdown, beside the sparklines") {
  const std::vector<aa::CheckRecord> two = {taken(3, 1, "2026-03-01T09:00:00+00:00"),
                                            taken(1, 2, "2026-03-08T09:00:00+00:00")};
  const aa::HistorySummary summary = aa::summarize_history(two);
  CHECK(summary.trend);
  CHECK(summary.first_total == 4);
  CHECK(summary.latest_total == 3);
  const aa::CheckStyle terminal{80, false, true};
  const std::string text = aa::render_history_text(two, terminal) + aa::render_summary_text(summary, terminal);
  CHECK(contains(text, "Over time, oldest to newest"));
  CHECK(contains(text, "First against latest: total 4 → 3"));
  CHECK(contains(text, "Emotional dependence  3 → 1  average 2.0"));
  CHECK_FALSE(contains(text, "needs"));
  const std::string markdown = aa::render_summary_markdown(summary);
  CHECK(contains(markdown, "First against latest: total 4 → 3."));
  CHECK(contains(markdown, "| Emotional dependence | 3 | 1 | 2.0 |"));
  CHECK_FALSE(contains(markdown, "needs"));
}

TEST_CASE("one result has nothing to compare with, and says so once") {
  const std::vector<aa::CheckRecord> one = {taken(3, 1, "2026-03-01T09:00:00+00:00")};
  const aa::HistorySummary summary = aa::summarize_history(one);
  CHECK_FALSE(summary.trend);
  const aa::CheckStyle terminal{80, false, true};
  const std::string text = aa::render_history_text(one, terminal) + aa::render_summary_text(summary, terminal);
  CHECK_FALSE(contains(text, "Over time"));
  CHECK_FALSE(contains(text, "→"));
  CHECK(contains(text, "First against latest needs 2 results or more; 1 is shown here.\n"));
  const std::string markdown = aa::render_summary_markdown(summary);
  CHECK(contains(markdown, "| Sign | Average |"));
  CHECK(contains(markdown, "First against latest needs 2 results or more; 1 is shown here.\n"));
}

TEST_CASE("a result's time reads YYYY-MM-DD HH:MM in local time in the table, summary, result and comparison") {
  const std::vector<aa::CheckRecord> two = {taken(3, 1, "2026-03-01T21:14:05+01:00"),
                                            taken(1, 2, "2026-03-08T23:30:00+00:00")};
  in_time_zone("JST-9", [&] {
    CHECK(aa::when_taken(two[0]) == "2026-03-02 05:14");
    const std::string table = aa::render_history_text(two, {});
    CHECK(contains(table, "2026-03-02 05:14  3"));
    CHECK(contains(table, "2026-03-09 08:30  1"));
    CHECK(contains(aa::render_summary_text(aa::summarize_history(two), {}),
                   "Summary: 2 results, from 2026-03-02 05:14 to 2026-03-09 08:30"));
    CHECK(contains(aa::render_history_markdown(two), "| 2026-03-02 05:14 |"));
    CHECK(aa::render_check_text(two[1], items, {}).starts_with("Your answers, 2026-03-09 08:30\n"));
    CHECK(contains(aa::render_check_markdown(two[1], items, {}), "# Your answers, 2026-03-09 08:30 {#answers}"));
    CHECK(aa::render_comparison(two[0], two[1]).starts_with("Since your last check (2026-03-02 05:14): total 4 → 3"));
  });
  in_time_zone("UTC0", [&] { CHECK(aa::when_taken(two[0]) == "2026-03-01 20:14"); });
  // A record saved before times were kept shows its date.
  aa::CheckRecord old = two[0];
  old.time.clear();
  CHECK(aa::when_taken(old) == "2026-03-01");
  // No ISO offset is ever shown, escaped or not.
  const std::string all = aa::render_history_markdown(two) + aa::render_summary_markdown(aa::summarize_history(two));
  CHECK_FALSE(contains(all, "+01:00"));
  CHECK_FALSE(contains(all, "\\+"));
}
