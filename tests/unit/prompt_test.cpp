// SPDX-License-Identifier: MIT
#include "aa/cli/prompt.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using aa::Reply;

namespace {

const aa::ChecklistItem items[] = {
    {"dependence", "Emotional dependence", "When they are away, I worry.", "About dependence: leaning hard.", {}},
    {"space", "Fear of space", "Time apart leaves me uneasy.", "About space: distance feels unsafe.", {}},
    {"change", "Sensitivity to change", "Any shift makes me nervous.", "About change: even good change.", {}},
};

// A conversation on strings: the lines typed, and everything shown.
class Scripted final : public aa::Conversation {
 public:
  explicit Scripted(std::string typed) : typed_(std::move(typed)) {}
  std::optional<std::string> read_line() override {
    if (typed_.empty()) return std::nullopt;
    const std::size_t end = typed_.find('\n');
    std::string line = typed_.substr(0, end);
    typed_.erase(0, end == std::string::npos ? typed_.size() : end + 1);
    return line;
  }
  void show(std::string_view text) override { shown += text; }
  std::string shown;

 private:
  std::string typed_;
};

struct Result {
  std::optional<aa::Answers> answers;
  std::string shown;  // everything written to the person
};

Result converse(const std::string& typed, std::size_t width = 0) {
  Scripted conversation(typed);
  Result result;
  result.answers = aa::ask_answers(items, conversation, width);
  result.shown = conversation.shown;
  return result;
}

std::size_t occurrences(const std::string& text, std::string_view part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

}  // namespace

TEST_CASE("replies: digits, first letters, whole words, any case") {
  CHECK(aa::parse_reply("0").kind == Reply::rating);
  CHECK(aa::parse_reply("4").value == 4);
  CHECK(aa::parse_reply("n").value == 0);
  CHECK(aa::parse_reply("r").value == 1);
  CHECK(aa::parse_reply("s").value == 2);
  CHECK(aa::parse_reply("O").value == 3);
  CHECK(aa::parse_reply(" a \r").value == 4);
  CHECK(aa::parse_reply("almost always").value == 4);
  CHECK(aa::parse_reply("Sometimes").value == 2);
  CHECK(aa::parse_reply("?").kind == Reply::explain);
  CHECK(aa::parse_reply("b").kind == Reply::back);
  CHECK(aa::parse_reply("Q").kind == Reply::quit);
}

TEST_CASE("x is the answer for a statement that does not apply") {
  CHECK(aa::parse_reply("x").kind == Reply::rating);
  CHECK(aa::parse_reply("X").value == aa::does_not_apply);
}

TEST_CASE("replies that are not answers") {
  for (const char* unclear : {"5", "-1", "34", "xx", "yes", "alm", "3 4", "\xff"}) {
    CAPTURE(unclear);
    CHECK(aa::parse_reply(unclear).kind == Reply::unclear);
  }
  // An empty line asks to keep the answer given before, if there is one.
  CHECK(aa::parse_reply("").kind == Reply::keep);
  CHECK(aa::parse_reply(" \r").kind == Reply::keep);
}

TEST_CASE("after b, Enter keeps the earlier answer that is shown, with none, it gets the hint") {
  const Result c = converse("3\nb\n\n2\n1\n");
  REQUIRE(c.answers);
  CHECK(*c.answers == aa::Answers{3, 2, 1});
  CHECK(c.shown.find("(your answer was 3, often): press Enter to keep it") != std::string::npos);
  const Result first = converse("\n1\n1\n1\n");
  REQUIRE(first.answers);
  CHECK(*first.answers == aa::Answers{1, 1, 1});
  CHECK(occurrences(first.shown, "Please type a number") == 1);
}

TEST_CASE("the introduction says plainly whether anything is kept") {
  const Result plain = converse("q\n");
  CHECK(plain.shown.find("Nothing is saved") != std::string::npos);
  CHECK(plain.shown.find("unless you run aa-check with --save") != std::string::npos);
  CHECK(plain.shown.find("until you finish") == std::string::npos);
  Scripted conversation("q\n");
  CHECK_FALSE(aa::ask_answers(items, conversation, 0, true));
  CHECK(conversation.shown.find("the result is saved in your private history") != std::string::npos);
  CHECK(conversation.shown.find("if you stop before the end, nothing is saved") != std::string::npos);
}

TEST_CASE("the scale wraps between its points, never inside one") {
  const Result wide = converse("q\n", 80);
  CHECK(wide.shown.find("  0 never · 1 rarely · 2 sometimes · 3 often · 4 almost always\n") != std::string::npos);
  const Result narrow = converse("q\n", 40);
  CHECK(narrow.shown.find("  0 never · 1 rarely · 2 sometimes\n  3 often · 4 almost always\n") != std::string::npos);
  const Result tiny = converse("q\n", 10);
  CHECK(tiny.shown.find("  4 almost always\n") != std::string::npos);
  CHECK(tiny.shown.find("  3 often\n") != std::string::npos);
}

TEST_CASE("each statement is shown with the scale, and the answers come back in order") {
  const Result c = converse("3\nr\nalmost always\n");
  REQUIRE(c.answers);
  CHECK(*c.answers == aa::Answers{3, 1, 4});
  CHECK(c.shown.find("Statement 1 of 3: Emotional dependence\n  When they are away, I worry.\n") != std::string::npos);
  CHECK(c.shown.find("Statement 3 of 3: Sensitivity to change") != std::string::npos);
  CHECK(occurrences(c.shown, "0 never · 1 rarely · 2 sometimes · 3 often · 4 almost always · x does not apply") == 3);
  CHECK(occurrences(c.shown, "How often is this true for you? ") == 3);
}

TEST_CASE("? explains the statement and asks again") {
  const Result c = converse("?\n2\n1\n0\n");
  REQUIRE(c.answers);
  CHECK(*c.answers == aa::Answers{2, 1, 0});
  CHECK(c.shown.find("About dependence: leaning hard.") != std::string::npos);
  CHECK(c.shown.find("About space") == std::string::npos);
  CHECK(occurrences(c.shown, "How often is this true for you? ") == 4);
}

TEST_CASE("b goes back one statement, showing the earlier answer, and a new answer replaces it") {
  const Result c = converse("3\nb\n1\n2\n0\n");
  REQUIRE(c.answers);
  CHECK(*c.answers == aa::Answers{1, 2, 0});
  CHECK(occurrences(c.shown, "Statement 1 of 3") == 2);
  CHECK(c.shown.find("(your answer was 3, often)") != std::string::npos);
}

TEST_CASE("b on the first statement stays there") {
  const Result c = converse("b\n4\n4\n4\n");
  REQUIRE(c.answers);
  CHECK(*c.answers == aa::Answers{4, 4, 4});
  CHECK(c.shown.find("This is the first statement") != std::string::npos);
}

TEST_CASE("input that is not an answer gets a hint, and the same statement again") {
  const Result c = converse("7\n\nmaybe\n2\n2\n2\n");
  REQUIRE(c.answers);
  CHECK(*c.answers == aa::Answers{2, 2, 2});
  CHECK(occurrences(c.shown, "Please type a number from 0 to 4") == 3);
  CHECK(occurrences(c.shown, "Statement 1 of 3") == 1);
}

TEST_CASE("q quits before the end, with no answers") {
  const Result c = converse("3\n2\nq\n1\n");
  CHECK_FALSE(c.answers);
  CHECK(c.shown.find("Statement 3 of 3") != std::string::npos);
}

TEST_CASE("the end of input (Ctrl-D) before the end quits too") {
  CHECK_FALSE(converse("3\n2\n").answers);
  CHECK_FALSE(converse("").answers);
}

TEST_CASE("a last answer without a newline still counts") {
  const Result c = converse("1\n1\n1");
  REQUIRE(c.answers);
  CHECK(*c.answers == aa::Answers{1, 1, 1});
}

TEST_CASE("statements and explanations are wrapped to the width") {
  const Result c = converse("?\n1\n1\n1\n", 20);
  CHECK(c.shown.find("  When they are\n  away, I worry.\n") != std::string::npos);
  CHECK(c.shown.find("  About dependence:\n  leaning hard.\n") != std::string::npos);
  CHECK(converse("1\n1\n1\n", 0).shown.find("  When they are away, I worry.\n") != std::string::npos);
}

TEST_CASE("confirm: only yes is yes") {
  const auto ask = [](const std::string& typed) {
    Scripted conversation(typed);
    const bool yes = aa::confirm("Delete?", conversation);
    CHECK(conversation.shown.starts_with("Delete? [y/N] "));
    return yes;
  };
  CHECK(ask("y\n"));
  CHECK(ask("YES\n"));
  CHECK_FALSE(ask("\n"));
  CHECK_FALSE(ask("n\n"));
  CHECK_FALSE(ask("yep\n"));
  CHECK_FALSE(ask(""));
}

TEST_CASE("confirm wraps the question to the width") {
  Scripted conversation("n\n");
  CHECK_FALSE(aa::confirm("Delete them (3 saved results)? This cannot be undone.", conversation, 40));
  CHECK(conversation.shown == "Delete them (3 saved results)? This\ncannot be undone. [y/N] ");
}
