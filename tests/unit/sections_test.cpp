// SPDX-License-Identifier: MIT
#include "aa/core/sections.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "aa/core/names.hpp"
#include "aa/core/suggest.hpp"

namespace {

const std::string_view one_paragraph[] = {"Text."};

const aa::Section guide[] = {
    {"what", "What it is", one_paragraph},
    {"impact", "What it does", one_paragraph},
    {"sign", "A single sign", one_paragraph},
    {"signs", "Recognising the signs", one_paragraph},
    {"strategies", "Strategies for healing", one_paragraph},
    {"cafe", "Ångström’s café", one_paragraph},
};

const std::string_view see_nothing[] = {"what"};
const aa::Question faq[] = {
    {"main-point", "What is the main point?", "An answer.", see_nothing},
    {"why-therapy", "Why therapy?", "An answer.", see_nothing},
    {"loved-ones", "Why share with loved ones?", "An answer.", {}},
};

// The error a lookup throws, or nullopt when it finds something.
template <typename Lookup>
std::optional<aa::Error> error_of(Lookup lookup) {
  try {
    lookup();
  } catch (const aa::Error& error) {
    return error;
  }
  return std::nullopt;
}

std::optional<aa::Error> section_error(std::string_view name) {
  return error_of([&] { aa::find_section_index(guide, name); });
}

// The outcome a section lookup throws when the name fits nothing or more
// than one section, or nullopt.
std::optional<aa::NameNotFound> section_outcome(std::string_view name) {
  try {
    aa::find_section_index(guide, name);
  } catch (const aa::NameNotFound& outcome) {
    return outcome;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("a section is found by its number, counted from 1") {
  CHECK(aa::find_section_index(guide, "1") == 0);
  CHECK(aa::find_section_index(guide, "4") == 3);
  CHECK(aa::find_section_index(guide, "06") == 5);
}

TEST_CASE("a section is found by its slug, exactly, before any prefix") {
  CHECK(aa::find_section_index(guide, "impact") == 1);
  // "sign" is also the start of "signs": the exact slug wins.
  CHECK(aa::find_section_index(guide, "sign") == 2);
  CHECK(aa::find_section_index(guide, "signs") == 3);
}

TEST_CASE("a section is found by an unambiguous prefix of its slug or title, ignoring case") {
  CHECK(aa::find_section_index(guide, "strat") == 4);
  CHECK(aa::find_section_index(guide, "STRAT") == 4);
  CHECK(aa::find_section_index(guide, "recog") == 3);
  CHECK(aa::find_section_index(guide, "Recognising THE") == 3);
  CHECK(aa::find_section_index(guide, "imp") == 1);
  CHECK(aa::find_section_index(guide, "what it d") == 1);
  // Case folding works beyond ASCII.
  CHECK(aa::find_section_index(guide, "ÅNGSTRÖM") == 5);
  CHECK(aa::find_section_index(guide, "ca") == 5);
}

TEST_CASE("a slug in another case is the slug, before any prefix") {
  CHECK(aa::find_section_index(guide, "SIGN") == 2);
  CHECK(aa::find_section_index(guide, "Impact") == 1);
}

TEST_CASE("a title is matched with ASCII quotes for typographic ones") {
  CHECK(aa::find_section_index(guide, "ångström's") == 5);
  CHECK(aa::find_section_index(guide, "ÅNGSTRÖM’S CAFÉ") == 5);
}

TEST_CASE("an unknown section is not found, with a suggestion when one is close") {
  const auto error = section_error("stratgies");
  REQUIRE(error);
  CHECK(error->code() == aa::Problem::not_found);
  CHECK(std::string(error->what()) == "no section 'stratgies'; did you mean 'strategies'?");

  const auto far = section_error("xyzzy-plugh");
  REQUIRE(far);
  CHECK(std::string(far->what()).find("did you mean") == std::string::npos);
  // The outcome, for the command-line layer to word: the kind, the name and every slug.
  const auto outcome = section_outcome("xyzzy-plugh");
  REQUIRE(outcome);
  CHECK(outcome->about() == aa::Names::sections);
  CHECK(outcome->wanted() == "xyzzy-plugh");
  CHECK(outcome->candidates().size() == 6);
  CHECK_FALSE(outcome->ambiguous());
}

TEST_CASE("a number outside the guide is not found, and the message gives the range") {
  for (std::string_view name : {"0", "7", "99999999999999999999999999"}) {
    CAPTURE(name);
    const auto error = section_error(name);
    REQUIRE(error);
    CHECK(error->code() == aa::Problem::not_found);
  }
  CHECK(std::string(section_error("7")->what()).find("1 to 6") != std::string::npos);
}

TEST_CASE("an ambiguous prefix names every section it fits") {
  const auto error = section_error("wh");
  REQUIRE(error);
  CHECK(error->code() == aa::Problem::not_found);
  // 'impact' fits by its title only, which is shown so that it does not look unrelated.
  CHECK(std::string(error->what()) == "section 'wh' is ambiguous; did you mean 'what' or 'impact' (\"What it does\")?");
  const auto outcome = section_outcome("wh");
  REQUIRE(outcome);
  CHECK(outcome->ambiguous());
  CHECK(outcome->candidates() == std::vector<std::string>{"what", "impact"});
  const auto three = section_error("s");
  REQUIRE(three);
  CHECK(std::string(three->what()).find("'sign', 'signs' or 'strategies'") != std::string::npos);
  CHECK(std::string(section_error("S")->what()) == std::string(three->what()).replace(9, 1, "S"));
}

TEST_CASE("bad names are refused without harm") {
  for (std::string_view name : {std::string_view(""), std::string_view("-1"), std::string_view("+1"),
                                std::string_view(" 1"), std::string_view("\xff\xfe\n"), std::string_view("\x1b[31m")}) {
    CAPTURE(name);
    const auto error = section_error(name);
    REQUIRE(error);
    CHECK(error->code() == aa::Problem::not_found);
    // The name is quoted safely: one line, no escape byte.
    const std::string message = error->what();
    CHECK(message.find('\n') == std::string::npos);
    CHECK(message.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("no sections at all: every name is unknown") {
  CHECK_THROWS_AS(aa::find_section_index({}, "1"), aa::Error);
  CHECK_THROWS_AS(aa::find_section_index({}, "what"), aa::Error);
}

TEST_CASE("a question is found by number, id or prefix, like a section") {
  CHECK(aa::find_question_index(faq, "2") == 1);
  CHECK(aa::find_question_index(faq, "loved-ones") == 2);
  CHECK(aa::find_question_index(faq, "main") == 0);
  CHECK(aa::find_question_index(faq, "why share") == 2);

  const auto ambiguous = error_of([] { aa::find_question_index(faq, "why"); });
  REQUIRE(ambiguous);
  CHECK(std::string(ambiguous->what()) ==
        "question 'why' is ambiguous; did you mean 'why-therapy' or 'loved-ones' (\"Why share with loved ones?\")?");

  const auto unknown = error_of([] { aa::find_question_index(faq, "9"); });
  REQUIRE(unknown);
  CHECK(unknown->code() == aa::Problem::not_found);
  CHECK(std::string(unknown->what()) == "no question 9; they are numbered 1 to 3");

  const auto word_form = error_of([] { aa::find_question_index(faq, "main-points"); });
  REQUIRE(word_form);
  CHECK(std::string(word_form->what()) == "no question 'main-points'; did you mean 'main-point'?");

  const auto slip = error_of([] { aa::find_question_index(faq, "why-therapyy"); });
  REQUIRE(slip);
  CHECK(std::string(slip->what()).find("did you mean 'why-therapy'?") != std::string::npos);
}

TEST_CASE("the ambiguity message lists two or more candidates") {
  const std::string_view two[] = {"a", "b"};
  const std::string_view three[] = {"a", "b", "c"};
  CHECK_THROWS_WITH_AS(aa::throw_ambiguous_name(aa::Names::tips, "x", two),
                       "tip 'x' is ambiguous; did you mean 'a' or 'b'?", aa::NameNotFound);
  CHECK_THROWS_WITH_AS(aa::throw_ambiguous_name(aa::Names::tips, "x\n", three),
                       "tip 'x\\x0a' is ambiguous; did you mean 'a', 'b' or 'c'?", aa::NameNotFound);
}
