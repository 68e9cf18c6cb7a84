// SPDX-License-Identifier: MIT
#include "aa/core/search_everywhere.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "aa/core/json.hpp"
#include "aa/core/render_search.hpp"

namespace {

const std::string_view paragraphs[] = {"Nothing here.", "A walk helps when the alarm goes off."};
const aa::Section sections[] = {{"calming", "Calming", paragraphs}};
const aa::Question questions[] = {{"why-walk", "Why walk?", "A walk calms the body.", {}}};
const aa::Tip tips[] = {{"breathe", "body", "calming", "Breathe out slowly."},
                        {"walk", "body", "calming", "Take a WALK."}};
const std::string_view paced_lines[] = {"Breathe in.", "Walk slowly in your mind."};
const aa::ExerciseStep steps[] = {
    {.id = "picture", .kind = aa::StepKind::paced, .prompt = "Picture a place.", .lines = paced_lines, .pause = 5}};
const aa::Exercise exercises[] = {
    {.id = "walk-in-mind", .section = "calming", .title = "A calm place", .about = "A short script.", .steps = steps}};
const aa::JournalEntry entries[] = {
    {7, "2026-03-01T21:14:05+01:00", "", "First line.\nWent for a walk\tat\x1b[2J night."}};

aa::Content content() {
  aa::Content content;
  content.sections = sections;
  content.questions = questions;
  content.tips = tips;
  content.exercises = exercises;
  return content;
}

std::vector<std::string> froms(const std::vector<aa::PlacedHit>& hits) {
  std::vector<std::string> out;
  for (const aa::PlacedHit& hit : hits) out.emplace_back(std::string(hit.from) + " " + hit.id);
  return out;
}

}  // namespace

TEST_CASE("every kind is searched in order, each hit named by what opens it, the journal only when asked") {
  const aa::Content all = content();
  const aa::Searchable searchable{all, entries};
  const auto hits = aa::search_everywhere(searchable, "walk", false);
  CHECK(froms(hits) ==
        std::vector<std::string>{"guide calming", "faq why-walk", "faq why-walk", "tip walk", "exercise walk-in-mind"});
  CHECK(hits[0].text == paragraphs[1]);
  CHECK(hits[3].matches == std::vector<aa::ByteRange>{{7, 11}});
  CHECK(hits[4].text == paced_lines[1]);
  // An exercise's title, what it is about and its steps' words are searched too.
  CHECK(froms(aa::search_everywhere(searchable, "calm place", false)) ==
        std::vector<std::string>{"exercise walk-in-mind"});
  CHECK(froms(aa::search_everywhere(searchable, "picture", false)) ==
        std::vector<std::string>{"exercise walk-in-mind"});
  const auto mine = aa::search_everywhere(searchable, "walk", true);
  REQUIRE(mine.size() == 6);
  CHECK(froms(mine).back() == "journal 7");
  CHECK(mine.back().text == "Went for a walk\tat\x1b[2J night.");
  CHECK(aa::search_everywhere(searchable, "zebra", true).empty());
}

TEST_CASE("the kinds are a list: each a name for hits, words for messages, and whether it is personal") {
  std::vector<std::string> names;
  for (const aa::SearchKind& kind : aa::search_kinds()) {
    names.emplace_back(kind.from);
    CHECK_FALSE(kind.name.empty());
    CHECK(kind.personal == (kind.from == "journal"));
  }
  CHECK(names == std::vector<std::string>{"guide", "faq", "tip", "exercise", "journal"});
}

TEST_CASE("placed hits are from<TAB>id<TAB>text lines, a journal's escaped, or aligned columns on a terminal") {
  const aa::Content all = content();
  const auto hits = aa::search_everywhere({all, entries}, "walk", true);
  CHECK(aa::render_placed_hits(hits, {}) ==
        "guide\tcalming\tA walk helps when the alarm goes off.\n"
        "faq\twhy-walk\tWhy walk?\n"
        "faq\twhy-walk\tA walk calms the body.\n"
        "tip\twalk\tTake a WALK.\n"
        "exercise\twalk-in-mind\tWalk slowly in your mind.\n"
        "journal\t7\tWent for a walk\\x09at\\x1b[2J night.\n");
  // The match is highlighted where it falls once the text before it is escaped.
  const std::vector<aa::PlacedHit> journal(hits.end() - 1, hits.end());
  CHECK(aa::render_placed_hits(journal, {.color = true}) ==
        "\x1b[35mjournal\x1b[0m\t\x1b[32m7\x1b[0m\tWent for a \x1b[1m\x1b[31mwalk\x1b[0m\\x09at\\x1b[2J night.\n");
  const std::vector<aa::PlacedHit> two(hits.begin() + 2, hits.begin() + 4);
  CHECK(aa::render_placed_hits(two, {.table = 40}) ==
        "faq  why-walk  A walk calms the body.\n"
        "tip  walk      Take a WALK.\n");
}

TEST_CASE("placed hits as JSON: from, id and the text as it is") {
  const aa::Content all = content();
  const auto json = nlohmann::json::parse(aa::placed_hits_json(aa::search_everywhere({all, entries}, "walk", true)));
  REQUIRE(json.size() == 6);
  CHECK(json[0] == nlohmann::json{{"from", "guide"}, {"id", "calming"}, {"text", paragraphs[1]}});
  CHECK(json[4] == nlohmann::json{{"from", "exercise"}, {"id", "walk-in-mind"}, {"text", paced_lines[1]}});
  CHECK(json[5]["text"] == "Went for a walk\tat\x1b[2J night.");
  CHECK(aa::placed_hits_json({}) == "[]\n");
}
