#include "aa/render_search.hpp"

#include <doctest/doctest.h>

namespace {

const std::string_view paragraphs[] = {"First.", "You are NOT alone, not at all."};
const aa::Section sections[] = {{"what", "What", paragraphs}};

}  // namespace

TEST_CASE("a section hit is slug:paragraph:text, counted from 1") {
  const auto hits = aa::search_sections(sections, "not");
  CHECK(aa::render_section_hits(sections, hits, false) == "what:2:You are NOT alone, not at all.\n");
}

TEST_CASE("with colour, every match is highlighted and the line is otherwise the same") {
  const auto hits = aa::search_sections(sections, "not");
  CHECK(aa::render_section_hits(sections, hits, true) ==
        "\x1b[35mwhat\x1b[0m:\x1b[32m2\x1b[0m:You are \x1b[1m\x1b[31mNOT\x1b[0m alone, "
        "\x1b[1m\x1b[31mnot\x1b[0m at all.\n");
}

TEST_CASE("question and tip hits are id:text") {
  const aa::Question questions[] = {{"help", "Help?", "Yes, help.", {}}};
  const auto question_hits = aa::search_questions(questions, "help");
  CHECK(aa::render_question_hits(questions, question_hits, false) == "help:Help?\nhelp:Yes, help.\n");
  const aa::Tip tips[] = {{"walk", "body", "what", "Take a walk."}, {"call", "people", "what", "Call a friend."}};
  const auto tip_hits = aa::search_tips(tips, "call");
  CHECK(aa::render_tip_hits(tips, tip_hits, false) == "call:Call a friend.\n");
}
