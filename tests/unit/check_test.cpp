// SPDX-License-Identifier: MIT
#include "aa/core/check.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "aa/core/check_json.hpp"
#include "aa/core/history_summary.hpp"
#include "aa/io/error.hpp"
#include "error_message.hpp"

namespace {

const aa::HelpLink dependence_help[] = {{"strategies", "Strategy 5."}, {"support", "Support."}};
const aa::HelpLink overanalysing_help[] = {{"strategies", "Strategy 1."}, {"impact", "The busy day."}};
const aa::HelpLink space_help[] = {{"strategies", "Strategy 4."}};
const aa::ChecklistItem items[] = {
    {"dependence", "Emotional dependence", "s1", "a1", dependence_help},
    {"overanalysing", "Over-analysing", "s2", "a2", overanalysing_help},
    {"space", "Fear of space", "s3", "a3", space_help},
};

aa::CheckRecord sample_record() { return aa::score_check(items, {3, 2, 4}, "2026-03-01"); }

// The message parse_check_json() gives for `text`, checking it is a data error.
std::string rejection(std::string_view text) {
  return aa::test::error_message(aa::Problem::data, text, [&] { aa::parse_check_json(text); });
}

}  // namespace

TEST_CASE("scoring keeps every rating, in order, with total and maximum") {
  const aa::CheckRecord record = sample_record();
  CHECK(record.date == "2026-03-01");
  REQUIRE(record.answers.size() == 3);
  CHECK(record.answers[0].id == "dependence");
  CHECK(record.answers[0].sign == "Emotional dependence");
  CHECK(record.answers[0].value == 3);
  CHECK(record.answers[2].value == 4);
  CHECK(record.total == 9);
  CHECK(record.max == 12);
}

TEST_CASE("signs rated 3 or 4 stand out, 2 does not") {
  CHECK(sample_record().stand_out == std::vector<std::string>{"dependence", "space"});
  CHECK(aa::score_check(items, {2, 2, 2}, "2026-03-01").stand_out.empty());
  CHECK(aa::score_check(items, {0, 3, 0}, "2026-03-01").stand_out == std::vector<std::string>{"overanalysing"});
}

TEST_CASE("read next: the stand-out items' sections, each once, in the order they come up") {
  CHECK(sample_record().read_next == std::vector<std::string>{"strategies", "support"});
  CHECK(aa::score_check(items, {4, 4, 4}, "2026-03-01").read_next ==
        std::vector<std::string>{"strategies", "support", "impact"});
  CHECK(aa::score_check(items, {0, 1, 2}, "2026-03-01").read_next.empty());
}

TEST_CASE("find_item") {
  CHECK(aa::find_item(items, "space") == &items[2]);
  CHECK(aa::find_item(items, "nope") == nullptr);
}

TEST_CASE("the JSON result has the documented keys, in order") {
  const auto json = nlohmann::ordered_json::parse(aa::check_json(sample_record()));
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  CHECK(keys ==
        std::vector<std::string>{"id", "date", "time", "answers", "total", "max", "stand_out", "read_next", "note"});
  CHECK(json["answers"][1] ==
        nlohmann::ordered_json{{"id", "overanalysing"}, {"sign", "Over-analysing"}, {"value", 2}});
  CHECK(json["total"] == 9);
  CHECK(json["max"] == 12);
  CHECK(json["stand_out"] == nlohmann::ordered_json{"dependence", "space"});
  CHECK(json["read_next"] == nlohmann::ordered_json{"strategies", "support"});
}

TEST_CASE("a history line is one line, and reads back the same") {
  aa::CheckRecord record = sample_record();
  record.answers[0].sign = "A sign\nwith a line break";  // must not split the line
  const std::string line = aa::check_json_line(record);
  CHECK(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  const aa::CheckRecord back = aa::parse_check_json(line);
  CHECK(back.date == record.date);
  CHECK(back.answers[0].sign == record.answers[0].sign);
  CHECK(back.answers[2].value == 4);
  CHECK(back.total == record.total);
  CHECK(back.max == record.max);
  CHECK(back.stand_out == record.stand_out);
  CHECK(back.read_next == record.read_next);
}

TEST_CASE("history JSON holds the records and their summary") {
  const aa::CheckRecord records[] = {sample_record(), aa::score_check(items, {0, 0, 0}, "2026-03-02")};
  const auto json = nlohmann::json::parse(aa::history_json(records, aa::summarize_history(records)));
  REQUIRE(json.is_object());
  const auto& results = json["results"];
  REQUIRE(results.size() == 2);
  CHECK(results[1]["date"] == "2026-03-02");
  CHECK(results[1]["total"] == 0);
  CHECK(results[1]["id"].is_null());
  CHECK(results[1]["time"].is_null());
  CHECK(results[1]["note"].is_null());
  const auto& summary = json["summary"];
  CHECK(summary["count"] == 2);
  // Two results compare, first against latest (aa::fewest_to_compare).
  CHECK(summary["trend"] == true);
  CHECK(summary["total"]["first"] == 9);
  CHECK(summary["total"]["latest"] == 0);
  CHECK(summary["from"] == sample_record().date);
  CHECK(summary["to"] == "2026-03-02");
  REQUIRE(summary["signs"].size() == 3);
  CHECK(summary["signs"][0]["first"] == 3);
  CHECK(summary["signs"][0]["latest"] == 0);
  // One result has nothing to compare with.
  const auto one = nlohmann::json::parse(
      aa::history_json(std::span(records, 1), aa::summarize_history(std::span(records, 1))))["summary"];
  CHECK(one["trend"] == false);
  CHECK(one["total"].is_null());
  CHECK(one["signs"][0]["first"].is_null());
  // The export reads back, and so does a bare list as older versions wrote.
  CHECK(aa::parse_history_json(json.dump())->records.size() == 2);
  CHECK(aa::parse_history_json(results.dump())->records.size() == 2);
}

TEST_CASE("an export with one bad record is refused whole, naming the record and what is wrong") {
  auto results = nlohmann::json::parse(aa::check_json(sample_record()));
  const nlohmann::json good = results;
  nlohmann::json list = nlohmann::json::array({good, good});
  list[1].erase("total");
  const auto refusal = [](const nlohmann::json& value) {
    try {
      aa::parse_history_json(value.dump());
    } catch (const aa::Error& error) {
      CHECK(error.code() == aa::Problem::data);
      return std::string(error.what());
    }
    return std::string();
  };
  CHECK(refusal(list) == "line 1: result 2: 'total' is missing");
  list[1] = good;
  list[0]["id"] = "XYZ";
  CHECK(refusal(list) == "line 1: result 1: 'id' is not 8 hexadecimal digits (0-9, a-f)");
  list[0]["id"] = "0123abcd";
  list[0]["time"] = "2026-03-01T25:00:00+01:00";
  CHECK(refusal(list).starts_with("line 1: result 1: 'time' is not a local time"));
  list[0]["time"] = "2026-03-09T10:00:00+01:00";
  CHECK(refusal(list) == "line 1: result 1: 'time' is not on the day 'date' says");
  list[0]["time"] = nullptr;
  list[0]["note"] = std::string(aa::note_limit + 1, 'x');
  CHECK(refusal(list) == "line 1: result 1: 'note' is longer than 500 bytes");
  // JSON that holds no list of results is no export at all: the caller says so.
  CHECK_FALSE(aa::parse_history_json(nlohmann::json{{"results", 3}}.dump()));
  CHECK_FALSE(aa::parse_history_json(nlohmann::json("text").dump()));
  CHECK_FALSE(aa::parse_history_json(nlohmann::json{{"summary", list}}.dump()));
}

TEST_CASE("a history export names each record by the line it starts on, a byte order mark aside") {
  const nlohmann::json good = nlohmann::json::parse(aa::check_json(sample_record()));
  nlohmann::json list = nlohmann::json::array({good, good, good});
  const std::string indented = list.dump(2);  // each record starts on line 2 + 23 * i
  const auto results = aa::parse_history_json("\xEF\xBB\xBF" + indented);
  REQUIRE(results);
  REQUIRE(results->records.size() == 3);
  const std::size_t per_record = static_cast<std::size_t>(std::count(indented.begin(), indented.end(), '\n')) / 3;
  CHECK(results->lines == std::vector<std::size_t>{2, 2 + per_record, 2 + 2 * per_record});
  list[2]["total"] = "many";
  try {
    aa::parse_history_json(list.dump(2));
    FAIL("a bad record was taken");
  } catch (const aa::Error& error) {
    CHECK(std::string(error.what()) ==
          fmt::format("line {}: result 3: 'total' is not a whole number", 2 + 2 * per_record));
  }
  const auto refusal = [](const std::string& text) {
    try {
      aa::parse_history_json(text);
    } catch (const aa::Error& error) {
      return std::string(error.what());
    }
    return std::string();
  };
  // A number at the end of a line is read with the newline after it: still its own line.
  CHECK(refusal("[\n" + good.dump() + ",\n5\n]") == "line 3: result 2: not a JSON object");
  CHECK(refusal("[\n" + good.dump() + ",\n{oops\n]").starts_with("line 3: not valid JSON"));
  CHECK(refusal("\n\n[" + good.dump() + ", {}]") == "line 3: result 2: 'date' is missing");
  // Only at the very start: anywhere else it is not JSON.
  CHECK_THROWS_AS(aa::parse_history_json("\n\xEF\xBB\xBF" + indented), aa::Error);
}

TEST_CASE("a record read back is rescored against the checklist") {
  const aa::CheckRecord good = sample_record();
  CHECK(aa::rescore_problem(good, items).empty());
  aa::CheckRecord two_answers = aa::score_check(std::span(items).subspan(1), {4, 1}, "2026-03-01");
  CHECK(aa::rescore_problem(two_answers, items).empty());  // a shorter checklist of its day
  const auto with = [&](auto change) {
    aa::CheckRecord record = good;
    change(record);
    return aa::rescore_problem(record, items);
  };
  CHECK(with([](auto& r) { r.total = 99; }) == "'total' is 99, but its answers add up to 9");
  CHECK(with([](auto& r) { r.max = 8; }) == "'max' is 8, but its answers that apply make at most 12");
  CHECK(with([](auto& r) {
          r.stand_out = {"space", "dependence"};
        }) == "'stand_out' is [space, dependence], but the items its answers rate 3 or more are [dependence, space]");
  CHECK(with([](auto& r) { r.stand_out.clear(); }).starts_with("'stand_out' is [], but"));
  // Nor where the content pointed then: its help links may have changed too.
  CHECK(with([](auto& r) { r.read_next = {"support"}; }).empty());
  CHECK(with([](auto& r) { r.answers[1].id = "nope"; }) == "answer 2: 'nope' is not an item of the checklist");
  CHECK(with([](auto& r) { r.answers[2].id = "dependence"; }) == "answer 3: 'dependence' is answered twice");
  // The words of a sign may have changed since: they are not compared.
  CHECK(with([](auto& r) { r.answers[0].sign = "Older words"; }).empty());
}

TEST_CASE("items as JSON") {
  const auto json = nlohmann::json::parse(aa::items_json(items));
  REQUIRE(json.size() == 3);
  CHECK(json[0] == nlohmann::json{{"id", "dependence"}, {"sign", "Emotional dependence"}, {"statement", "s1"}});
}

TEST_CASE("lines that are not a record say what is wrong") {
  const std::string good = aa::check_json_line(sample_record());
  CHECK(rejection("not json").starts_with("not valid JSON"));
  CHECK(rejection(good.substr(0, good.size() / 2)).starts_with("not valid JSON"));
  CHECK(rejection("[1, 2]") == "not a JSON object");
  CHECK(rejection("{}") == "'date' is missing");
  CHECK(rejection("\"\xff\"").starts_with("not valid JSON"));
  CHECK(rejection("1e99999").starts_with("not valid JSON"));

  nlohmann::json record = nlohmann::json::parse(good);
  const auto with = [&](const char* pointer, nlohmann::json value) {
    nlohmann::json changed = record;
    changed[nlohmann::json::json_pointer(pointer)] = std::move(value);
    return rejection(changed.dump());
  };
  CHECK(with("/date", "2026-02-30") == "'date' is not a date as YYYY-MM-DD");
  CHECK(with("/date", 20260301) == "'date' is not a string");
  CHECK(with("/answers", nlohmann::json::array()) == "'answers' is not a list of answers");
  CHECK(with("/answers/1/value", 5) == "answer 2: 'value' is not from 0 to 4");
  CHECK(with("/answers/1/value", -1) == "answer 2: 'value' is not from 0 to 4");
  CHECK(with("/answers/1/value", 18446744073709551615ULL) == "answer 2: 'value' is not from 0 to 4");
  CHECK(with("/answers/1/value", "3") == "answer 2: 'value' is not a whole number");
  CHECK(with("/answers/1/value", 2.5) == "answer 2: 'value' is not a whole number");
  CHECK(with("/answers/0", 3) == "answer 1 is not an object");
  CHECK(with("/total", "9") == "'total' is not a whole number");
  CHECK(with("/stand_out", nlohmann::json{1}) == "'stand_out' holds something other than text");
  CHECK(with("/read_next", "strategies") == "'read_next' is not a list");
}

TEST_CASE("a line reads the same however it is written: as we write it, or by hand") {
  aa::CheckRecord record = sample_record();
  record.id = "0123abcd";
  record.note = "caf\u00e9 \u2014 fine";
  const aa::CheckRecord plain = aa::parse_check_json(aa::check_json_line(record));
  CHECK(plain.note == record.note);
  CHECK(plain.id == record.id);
  // The same record with spaces, escapes, another order of members, a member
  // named twice (the last counts), members of no interest and a byte order
  // mark.
  const std::string written_otherwise =
      "\xEF\xBB\xBF { \"note\" : \"caf\\u00e9 \\u2014 fine\", \"extra\": {\"deep\": [[1.5e3, null, true]]},"
      " \"answers\": [{\"value\": 3, \"sign\": \"Emotional dependence\", \"id\": \"dependence\", \"more\": [1]},"
      " {\"id\": \"overanalysing\", \"sign\": \"Over-analysing\", \"value\": 2},"
      " {\"id\": \"space\", \"sign\": \"Fear of \\u0073pace\", \"value\": 4}],"
      " \"date\": \"1999-01-01\", \"date\": \"2026-03-01\", \"total\": 9, \"max\": 12,"
      " \"stand_out\": [\"dependence\", \"space\"], \"read_next\": [\"strategies\", \"support\"],"
      " \"id\": \"0123abcd\", \"time\": null }\n";
  const aa::CheckRecord other = aa::parse_check_json(written_otherwise);
  CHECK(aa::check_json_line(other) == aa::check_json_line(plain));
  // Numbers written otherwise are judged by their value.
  CHECK(rejection(R"({"date":"2026-03-01","answers":[{"id":"a","sign":"b","value":3.0}],"total":1,"max":1,)"
                  R"("stand_out":[],"read_next":[]})") == "answer 1: 'value' is not a whole number");
  CHECK(rejection(R"({"date":"2026-03-01","answers":[{"id":"a","sign":"b","value":0}],"total":12345678901234567890,)"
                  R"("max":1,"stand_out":[],"read_next":[]})") == "'total' is not from 0 to 1000000");
  CHECK(rejection(R"({"date":"2026-03-01","answers":[{"id":"a","sign":"b","value":-0}],"total":01,"max":1,)"
                  R"("stand_out":[],"read_next":[]})")
            .starts_with("not valid JSON (at byte "));
  CHECK(rejection("{\"date\":\"\xED\xA0\x80\"}").starts_with("not valid JSON (at byte "));  // a surrogate
  CHECK(rejection("{\"date\":\"\xC0\xAF\"}").starts_with("not valid JSON (at byte "));      // an overlong form
}

TEST_CASE("history JSON writes each record as the record's own JSON does, escapes included") {
  aa::CheckRecord record = sample_record();
  for (const std::string& text :
       {std::string("plain"), std::string("quote \" backslash \\ slash /"), std::string("tab\tnew\nline\r\b\f"),
        std::string("C0 \x01\x1f DEL \x7f C1 \xC2\x85 bidi \xE2\x80\xAE \xE2\x81\xA6 LS \xE2\x80\xA8"),
        std::string("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x8C\xB1"), std::string()}) {
    record.note = text;
    record.answers[1].sign = text;
    record.id = text.empty() ? "" : "0123abcd";
    record.read_next = text.empty() ? std::vector<std::string>{} : std::vector<std::string>{text, "x"};
    const std::span<const aa::CheckRecord> one(&record, 1);
    const std::string shown = aa::history_json(one, aa::summarize_history(one));
    CHECK(nlohmann::json::parse(shown)["results"][0] == nlohmann::json::parse(aa::check_json(record)));
    CHECK(shown.find("\xC2\x85") == std::string::npos);
    CHECK(shown.find("\xE2\x80\xAE") == std::string::npos);
  }
}

TEST_CASE("read next over a long checklist: each section once, in order") {
  // Every item leads to a section of its own and to a shared one.
  const std::size_t count = 20000;
  std::vector<std::string> slugs;
  for (std::size_t i = 0; i < count; ++i) slugs.push_back("section-" + std::to_string(i));
  std::vector<std::vector<aa::HelpLink>> links(count);
  std::vector<aa::ChecklistItem> long_list;
  for (std::size_t i = 0; i < count; ++i) {
    links[i] = {{slugs[i], "Its own."}, {"shared", "Everyone's."}};
    long_list.push_back({slugs[i], "Sign", "s", "a", links[i]});
  }
  const aa::CheckRecord record = aa::score_check(long_list, aa::Answers(count, 4), "2026-03-01");
  REQUIRE(record.read_next.size() == count + 1);
  CHECK(record.read_next[0] == "section-0");
  CHECK(record.read_next[1] == "shared");
  CHECK(record.read_next[2] == "section-1");
  CHECK(record.read_next.back() == "section-19999");
}

TEST_CASE("a statement that does not apply is kept, as null, and left out of the total and the maximum") {
  const aa::CheckRecord record = aa::score_check(items, {4, aa::does_not_apply, 1}, "2026-03-01");
  CHECK(record.answers[1].value == aa::does_not_apply);
  CHECK(record.total == 5);
  CHECK(record.max == 8);
  CHECK(record.stand_out == std::vector<std::string>{"dependence"});
  const std::string line = aa::check_json_line(record);
  CHECK(line.find("\"value\":null") != std::string::npos);
  const aa::CheckRecord back = aa::parse_check_json(line);
  CHECK(back.answers[1].value == aa::does_not_apply);
  CHECK(aa::rescore_problem(back, items).empty());
  aa::CheckRecord counted = back;
  counted.max = 12;  // as if it had applied
  CHECK(aa::rescore_problem(counted, items) == "'max' is 12, but its answers that apply make at most 8");
  const aa::CheckRecord none =
      aa::score_check(items, {aa::does_not_apply, aa::does_not_apply, aa::does_not_apply}, "2026-03-01");
  CHECK(none.total == 0);
  CHECK(none.max == 0);
  CHECK(none.stand_out.empty());
}
