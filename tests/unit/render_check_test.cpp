// SPDX-License-Identifier: MIT
#include "aa/core/render_check.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "aa/content/text.hpp"

namespace {

const aa::HelpLink dependence_help[] = {
    {"strategies", "Strategy 5, emotional independence: strength from your own achievements."},
    {"support", "Therapy, groups and loved ones."}};
const aa::HelpLink space_help[] = {{"strategies", "Strategy 4, healthy boundaries."}};
const aa::ChecklistItem items[] = {
    {"dependence", "Emotional dependence", "s1", "a1", dependence_help},
    {"space", "Fear of space", "s2", "a2", space_help},
};

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

aa::CheckRecord record_of(int dependence, int space, std::string date = "2026-03-01") {
  return aa::score_check(items, {dependence, space}, std::move(date));
}

}  // namespace

const aa::References references{"aa-read", "aa-faq"};

TEST_CASE("the result lists every sign with its rating, and no total, which would read as a score") {
  const std::string out = aa::render_check_text(record_of(3, 1), items, {});
  CHECK(out.starts_with("Your answers, 2026-03-01\n"));
  CHECK(contains(out, "  Emotional dependence  3 often\n"));
  CHECK(contains(out, "  Fear of space         1 rarely\n"));
  CHECK_FALSE(contains(out, "Total"));
  CHECK_FALSE(contains(out, "4 of 8"));
}

TEST_CASE("signs that stand out come with what helps and the command to read it") {
  const std::string out = aa::render_check_text(record_of(4, 1), items, {.references = references});
  CHECK(contains(out,
                 "Emotional dependence, rated 4 (almost always). What can help:\n"
                 "    • Strategy 5, emotional independence: strength from your own achievements.\n"
                 "      aa-read strategies\n"
                 "    • Therapy, groups and loved ones.\n"
                 "      aa-read support\n"));
  CHECK_FALSE(contains(out, "Fear of space, rated"));
  CHECK(contains(out, "Read next: aa-read strategies, aa-read support\n"));
}

TEST_CASE("when nothing stands out, the result says so and points to the signs") {
  const std::string out = aa::render_check_text(record_of(2, 0), items, {.references = references});
  CHECK(contains(out, "No sign stands out"));
  CHECK(contains(out, "aa-read signs"));
  CHECK_FALSE(contains(out, "Read next"));
}

TEST_CASE("the result ends with the safety note") {
  const std::string out = aa::render_check_text(record_of(4, 4), items, {});
  const std::string note(aa::safety_note());
  CHECK(out.ends_with("\n\n" + note + "\n"));
  CHECK(contains(note, "not a diagnosis or a treatment"));
  CHECK(contains(note, "emergency services"));
  CHECK(contains(note, "crisis line"));
}

TEST_CASE("bars and colour only when asked for") {
  const std::string plain = aa::render_check_text(record_of(3, 0), items, {});
  CHECK_FALSE(contains(plain, "█"));
  CHECK_FALSE(contains(plain, "\x1b["));
  const std::string graphic = aa::render_check_text(record_of(3, 0), items, {80, false, true});
  CHECK(contains(graphic, "  Emotional dependence  3 often          ███░\n"));
  CHECK(contains(graphic, "  Fear of space         0 never          ░░░░\n"));
  CHECK(contains(aa::render_check_text(record_of(3, 0), items, {80, true, true}), "\x1b["));
}

TEST_CASE("paragraphs are wrapped to the width, and one a line without one") {
  const std::string wrapped = aa::render_check_text(record_of(4, 4), items, {40, false, false});
  for (const std::string& line : lines_of(wrapped)) {
    CAPTURE(line);
    CHECK(aa::display_width(line) <= 40);
  }
  CHECK(contains(wrapped,
                 "    • Strategy 5, emotional\n      independence: strength from your\n      own achievements.\n"));
  const std::string unwrapped = aa::render_check_text(record_of(4, 4), items, {});
  CHECK(contains(unwrapped, "\n" + std::string(aa::safety_note()) + "\n"));
}

TEST_CASE("the items table: id, sign, statement") {
  CHECK(aa::render_items_table(items) == "dependence\tEmotional dependence\ts1\nspace\tFear of space\ts2\n");
}

TEST_CASE("sparklines: one bar a value, a dot where one is missing") {
  const std::vector<std::optional<int>> values = {0, 1, 2, 3, 4, std::nullopt, 9};
  CHECK(aa::sparkline(values) == "▁▂▄▆█··");
  CHECK(aa::sparkline({}).empty());
}

TEST_CASE("history: a row a record, a column a sign, oldest first") {
  std::vector<aa::CheckRecord> records = {record_of(4, 1, "2026-03-01"), record_of(2, 0, "2026-03-08")};
  records[1].answers.pop_back();  // a sign an older content file did not have
  const std::string out = aa::render_history_text(records, {});
  CHECK(out ==
        "date        dependence  space  total\n"
        "2026-03-01  4           1      5/8\n"
        "2026-03-08  2           -      2/8\n");
}

TEST_CASE("history on a terminal adds a sparkline a sign") {
  const std::vector<aa::CheckRecord> records = {record_of(0, 4, "2026-03-01"), record_of(2, 4, "2026-03-02"),
                                                record_of(4, 3, "2026-03-03")};
  const std::string out = aa::render_history_text(records, {80, false, true});
  CHECK(contains(out, "Over time, oldest to newest\n"));
  CHECK(contains(out, "  Emotional dependence  ▁▄█\n"));
  CHECK(contains(out, "  Fear of space         ██▆\n"));
}

TEST_CASE("a long history shows as many of the newest results as fit") {
  std::vector<aa::CheckRecord> records;
  for (int i = 0; i < 100; ++i) records.push_back(record_of(i % 5, 0, "2026-03-01"));
  const std::string out = aa::render_history_text(records, {40, false, true});
  // 40 columns less the indent, the widest name and the gap: 16 results.
  CHECK(contains(out, "Over time, the last 16 results\n"));
  CHECK(contains(out, "  Emotional dependence  █▁▂▄▆█▁▂▄▆█▁▂▄▆█\n"));
}

TEST_CASE("an empty history says how to start one") { CHECK(aa::render_history_text({}, {}).empty()); }

namespace {

// A record as the history file may hold it: any ids, any names.
aa::CheckRecord saved(std::string date, std::vector<aa::Rating> answers) {
  aa::CheckRecord record;
  record.date = std::move(date);
  for (const aa::Rating& rating : answers) {
    record.total += rating.value;
    record.max += aa::highest_rating;
  }
  record.answers = std::move(answers);
  return record;
}

}  // namespace

TEST_CASE("history: the newest record's signs come first, then older ones, at most eight") {
  std::vector<aa::Rating> many;
  for (int i = 0; i < 12; ++i) many.push_back({"s" + std::to_string(i), "Sign " + std::to_string(i), i % 5});
  const std::vector<aa::CheckRecord> records = {
      saved("2026-03-01", many),
      saved("2026-03-02", {{"s5", "Sign five", 1}, {"s2", "Sign two", 2}}),
  };
  const std::string out = aa::render_history_text(records, {80, false, true});
  const auto rows = lines_of(out);
  REQUIRE(rows.size() >= 4);
  CHECK(rows[0] == "date        s5  s2  s0  s1  s3  s4  s6  s7  total");
  CHECK(rows[1] == "2026-03-01  0   2   0   1   3   4   1   2   21/48");
  CHECK(rows[2] == "2026-03-02  1   2   -   -   -   -   -   -   3/8");
  CHECK(rows[3] == "(8 of the 12 signs in these results are shown; the JSON output has them all.)");
  // The sparklines follow the same columns, each named as the newest record names it.
  CHECK(contains(out, "  Sign five  ▁▂\n"));
  CHECK(contains(out, "  Sign 0     ▁·\n"));
  CHECK_FALSE(contains(out, "Sign 8"));
}

TEST_CASE("history: thousands of records with different signs give a bounded table") {
  std::vector<aa::CheckRecord> records;
  for (int i = 0; i < 8000; ++i) records.push_back(saved("2026-03-01", {{"id-" + std::to_string(i), "S", 2}}));
  const std::string out = aa::render_history_text(records, {});
  const auto rows = lines_of(out);
  REQUIRE(rows.size() == 8002);
  CHECK(rows[0] == "date        id-7999  id-7998  id-7997  id-7996  id-7995  id-7994  id-7993  id-7992  total");
  CHECK(rows[1] == "2026-03-01  -        -        -        -        -        -        -        -        2/4");
  CHECK(rows[8000] == "2026-03-01  2        -        -        -        -        -        -        -        2/4");
  CHECK(rows[8001].starts_with("(8 of the 8000 signs"));
}

TEST_CASE("history: a sign rated twice in a record shows its first value") {
  const std::vector<aa::CheckRecord> records = {saved("2026-03-01", {{"a", "A", 1}, {"a", "A", 4}})};
  CHECK(lines_of(aa::render_history_text(records, {}))[1] == "2026-03-01  1  5/8");
}

TEST_CASE("history: text from the file is escaped before it reaches a terminal") {
  // Two records, so that a terminal shows the signs' trend, and with it their names.
  const aa::CheckRecord record =
      saved("2026-03-01\x1b[2J", {{"id\x1b]0;owned\x07", "Sign \x1b]0;retitled\x07\xe2\x80\xae", 3}});
  const std::vector<aa::CheckRecord> records = {record, record};
  for (const aa::CheckStyle& style : {aa::CheckStyle{}, aa::CheckStyle{80, true, true}}) {
    const std::string out = aa::render_history_text(records, style);
    CAPTURE(out);
    CHECK(contains(out, "2026-03-01\\x1b[2J"));
    CHECK(contains(out, "id\\x1b]0;owned\\x07"));
    if (style.graphics) CHECK(contains(out, "Sign \\x1b]0;retitled\\x07\\u{202e}"));
    CHECK_FALSE(contains(out, "\x07"));
    CHECK_FALSE(contains(out, "\xe2\x80\xae"));
    CHECK_FALSE(contains(out, "\x1b]"));
    CHECK_FALSE(contains(out, "\x1b[2J"));
  }
}

TEST_CASE("a long checklist: every sign that stands out gets its help, in order") {
  const std::size_t count = 20000;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < count; ++i) ids.push_back("sign-" + std::to_string(i));
  const aa::HelpLink link[] = {{"support", "Help."}};
  std::vector<aa::ChecklistItem> long_list;
  for (const std::string& id : ids) long_list.push_back({id, id, "s", "a", link});
  aa::Answers answers(count, 1);
  answers[7] = 4;
  answers[count - 1] = 3;
  const std::string out = aa::render_check_text(aa::score_check(long_list, answers, "2026-03-01"), long_list, {});
  const std::size_t first = out.find("sign-7, rated 4 (almost always). What can help:");
  const std::size_t last = out.find("sign-19999, rated 3 (often). What can help:");
  CHECK(first != std::string::npos);
  CHECK(last != std::string::npos);
  CHECK(first < last);
  CHECK(out.find("sign-8, rated") == std::string::npos);
}

TEST_CASE("the statements on a terminal: numbered, aligned, the statement wrapped under itself") {
  const aa::ChecklistItem long_items[] = {
      {"dependence", "Emotional dependence", "When they are away, I worry a great deal.", "a1", {}},
      {"space", "Fear of space", "Time apart leaves me uneasy.", "a2", {}},
  };
  CHECK(aa::render_items_table(long_items, 40) ==
        "1  dependence  Emotional dependence:\n"
        "               When they are away, I\n"
        "               worry a great deal.\n"
        "2  space       Fear of space: Time apart\n"
        "               leaves me uneasy.\n");
  // In a pipe (no table width), the tab-separated lines are unchanged.
  CHECK(aa::render_items_table(long_items) ==
        "dependence\tEmotional dependence\tWhen they are away, I worry a great deal.\n"
        "space\tFear of space\tTime apart leaves me uneasy.\n");
}

TEST_CASE("a narrow terminal puts each rating under its sign, so no row breaks") {
  const std::string out = aa::render_check_text(record_of(3, 1), items, {40, false, true, references});
  for (const std::string& line : lines_of(out)) CHECK(aa::display_width(line) <= 40);
  CHECK(contains(out, "  Emotional dependence\n    3 often          ███░\n"));
  const std::string wide = aa::render_check_text(record_of(3, 1), items, {80, false, true, references});
  CHECK(contains(wide, "  Emotional dependence  3 often          ███░\n"));
}

TEST_CASE("with note_first, the safety note leads the result and is not repeated") {
  const aa::CheckStyle style{0, false, false, references, true};
  const std::string out = aa::render_check_text(record_of(3, 1), items, style);
  CHECK(out.starts_with(std::string(aa::safety_note()) + "\n\nYour answers, 2026-03-01\n"));
  CHECK(out.find(aa::safety_note()) == out.rfind(aa::safety_note()));
}

TEST_CASE("history narrower than its table: a record a paragraph, nothing wider than the width") {
  const std::vector<aa::CheckRecord> records = {record_of(4, 1, "2026-03-01"), record_of(2, 0, "2026-03-08")};
  const std::string out = aa::render_history_text(records, {30, false, true});
  CHECK(
      out.starts_with("2026-03-01  total 5/8\n"
                      "  dependence\u00a04 space\u00a01\n"
                      "2026-03-08  total 2/8\n"
                      "  dependence\u00a02 space\u00a00\n"));
  for (const std::string& line : lines_of(out)) CHECK(aa::display_width(line) <= 30);
  // Wide enough, the table is as before; and a script keeps it at any width.
  CHECK(aa::render_history_text(records, {40, false, true}).starts_with("date        dependence  space  total\n"));
  CHECK(aa::render_history_text(records, {30, false, false}).starts_with("date        dependence  space  total\n"));
}

TEST_CASE("one result is no trend: no sparklines, and never \"the last 1 results\"") {
  const std::string one = aa::render_history_text(std::vector{record_of(4, 1)}, {80, false, true});
  CHECK_FALSE(contains(one, "Over time"));
  std::vector<aa::CheckRecord> records;
  for (int i = 0; i < 5; ++i) records.push_back(record_of(i % 5, 0, "2026-03-01"));
  // So narrow that only one result would fit beside the names: each
  // sparkline goes under its name, and every line fits.
  const std::string narrow = aa::render_history_text(records, {24, false, true});
  CHECK(contains(narrow, "Over time, oldest to\nnewest\n  Emotional dependence\n    ▁▂▄▆█\n"));
  for (const std::string& line : lines_of(narrow)) CHECK(aa::display_width(line) <= 24);
  const std::string tiny = aa::render_history_text(records, {6, false, true});
  CHECK(contains(tiny, "last 2\nresul"));
  CHECK_FALSE(contains(aa::render_history_text(records, {5, false, true}), "last 1 results"));
}
