// SPDX-License-Identifier: MIT
// Journal records: written and read back, odd lines reported, ids kept,
// what a person writes made into an entry.
#include "aa/core/journal.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <iterator>
#include <limits>

#include <nlohmann/json.hpp>

#include "aa/content/builtin.hpp"
#include "aa/core/date.hpp"
#include "aa/core/random.hpp"
#include "aa/core/render_journal.hpp"
#include "aa/io/error.hpp"
#include "error_message.hpp"
#include "time_zone.hpp"

namespace {

aa::JournalEntry entry(std::uint64_t id, std::string text, std::string prompt = "quiet-day",
                       std::string time = "2026-03-01T21:14:05+01:00") {
  return {id, std::move(time), std::move(prompt), std::move(text)};
}

std::string usage_error(std::string_view text) {
  return aa::test::error_message(aa::Problem::usage, text, [&] { aa::entry_text(text); });
}

}  // namespace

TEST_CASE("an entry is one JSON line and reads back as it was") {
  const aa::JournalEntry written = entry(3, "Line one\n\tline two — ‘quoted’ \"x\"");
  const std::string line = aa::journal_line(written);
  CHECK(line ==
        "{\"id\":3,\"time\":\"2026-03-01T21:14:05+01:00\",\"prompt\":\"quiet-day\","
        "\"text\":\"Line one\\n\\tline two — ‘quoted’ \\\"x\\\"\"}\n");
  const aa::JournalEntry read = aa::parse_journal_entry(line.substr(0, line.size() - 1));
  CHECK(read.id == 3);
  CHECK(read.time == written.time);
  CHECK(read.prompt == "quiet-day");
  CHECK(read.text == written.text);
  CHECK(aa::entry_date(read) == "2026-03-01");

  const aa::JournalEntry free = entry(4, "Free.", "");
  CHECK(aa::journal_line(free).find("\"prompt\":null") != std::string::npos);
  CHECK(aa::parse_journal_entry(aa::journal_line(free)).prompt.empty());
}

TEST_CASE("tags and an exercise's answers are kept on the entry's line, and only when it has them") {
  aa::JournalEntry written = entry(7, "Check-in\nStrength: 6");
  CHECK(aa::journal_line(written).find("tags") == std::string::npos);
  CHECK(aa::journal_line(written).find("exercise") == std::string::npos);
  written.tags = {"work", "sleep"};
  written.exercise = aa::ExerciseRecord{"check-in", {{"strength", 6, ""}, {"word", std::nullopt, "tense \"x\""}}};
  const std::string line = aa::journal_line(written);
  CHECK(line.find(R"("tags":["work","sleep"])") != std::string::npos);
  CHECK(line.find(R"("exercise":{"id":"check-in","steps":[{"step":"strength","value":6},)"
                  R"({"step":"word","value":"tense \"x\""}]})") != std::string::npos);
  const aa::JournalEntry read = aa::parse_journal_entry(line.substr(0, line.size() - 1));
  CHECK(read.tags == written.tags);
  REQUIRE(read.exercise);
  CHECK(*read.exercise == *written.exercise);

  const auto problem = [](std::string_view extra) {
    const std::string text = std::string(R"({"id":1,"time":"2026-03-01T21:14:05+01:00","prompt":null,"text":"x",)") +
                             std::string(extra) + "}";
    return aa::test::error_message(aa::Problem::data, text, [&] { aa::parse_journal_entry(text); });
  };
  CHECK(problem(R"("tags":"work")") == "'tags' is not a list");
  CHECK(problem(R"("tags":["Work"])") == "'tags' holds something that is not a tag");
  CHECK(problem(R"("tags":["a b"])") == "'tags' holds something that is not a tag");
  CHECK(problem(R"("tags":[3])") == "'tags' holds something that is not a tag");
  CHECK(problem(R"("tags":["a","a"])") == "'tags' has a twice");
  CHECK(problem(R"("exercise":[])") == "'exercise' is not a JSON object");
  CHECK(problem(R"("exercise":{"id":"","steps":[]})") == "'exercise' has no id");
  CHECK(problem(R"("exercise":{"id":"x"})") == "'steps' is missing");
  CHECK(problem(R"("exercise":{"id":"x","steps":[{"step":"s","value":1.5}]})") ==
        "the value of step 's' is neither a whole number nor text");
  CHECK(problem(R"("exercise":{"id":"x","steps":[{"step":"s"}]})") == "'value' is missing");
}

TEST_CASE("a tag is kept in lower case, and text that would not read as one tag is refused") {
  CHECK(aa::tag_from("Work") == "work");
  CHECK(aa::tag_from("über-Müde") == "über-müde");
  CHECK(aa::tag_from("a_b-1") == "a_b-1");
  CHECK(aa::tag_from(std::string(aa::tag_limit, 'a')));
  CHECK_FALSE(aa::tag_from(std::string(aa::tag_limit + 1, 'a')));
  for (std::string_view bad : {"", "a b", "a,b", "a\tb", "a\x1b", "a\u00a0b", "a\u202eb", "\xff"}) {
    CHECK_MESSAGE(!aa::tag_from(bad), bad);
  }
}

TEST_CASE("tags as typed: several to a value, each kept once, and the first that is not a tag named") {
  const std::vector<std::string> typed = {"Work", "sleep,work", "calm"};
  CHECK(aa::typed_tags(typed) == std::vector<std::string>{"work", "sleep", "calm"});
  CHECK(aa::typed_tags(std::vector<std::string>{}).empty());
  const auto refused = [](std::vector<std::string> values) {
    return aa::test::error_message(aa::Problem::usage, values.front(), [&] { aa::typed_tags(values); });
  };
  CHECK(refused({"ok,a b"}).starts_with("'a b' is not a tag"));
  CHECK(refused({"a,,b"}).starts_with("'' is not a tag"));
  CHECK(refused({"a,"}).starts_with("'' is not a tag"));
  CHECK(refused({""}).starts_with("'' is not a tag"));
  // What cannot be shown is named escaped.
  CHECK(refused({"a\x1b"}).starts_with("'a\\x1b' is not a tag"));

  aa::JournalEntry tagged = entry(1, "x");
  tagged.tags = {"work", "sleep"};
  CHECK(aa::has_tags(tagged, std::vector<std::string>{}));
  CHECK(aa::has_tags(tagged, std::vector<std::string>{"sleep"}));
  CHECK(aa::has_tags(tagged, std::vector<std::string>{"sleep", "work"}));
  CHECK_FALSE(aa::has_tags(tagged, std::vector<std::string>{"sleep", "calm"}));
  CHECK_FALSE(aa::has_tags(entry(2, "y"), std::vector<std::string>{"sleep"}));
}

TEST_CASE("lines that are not entries are reported with their line number, and the rest still read") {
  const std::string good = aa::journal_line(entry(1, "One."));
  const std::string text = good +
                           "\n  \nnot json\n[1]\n{\"id\":0,\"time\":\"2026-03-01T21:14:05+01:00\","
                           "\"prompt\":null,\"text\":\"x\"}\n{\"id\":2,\"time\":\"2026-02-30T10:00:00Z\","
                           "\"prompt\":null,\"text\":\"x\"}\n{\"id\":2,\"time\":\"2026-02-03T10:00:00Z\"}\n" +
                           aa::journal_line(entry(5, "Five.", "", "2026-03-02T08:00:00-05:00")) +
                           "{\"retired\":9}\n{\"id\":6,\"time\":\"2026-03-02T08:00:00Z\",\"prompt\":null,"
                           "\"text\":\"no newline\"}";
  const aa::Journal journal = aa::parse_journal(text);
  REQUIRE(journal.entries.size() == 3);
  CHECK(journal.entries[0].id == 1);
  CHECK(journal.entries[1].id == 5);
  CHECK(journal.entries[2].text == "no newline");
  CHECK(journal.highest_id == 9);
  REQUIRE(journal.problems.size() == 5);
  CHECK(journal.problems[0].line == 4);
  CHECK(journal.problems[0].reason == "not JSON");
  CHECK(journal.problems[1].reason == "not a JSON object");
  CHECK(journal.problems[2].reason == "'id' is not a whole number from 1");
  CHECK(journal.problems[3].reason.find("'time'") != std::string::npos);
  CHECK(journal.problems[4].reason == "'prompt' is missing");
}

TEST_CASE("line ids: entries, retired ids, and nothing for other lines") {
  CHECK(aa::line_id(aa::journal_line(entry(7, "x")))->id == 7);
  CHECK_FALSE(aa::line_id(aa::journal_line(entry(7, "x")))->retired);
  CHECK(aa::line_id(aa::retired_line(8))->retired);
  CHECK(aa::retired_line(8) == "{\"retired\":8}");
  CHECK_FALSE(aa::line_id("garbage"));
  CHECK_FALSE(aa::line_id(""));
}

TEST_CASE("a line reads the same however it is written: as we write it, or by hand") {
  const aa::JournalEntry written = entry(3, "Line one\n\tline two \"x\" caf\u00e9");
  const aa::JournalEntry ours = aa::parse_journal_entry(aa::journal_line(written));
  // The same entry as someone might write it by hand: spaces, \u escapes,
  // another order, a member named twice (the last counts), members of no
  // interest.
  const aa::JournalEntry by_hand = aa::parse_journal_entry(
      " { \"text\" : \"Line one\\n\\tline two \\\"x\\\" caf\\u00e9\", \"more\": {\"id\": [0.5, null]},"
      " \"prompt\": \"quiet-day\", \"id\": 9, \"id\": 3, \"time\": \"2026-03-01T21:14:05+01:00\" } ");
  for (const aa::JournalEntry* read : {&ours, &by_hand}) {
    CHECK(read->id == 3);
    CHECK(read->time == written.time);
    CHECK(read->prompt == "quiet-day");
    CHECK(read->text == written.text);
  }
  // A retired id is a line with that one member, even named twice.
  CHECK(aa::line_id("{\"retired\":4,\"retired\":5}")->id == 5);
  CHECK(aa::line_id("{\"retired\":4,\"retired\":5}")->retired);
  const aa::Journal journal = aa::parse_journal(
      "{\"retired\":4,\"note\":1}\n{\"retired\":0}\n{\"id\":1e2}\n{\"id\":-1}\n{\"id\":99999999999999999999999}\n"
      "{\"id\":1,\"time\":\"2026-03-01T21:14:05+01:00\",\"prompt\":[],\"text\":\"x\"}\n{\"id\":1,\"id\":\n");
  REQUIRE(journal.problems.size() == 7);
  CHECK(journal.problems[0].reason == "'id' is missing");
  CHECK(journal.problems[1].reason == "'retired' is not a whole number from 1");
  CHECK(journal.problems[2].reason == "'id' is not a whole number from 1");
  CHECK(journal.problems[3].reason == "'id' is not a whole number from 1");
  CHECK(journal.problems[4].reason == "'id' is not a whole number from 1");
  CHECK(journal.problems[5].reason == "'prompt' is not a string");
  CHECK(journal.problems[6].reason == "not JSON");
}

TEST_CASE("what a person writes becomes an entry: trimmed, CRLF read, controls and bad UTF-8 refused") {
  CHECK(aa::entry_text("\n\n  \nHello\r\nthere  \n\n\tindented\n\n\n") == "Hello\nthere\n\n\tindented");
  CHECK(aa::entry_text(" \n\t\n").empty());
  CHECK(aa::entry_text("").empty());
  CHECK(usage_error("a\x1b[31mb") == "the entry has the control character U+001B, which is not kept in a journal");
  CHECK(usage_error("a\rb").find("U+000D") != std::string::npos);
  CHECK(usage_error("a\xc2\x9b"
                    "b")
            .find("U+009B") != std::string::npos);
  CHECK(usage_error("a\xff").find("UTF-8") != std::string::npos);
  CHECK(usage_error(std::string(aa::journal_entry_limit + 1, 'a')).find("64 KiB") != std::string::npos);
  CHECK(aa::entry_text(std::string(aa::journal_entry_limit, 'a')).size() == aa::journal_entry_limit);
}

TEST_CASE("a draft loses the template's lines, and only those") {
  const aa::Prompt& prompt = aa::builtin_content().prompts[0];
  const std::string draft = aa::draft_template(&prompt, "aa-journal");
  CHECK(draft.starts_with("\n# "));
  CHECK(draft.find(prompt.text) != std::string::npos);
  CHECK(draft.find("'#'") != std::string::npos);
  CHECK(aa::entry_text_from_draft(draft, &prompt, "aa-journal").empty());
  CHECK(aa::entry_text_from_draft("My day.\n" + draft, &prompt, "aa-journal") == "My day.");
  // Written below the template, or with a byte-order mark and CRLF: the same.
  CHECK(aa::entry_text_from_draft(draft + "My day.\n", &prompt, "aa-journal") == "My day.");
  std::string crlf;
  for (char c : "My day.\n" + draft) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  CHECK(aa::entry_text_from_draft("\xef\xbb\xbf" + crlf, &prompt, "aa-journal") == "My day.");
  // The person's own '#' lines stay, a heading and a hashtag among them.
  CHECK(aa::entry_text_from_draft("#1 thing\n#calm\n# heading\nkept # not a comment\n #indented kept\n" + draft,
                                  &prompt,
                                  "aa-journal") == "#1 thing\n#calm\n# heading\nkept # not a comment\n #indented kept");
  // A line that only looks like one of ours, changed by a letter, stays.
  std::string edited = draft;
  edited.replace(edited.find("# Write"), 7, "# write");
  CHECK(aa::entry_text_from_draft(edited, &prompt, "aa-journal").starts_with("# write"));
  // Another prompt's line is the person's, not ours.
  const aa::Prompt& other = aa::builtin_content().prompts[1];
  CHECK(aa::entry_text_from_draft(draft, &other, "aa-journal") == "# Prompt: " + std::string(prompt.text));
  CHECK(aa::entry_text_from_draft(aa::draft_template(nullptr, "aa-journal"), nullptr, "aa-journal").empty());
  CHECK(aa::draft_template(nullptr, "aa-journal").find("'#'") != std::string::npos);
  // The command that reads the draft is named by its caller.
  CHECK(aa::draft_template(nullptr, "aa-journal").find("aa-journal leaves out these lines") != std::string::npos);
}

TEST_CASE("an edit's draft: the entry's text above the template, which says an empty one changes nothing") {
  const aa::Prompt& prompt = aa::builtin_content().prompts[0];
  const std::string draft = aa::draft_template(&prompt, "aa-journal", aa::DraftFor::edit);
  CHECK(draft.starts_with("\n# Prompt: "));
  CHECK(draft.find("# Edit your entry above.") != std::string::npos);
  CHECK(draft.find("an empty entry changes nothing") != std::string::npos);
  CHECK(draft.find("an empty entry keeps nothing") == std::string::npos);
  CHECK(draft.find("exercise") == std::string::npos);
  CHECK(aa::entry_text_from_draft("Old text.\n#mine\n" + draft, &prompt, "aa-journal", aa::DraftFor::edit) ==
        "Old text.\n#mine");
  CHECK(aa::entry_text_from_draft(draft, &prompt, "aa-journal", aa::DraftFor::edit).empty());
  // Each template's lines are its own: a new entry's reader keeps an edit's.
  CHECK(aa::entry_text_from_draft(draft, &prompt, "aa-journal").find("# Edit your entry above.") != std::string::npos);
  const std::string exercise = aa::draft_template(nullptr, "aa-journal", aa::DraftFor::edit_exercise);
  CHECK(exercise.find("its answers are kept as they were") != std::string::npos);
  CHECK(aa::entry_text_from_draft("Check-in\n" + exercise, nullptr, "aa-journal", aa::DraftFor::edit_exercise) ==
        "Check-in");
}

TEST_CASE("a byte-order mark at the start of an entry is not text") {
  CHECK(aa::entry_text("\xef\xbb\xbfMy day.") == "My day.");
  CHECK(aa::entry_text("\xef\xbb\xbf").empty());
  // Only at the start: elsewhere U+FEFF is a character like any other.
  CHECK(aa::entry_text("My \xef\xbb\xbf day.") == "My \xef\xbb\xbf day.");
}

TEST_CASE("listing: from, to, and the latest N") {
  std::vector<aa::JournalEntry> entries;
  entries.push_back(entry(1, "a", "", "2026-03-01T21:14:05+01:00"));
  entries.push_back(entry(2, "b", "", "2026-03-02T00:10:00+01:00"));
  entries.push_back(entry(4, "c", "", "2026-03-05T12:00:00Z"));
  auto ids = [&](const aa::EntryFilter& filter) {
    std::vector<std::uint64_t> out;
    for (const aa::JournalEntry* e : aa::select_entries(entries, filter)) out.push_back(e->id);
    return out;
  };
  CHECK(ids({}) == std::vector<std::uint64_t>{1, 2, 4});
  CHECK(ids({{aa::parse_iso_date("2026-03-02"), std::nullopt}, std::nullopt}) == std::vector<std::uint64_t>{2, 4});
  CHECK(ids({{std::nullopt, aa::parse_iso_date("2026-03-02")}, std::nullopt}) == std::vector<std::uint64_t>{1, 2});
  CHECK(ids({{}, 2}) == std::vector<std::uint64_t>{2, 4});
  CHECK(ids({{aa::parse_iso_date("2026-03-01"), aa::parse_iso_date("2026-03-04")}, 1}) ==
        std::vector<std::uint64_t>{2});
  // Tags: entries that have every one of them, before the latest N are taken.
  entries[0].tags = {"work", "sleep"};
  entries[1].tags = {"work"};
  CHECK(ids({{}, std::nullopt, {"work"}}) == std::vector<std::uint64_t>{1, 2});
  CHECK(ids({{}, std::nullopt, {"work", "sleep"}}) == std::vector<std::uint64_t>{1});
  CHECK(ids({{}, 1, {"work"}}) == std::vector<std::uint64_t>{2});
  CHECK(ids({{}, std::nullopt, {"calm"}}).empty());
  CHECK(aa::find_entry(entries, 4)->text == "c");
  CHECK(aa::find_entry(entries, 3) == nullptr);
  CHECK(aa::parse_entry_id("12") == 12u);
  CHECK_FALSE(aa::parse_entry_id("0"));
  CHECK_FALSE(aa::parse_entry_id("-1"));
  CHECK_FALSE(aa::parse_entry_id("1x"));
  CHECK_FALSE(aa::parse_entry_id("99999999999999999999999"));
}

TEST_CASE("rendering: text escapes what a terminal would act on, JSON and Markdown hold every entry") {
  std::vector<aa::JournalEntry> entries;
  entries.push_back(entry(1, "Calm \x1b]0;title\x07 day\n\ttabbed", "quiet-day"));
  entries.push_back(entry(2, "<b>bold</b> *not*", ""));
  const std::vector<const aa::JournalEntry*> all = {&entries[0], &entries[1]};
  const auto prompts = aa::builtin_content().prompts;
  std::string text;
  std::string markdown;
  // Times read as a person reads them, in the local time zone.
  aa::test::in_time_zone("UTC0", [&] {
    text = aa::render_entries(all, prompts, aa::Format::text, {});
    markdown = aa::render_entries(all, prompts, aa::Format::markdown, {});
  });
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("\\x1b]0;title\\x07") != std::string::npos);
  CHECK(text.find("\n\ttabbed\n") != std::string::npos);
  CHECK(text.starts_with("1 · 2026-03-01 20:14 · quiet-day\n"));
  CHECK(text.find(aa::find_entry(entries, 1)->prompt) != std::string::npos);

  const auto json = nlohmann::json::parse(aa::render_entries(all, prompts, aa::Format::json, {}));
  REQUIRE(json.size() == 2);
  CHECK(json[0]["id"] == 1);
  CHECK(json[0]["date"] == "2026-03-01");
  CHECK(json[0]["prompt"] == "quiet-day");
  CHECK(json[0]["prompt_text"].is_string());
  CHECK(json[1]["prompt"].is_null());
  CHECK(json[1]["text"] == "<b>bold</b> *not*");

  CHECK(json[0]["tags"] == nlohmann::json::array());

  CHECK(markdown.starts_with("---\ntitle: \"Journal\"\n---\n\n"));
  CHECK(markdown.find("## 2026-03-01 20:14 {#entry-1}") != std::string::npos);
  CHECK(markdown.find("<b>") == std::string::npos);
  CHECK(markdown.find("\\*not\\*") != std::string::npos);
}

TEST_CASE("tags are shown in text, Markdown and JSON, escaped as the rest") {
  aa::JournalEntry tagged = entry(5, "Text.", "");
  tagged.tags = {"work", "*star*", "über"};
  const std::vector<const aa::JournalEntry*> one = {&tagged};
  std::string text, markdown;
  aa::test::in_time_zone("UTC0", [&] {
    text = aa::render_entries(one, {}, aa::Format::text, {});
    markdown = aa::render_entries(one, {}, aa::Format::markdown, {});
  });
  CHECK(text.starts_with("5 · 2026-03-01 20:14 · #work #*star* #über\n"));
  CHECK(markdown.find("\n\nTags: work, \\*star\\*, über\n\n") != std::string::npos);
  const auto json = nlohmann::json::parse(aa::render_entries(one, {}, aa::Format::json, {}));
  CHECK(json[0]["tags"] == nlohmann::json({"work", "*star*", "über"}));
  const auto edited = nlohmann::json::parse(aa::edited_entry_json(tagged, true, {}, "/j"));
  CHECK(edited["edited"]["id"] == 5);
  CHECK(edited["edited"]["tags"][0] == "work");
  CHECK(edited["changed"] == true);
  CHECK(edited["file"] == "/j");
}

TEST_CASE("search finds lines by the search rules and shows id:line") {
  std::vector<aa::JournalEntry> entries;
  entries.push_back(entry(3, "A quiet day.\nI felt LEFT OUT at dinner."));
  entries.push_back(entry(5, "Boundaries talk went well."));
  const auto hits = aa::search_entries(entries, "left out");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].item == 0);
  CHECK(hits[0].part == 1);
  CHECK(aa::render_entry_hits(entries, hits, {}) == "3:I felt LEFT OUT at dinner.\n");
  // Word forms: "boundary" finds "Boundaries".
  CHECK(aa::search_entries(entries, "boundary").size() == 1);
  CHECK(aa::search_entries(entries, "nothing here").empty());
}

TEST_CASE("whatever the writer writes, the reader reads back: any text, any id, any time zone") {
  // The same property as fuzz/store_roundtrip_fuzz.cpp, on a fixed sample.
  const char* saved_zone = std::getenv("TZ");
  const std::string restore = saved_zone ? saved_zone : "";
  aa::SplitMix64 random(20261206);
  const std::string pieces[] = {
      "a",  " ",  "\n",           "\t",           "#",  "# Prompt: ",       "\r\n", "\xc3\xa9",
      "\"", "\\", "\xef\xbb\xbf", "\xe2\x80\xae", "{}", "\xf0\x9f\x92\x9c", "0"};
  for (const char* zone : {"UTC+24", "UTC-24", "XXX+23:59:59", "XXX-0:0:30", "XXX-5:45", "UTC0"}) {
    ::setenv("TZ", zone, 1);
    ::tzset();
    for (int round = 0; round < 300; ++round) {
      std::string written;
      const std::uint64_t length = random.below(30);
      for (std::uint64_t i = 0; i < length; ++i) written += pieces[random.below(std::size(pieces))];
      aa::JournalEntry entry;
      try {
        entry.text = aa::entry_text(written);
      } catch (const aa::Error&) {
        continue;  // refused: never written
      }
      if (entry.text.empty()) continue;
      const std::uint64_t highest = round % 3 == 0 ? std::numeric_limits<std::uint64_t>::max() - 1 : random.next() / 2;
      entry.id = highest + 1;
      entry.time = aa::format_local_time(aa::local_time_of(static_cast<std::time_t>(random.below(253402300800))));
      CAPTURE(entry.time);
      CAPTURE(written);
      const aa::Journal journal = aa::parse_journal(aa::retired_line(highest) + "\n" + aa::journal_line(entry));
      CHECK(journal.problem_count == 0);
      REQUIRE(journal.entries.size() == 1);
      CHECK(journal.entries[0].text == entry.text);
      CHECK(journal.entries[0].time == entry.time);
      CHECK(journal.highest_id == entry.id);
    }
  }
  if (saved_zone) {
    ::setenv("TZ", restore.c_str(), 1);
  } else {
    ::unsetenv("TZ");
  }
  ::tzset();
}
