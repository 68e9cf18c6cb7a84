// SPDX-License-Identifier: MIT
#include "aa/core/answers.hpp"

#include <doctest/doctest.h>

#include <string>

#include "aa/core/names.hpp"
#include "error_message.hpp"

using aa::Answers;
using aa::parse_answers;

namespace {

const aa::ChecklistItem items[] = {
    {"dependence", "Emotional dependence", "s1", "a1", {}},
    {"overanalysing", "Over-analysing", "s2", "a2", {}},
    {"space", "Fear of space", "s3", "a3", {}},
    {"change", "Sensitivity to change", "s4", "a4", {}},
};

// The message parse_answers() gives for `text`, checking it is a usage error.
std::string rejection(std::string_view text) {
  return aa::test::error_message(aa::Problem::usage, text, [&] { parse_answers(text, items); });
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the scale has five named steps") {
  CHECK(aa::rating_word(0) == "never");
  CHECK(aa::rating_word(3) == "often");
  CHECK(aa::rating_word(4) == "almost always");
  CHECK(aa::rating_word(5).empty());
  CHECK(aa::rating_word(-2).empty());
  CHECK(aa::rating_word(aa::does_not_apply) == "does not apply");
  CHECK(aa::rating_mark(aa::does_not_apply) == "x");
  CHECK(aa::rating_mark(3) == "3");
  // The answers as --answers takes them, and reads them back.
  CHECK(aa::answers_marks({2, aa::does_not_apply, 1, 0}) == "2,x,1,0");
  CHECK(aa::answers_marks({}) == "");
  CHECK(parse_answers(aa::answers_marks({4, aa::does_not_apply, 0, 3}), items) == Answers{4, aa::does_not_apply, 0, 3});
  CHECK(aa::describe_scale() == "0 never, 1 rarely, 2 sometimes, 3 often, 4 almost always");
}

TEST_CASE("answers separated by commas, spaces or lines") {
  const Answers expected = {3, 1, 4, 0};
  CHECK(parse_answers("3,1,4,0", items) == expected);
  CHECK(parse_answers("3 1 4 0", items) == expected);
  CHECK(parse_answers("3\n1\n4\n0\n", items) == expected);
  CHECK(parse_answers("  3, 1,\t4 ,0\r\n", items) == expected);
  CHECK(parse_answers("0,0,0,0", items) == Answers{0, 0, 0, 0});
}

TEST_CASE("a value off the scale names the item and the scale") {
  const std::string message = rejection("3,7,4,0");
  CHECK(contains(message, "answer 2 (overanalysing)"));
  CHECK(contains(message, "'7'"));
  CHECK(contains(message, "0 never, 1 rarely, 2 sometimes, 3 often, 4 almost always"));
  CHECK(contains(message, "or x if it does not apply"));
  for (const char* bad : {"3,1,4,5", "3,1,4,-1", "3,1,4,xx", "3,1,4,33", "3,1,4,3.0", "3,1,4,+3", "3,1,4,oft"}) {
    CAPTURE(bad);
    CHECK(contains(rejection(bad), "answer 4 (change)"));
  }
}

TEST_CASE("the first problem from the left is the one reported") {
  CHECK(contains(rejection("y,x,1,1,1,1"), "answer 1 (dependence) is 'y'"));
}

TEST_CASE("too few answers say which one is missing") {
  CHECK(contains(rejection("3,1"), "only 2 of 4 answers given: answer 3 (space) is missing"));
  CHECK(contains(rejection("3 1 4"), "answer 4 (change) is missing"));
}

TEST_CASE("no answers at all") {
  CHECK(contains(rejection(""), "no answers given: expected 4"));
  CHECK(contains(rejection(" \n\t "), "no answers given"));
}

TEST_CASE("too many answers") {
  const std::string message = rejection("3,1,4,0,2");
  CHECK(contains(message, "too many answers: expected 4"));
  // The command-line layer adds how to list the items (cli_test.cpp).
  try {
    aa::parse_answers("3,1,4,0,2", items);
  } catch (const aa::Error& error) {
    CHECK(aa::names_about(error) == aa::Names::checklist);
  }
}

TEST_CASE("an empty field between commas is not taken for a zero") {
  CHECK(contains(rejection("3,,1,4"), "empty answer after answer 1"));
  CHECK(contains(rejection(",3,1,4,0"), "empty answer before answer 1"));
  CHECK(contains(rejection("3,1,4,0,"), "empty answer after answer 4"));
  CHECK(contains(rejection("3, ,1,4"), "empty answer after answer 1"));
}

TEST_CASE("bytes that are not text are quoted safely") {
  const std::string with_nul("3,1\0,4,0", 8);
  const std::string message = rejection(with_nul);
  CHECK(contains(message, "answer 2 (overanalysing) is '1\\x00'"));
  CHECK(message.find('\0') == std::string::npos);
  const std::string invalid_utf8 = rejection("3,\xff\xfe,4,0");
  CHECK(contains(invalid_utf8, "'\\xff\\xfe'"));
}

TEST_CASE("huge input ends in a short message") {
  const std::string many(10'000'000, '1');  // one enormous "value"
  CHECK(rejection(many).size() < 300);
  std::string endless;
  for (int i = 0; i < 1'000'000; ++i) endless += "1,";
  CHECK(contains(rejection(endless), "too many answers"));
}

TEST_CASE("answers may be words of the scale or their first letters, as at the prompt") {
  CHECK(parse_answers("o,r,a,n", items) == Answers{3, 1, 4, 0});
  CHECK(parse_answers("Often rarely ALMOST ALWAYS never", items) == Answers{3, 1, 4, 0});
  CHECK(parse_answers("often,rarely,almost always,never", items) == Answers{3, 1, 4, 0});
  CHECK(parse_answers("3 s almost\talways 0\n", items) == Answers{3, 2, 4, 0});
  CHECK(aa::rating_of("N") == 0);
  CHECK(aa::rating_of("sometimes") == 2);
  CHECK(aa::rating_of("almost always") == 4);
  CHECK(aa::rating_of("4") == 4);
  CHECK_FALSE(aa::rating_of("5"));
  CHECK_FALSE(aa::rating_of("oft"));
  CHECK_FALSE(aa::rating_of(""));
  CHECK(contains(rejection("3,1,almost,0"), "answer 3 (space) is 'almost'"));
  CHECK(contains(rejection("3,1,z,0"), "a word or its first letter"));
}

TEST_CASE("x, in any case, or the words, is a statement that does not apply") {
  const Answers expected = {aa::does_not_apply, 1, aa::does_not_apply, 0};
  CHECK(parse_answers("x,1,X,0", items) == expected);
  CHECK(parse_answers("x 1 x never", items) == expected);
  CHECK(aa::rating_of("does not apply") == aa::does_not_apply);
  CHECK(aa::rating_of("X") == aa::does_not_apply);
  CHECK_FALSE(aa::rating_of("xx"));
}
