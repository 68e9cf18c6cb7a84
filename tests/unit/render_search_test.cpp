// SPDX-License-Identifier: MIT
#include "aa/core/render_search.hpp"

#include <doctest/doctest.h>

namespace {

const std::string_view paragraphs[] = {"First.", "You are NOT alone, not at all."};
const aa::Section sections[] = {{"what", "What", paragraphs}};

}  // namespace

TEST_CASE("a section hit is slug:paragraph:text, counted from 1") {
  const auto hits = aa::search_sections(sections, "not");
  CHECK(aa::render_section_hits(sections, hits, {}) == "what:2:You are NOT alone, not at all.\n");
}

TEST_CASE("with colour, every match is highlighted and the line is otherwise the same") {
  const auto hits = aa::search_sections(sections, "not");
  CHECK(aa::render_section_hits(sections, hits, {.color = true}) ==
        "\x1b[35mwhat\x1b[0m:\x1b[32m2\x1b[0m:You are \x1b[1m\x1b[31mNOT\x1b[0m alone, "
        "\x1b[1m\x1b[31mnot\x1b[0m at all.\n");
}

TEST_CASE("question and tip hits are id:text") {
  const aa::Question questions[] = {{"help", "Help?", "Yes, help.", {}}};
  const auto question_hits = aa::search_questions(questions, "help");
  CHECK(aa::render_question_hits(questions, question_hits, {}) == "help:Help?\nhelp:Yes, help.\n");
  const aa::Tip tips[] = {{"walk", "body", "what", "Take a walk."}, {"call", "people", "what", "Call a friend."}};
  const auto tip_hits = aa::search_tips(tips, "call");
  CHECK(aa::render_tip_hits(tips, tip_hits, {}) == "call:Call a friend.\n");
}

TEST_CASE("for a terminal, hits are the slug and the text wrapped under itself, without the paragraph's place") {
  const std::string_view long_paragraphs[] = {"Not here.", "You are not alone in this, and there is help."};
  const aa::Section two[] = {{"what", "What", paragraphs}, {"go", "Go", long_paragraphs}};
  const auto hits = aa::search_sections(two, "alone");
  // Beside the slug, "2" would read as a section's number: only a script gets it.
  CHECK(aa::render_section_hits(two, hits, {.table = 30}) ==
        "what  You are NOT alone, not\n"
        "      at all.\n"
        "go    You are not alone in\n"
        "      this, and there is help.\n");
  CHECK(aa::render_section_hits(two, hits, {}) ==
        "what:2:You are NOT alone, not at all.\n"
        "go:2:You are not alone in this, and there is help.\n");
  // Every line fits, and no word is broken.
  const auto narrow = aa::render_section_hits(two, hits, {.table = 18});
  std::size_t start = 0;
  for (std::size_t end = narrow.find('\n'); end != std::string::npos; end = narrow.find('\n', start = end + 1)) {
    CHECK(end - start <= 18);
  }
  CHECK(narrow.find("alone") != std::string::npos);
}

TEST_CASE("for a terminal with colour, names and matches are highlighted after wrapping") {
  const std::string_view long_paragraphs[] = {"Reach out: not alone, not ever."};
  const aa::Section one[] = {{"go", "Go", long_paragraphs}};
  const auto hits = aa::search_sections(one, "not");
  CHECK(aa::render_section_hits(one, hits, {.color = true, .table = 20}) ==
        "\x1b[35mgo\x1b[0m  Reach out: \x1b[1m\x1b[31mnot\x1b[0m\n"
        "    alone, \x1b[1m\x1b[31mnot\x1b[0m ever.\n");
}

TEST_CASE("question and tip hits on a terminal: the id, then the text") {
  const aa::Question questions[] = {{"help", "Help?", "Yes, help.", {}}};
  const auto question_hits = aa::search_questions(questions, "help");
  CHECK(aa::render_question_hits(questions, question_hits, {.table = 40}) == "help  Help?\nhelp  Yes, help.\n");
  const aa::Tip tips[] = {{"call", "people", "what", "Call a friend."}};
  CHECK(aa::render_tip_hits(tips, aa::search_tips(tips, "call"), {.table = 40}) == "call  Call a friend.\n");
}
