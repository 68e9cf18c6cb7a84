// SPDX-License-Identifier: MIT
// The exercises of aa-practice: loading and validation of exercises.toml,
// the built-in six, reading an answer to each kind of step, the text an
// exercise is kept with, and taking one through a conversation.
#include "aa/core/exercises.hpp"

#include <doctest/doctest.h>

#include <string>

#include "aa/cli/exercise_prompt.hpp"
#include "aa/content/builtin.hpp"
#include "aa/content/load.hpp"
#include "aa/content/toml_file.hpp"
#include "aa/core/names.hpp"
#include "error_message.hpp"

using aa::Content;
using aa::ContentKind;

namespace {

std::string error_for(const std::string& toml) {
  Content content = aa::builtin_content();
  return aa::test::error_message(
      aa::Problem::data, toml, [&] { aa::load_content_text(content, ContentKind::exercises, toml, "exercises.toml"); });
}

aa::ContentProblems problems_for(const std::string& toml) {
  Content content = aa::builtin_content();
  aa::ContentProblems problems;
  aa::load_content_text(content, ContentKind::exercises, toml, "exercises.toml", &problems);
  return problems;
}

const std::string head = "[[exercise]]\nid = \"e\"\nsection = \"signs\"\ntitle = \"E\"\nabout = \"What it is for.\"\n";

const std::string scale_step =
    "\n[[exercise.step]]\nid = \"how\"\nkind = \"scale\"\nprompt = \"How strong?\"\nmin = 0\nmax = 10\n"
    "low = \"calm\"\nhigh = \"strong\"\n";

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

const aa::Exercise& builtin(std::string_view id) {
  const aa::Exercise* exercise = aa::exercise_with_id(aa::builtin_content().exercises, id);
  REQUIRE(exercise != nullptr);
  return *exercise;
}

}  // namespace

TEST_CASE("the six exercises the commands rely on are built in, each tied to a section") {
  const Content& content = aa::builtin_content();
  for (std::string_view id : {"check-in", "thought-record", "urge-log", "boundary", "support-map", "secure-base"}) {
    CAPTURE(id);
    const aa::Exercise& exercise = builtin(id);
    CHECK(aa::find_section(content, exercise.section) != nullptr);
    CHECK_FALSE(exercise.steps.empty());
  }
  // aa-report reads check-in's strength: a scale from 0 to 10, then an optional word.
  const aa::Exercise& check_in = builtin("check-in");
  REQUIRE(check_in.steps.size() == 2);
  CHECK(check_in.steps[0].id == "strength");
  CHECK(check_in.steps[0].kind == aa::StepKind::scale);
  CHECK(check_in.steps[0].min == 0);
  CHECK(check_in.steps[0].max == 10);
  CHECK(check_in.steps[1].id == "word");
  CHECK(check_in.steps[1].optional);
  CHECK(builtin("boundary").sentence.find("{when}") != std::string_view::npos);
  CHECK(builtin("boundary").about.find("aa-read safety") != std::string_view::npos);
  CHECK(builtin("secure-base").steps[0].kind == aa::StepKind::paced);
}

TEST_CASE("a good exercises.toml loads every kind of step") {
  Content content = aa::builtin_content();
  aa::load_content_text(content, ContentKind::exercises,
                        head + "sentence = \"I feel {word}.\"\n" + scale_step +
                            "\n[[exercise.step]]\nid = \"word\"\nkind = \"text\"\nprompt = \"A word?\"\n"
                            "\n[[exercise.step]]\nid = \"pick\"\nkind = \"choice\"\nprompt = \"Which?\"\n"
                            "options = [\"one\", \"two\"]\n"
                            "\n[[exercise.step]]\nid = \"read\"\nkind = \"paced\"\nprompt = \"Slowly.\"\n"
                            "lines = [\"First.\", \"Second.\"]\npause = 3\n",
                        "exercises.toml");
  REQUIRE(content.exercises.size() == 1);
  const aa::Exercise& e = content.exercises[0];
  REQUIRE(e.steps.size() == 4);
  CHECK(e.steps[0].max == 10);
  CHECK(e.steps[0].high == "strong");
  CHECK(e.steps[1].kind == aa::StepKind::text);
  CHECK_FALSE(e.steps[1].optional);
  CHECK(e.steps[2].options.size() == 2);
  CHECK(e.steps[3].lines.size() == 2);
  CHECK(e.steps[3].pause == 3);
  // Written out as aa-content dump writes it, it loads as the same.
  const std::string written = aa::content_file_text(content, ContentKind::exercises);
  Content again = aa::builtin_content();
  aa::load_content_text(again, ContentKind::exercises, written, "exercises.toml");
  CHECK(aa::content_file_text(again, ContentKind::exercises) == written);
}

TEST_CASE("exercises.toml is refused with the place and the reason") {
  CHECK(error_for(head) == "exercises.toml:1:1: exercise 'e' has no 'step'");
  CHECK(error_for(head + "\n[[exercise.step]]\nid = \"a\"\nprompt = \"A?\"\n") ==
        "exercises.toml:7:1: exercise 'e' step 'a' has no 'kind' (text, scale, choice or paced)");
  CHECK(error_for(head + "\n[[exercise.step]]\nid = \"a\"\nkind = \"slider\"\nprompt = \"A?\"\n") ==
        "exercises.toml:9:8: exercise 'e' step 'a': 'kind' must be text, scale, choice or paced, not 'slider'");
  // A key of another kind of step.
  CHECK(error_for(head + "\n[[exercise.step]]\nid = \"a\"\nkind = \"text\"\nprompt = \"A?\"\nmin = 1\n") ==
        "exercises.toml:11:1: exercise 'e' step 'a' has unknown key 'min'");
  CHECK(error_for(head + "\n[[exercise.step]]\nid = \"a\"\nkind = \"scale\"\nprompt = \"A?\"\nmin = 5\nmax = 5\n"
                         "low = \"l\"\nhigh = \"h\"\n") ==
        "exercises.toml:12:7: exercise 'e' step 'a': 'max' must be more than 'min'");
  CHECK(error_for(head + "\n[[exercise.step]]\nid = \"a\"\nkind = \"scale\"\nprompt = \"A?\"\nmin = 0\n"
                         "max = 100000\nlow = \"l\"\nhigh = \"h\"\n") ==
        "exercises.toml:12:7: exercise 'e' step 'a': 'max' must be a whole number from -1000 to 1000");
  CHECK(error_for(head + "\n[[exercise.step]]\nid = \"a\"\nkind = \"choice\"\nprompt = \"A?\"\n"
                         "options = [\"x\", \"x\"]\n") ==
        "exercises.toml:11:11: exercise 'e' step 'a': the option 'x' is there twice");
  CHECK(error_for(head + scale_step + scale_step) ==
        "exercises.toml:17:6: exercise 'e' step 'how': duplicate step id (first at line 8)");
  CHECK(error_for(head + "sentence = \"I feel {how}.\"\n" + scale_step) ==
        "exercises.toml:6:12: exercise 'e': 'sentence' names step 'how', which must be a text step that is not "
        "optional, or a choice");
  CHECK(error_for(head + "sentence = \"I feel {nothing}.\"\n" + scale_step) ==
        "exercises.toml:6:12: exercise 'e': 'sentence' names 'nothing', which is not one of its steps");
  CHECK(error_for("[[exercise]]\nid = \"e\"\nsection = \"nowhere\"\ntitle = \"E\"\nabout = \"A.\"\n" + scale_step) ==
        "exercises.toml:3:11: exercise 'e' refers to unknown section 'nowhere'");
}

TEST_CASE("aa-content check lists every problem of exercises.toml at once") {
  const auto problems = problems_for(head + "\n[[exercise.step]]\nid = \"A\"\nkind = \"text\"\nprompt = \"\"\n");
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].message.find("'A' must be lower-case") != std::string::npos);
  CHECK(problems[1].message.find("'prompt' is empty") != std::string::npos);
}

TEST_CASE("an exercise is found by its id, the start of it, or of its title") {
  const auto exercises = aa::builtin_content().exercises;
  CHECK(aa::find_exercise(exercises, "check-in").id == "check-in");
  CHECK(aa::find_exercise(exercises, "CHECK").id == "check-in");
  CHECK(aa::find_exercise(exercises, "thought").id == "thought-record");
  try {
    aa::find_exercise(exercises, "s");  // support-map, secure-base
    FAIL("an ambiguous name was taken");
  } catch (const aa::NameNotFound& error) {
    CHECK(error.ambiguous());
    CHECK(error.about() == aa::Names::exercises);
  }
  CHECK_THROWS_AS(aa::find_exercise(exercises, "boundry-x"), aa::NameNotFound);
}

TEST_CASE("each kind of step reads its answer, and refuses what does not fit") {
  const aa::Exercise& check_in = builtin("check-in");
  const auto strength = aa::answer_step(check_in.steps[0], " 7 ");
  REQUIRE(strength);
  CHECK(strength->number == 7);
  CHECK(aa::answer_words(check_in.steps[0], *strength) == "7 of 10");
  for (std::string_view bad : {"11", "-1", "seven", "", "7.5"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(aa::answer_step(check_in.steps[0], bad), aa::Error);
  }
  CHECK_FALSE(aa::answer_step(check_in.steps[1], "  "));  // optional, left empty
  CHECK(aa::answer_step(check_in.steps[1], "tense")->text == "tense");
  CHECK_THROWS_AS(aa::answer_step(check_in.steps[1], "a\x1b[2Jb"), aa::Error);

  const aa::ExerciseStep& lasted = builtin("urge-log").steps[3];
  REQUIRE(lasted.kind == aa::StepKind::choice);
  CHECK(aa::answer_step(lasted, "1")->text == lasted.options[0]);
  CHECK(aa::answer_step(lasted, std::string(lasted.options[1]))->text == lasted.options[1]);
  CHECK_THROWS_AS(aa::answer_step(lasted, "0"), aa::Error);
  CHECK_THROWS_AS(aa::answer_step(lasted, "99"), aa::Error);

  const aa::ExerciseStep& situation = builtin("thought-record").steps[0];
  CHECK_THROWS_AS(aa::answer_step(situation, ""), aa::Error);  // not optional
}

TEST_CASE("a finished exercise reads as its title, a line an answer, and its sentence") {
  const aa::Exercise& boundary = builtin("boundary");
  const std::vector<aa::ExerciseAnswer> answers = {
      {"when", std::nullopt, "plans change late"},
      {"feel", std::nullopt, "unsettled"},
      {"need", std::nullopt, "a little notice"},
      {"ask", std::nullopt, "tell me when you can"},
  };
  CHECK(aa::filled_sentence(boundary, answers) ==
        "When plans change late, I feel unsettled; I need a little notice; would you tell me when you can?");
  const std::string summary = aa::exercise_summary(boundary, answers);
  CHECK(summary.rfind(std::string(boundary.title) + "\n", 0) == 0);
  CHECK(summary.find("\nWhen plans change late, I feel unsettled;") != std::string::npos);

  const aa::Exercise& check_in = builtin("check-in");
  CHECK(aa::exercise_summary(check_in, {{{"strength", 6, ""}}}) == "Check-in\nHow strong is the feeling now? 6 of 10");
}

TEST_CASE("the list of exercises is a table, a Markdown document or JSON") {
  const auto exercises = aa::builtin_content().exercises;
  const std::string table = aa::render_exercise_list(exercises, aa::Format::text);
  CHECK(table.rfind("check-in\tstrategies\tCheck-in\n", 0) == 0);
  CHECK(aa::render_exercise_list(exercises, aa::Format::markdown).rfind("---\n", 0) == 0);
  CHECK(aa::render_exercise_list(exercises, aa::Format::json).find("\"id\": \"secure-base\"") != std::string::npos);
}

TEST_CASE("days practised count days, not exercises") {
  aa::JournalEntry a, b, c;
  a.time = "2026-03-01T09:00:00+01:00";
  b.time = "2026-03-01T21:00:00+01:00";
  c.time = "2026-03-04T08:00:00+01:00";
  const std::vector<const aa::JournalEntry*> entries = {&a, &b, &c};
  CHECK(aa::days_practised(entries) == 2);
  CHECK(aa::days_practised_words(entries) == "Practised on 2 days (3 exercises).");
}

TEST_CASE("an exercise taken at the terminal: answers, ?, back, keeping an answer, and q") {
  const aa::Exercise& check_in = builtin("check-in");
  {
    Scripted typed("?\n12\n6\n\n");
    const auto answers = aa::ask_exercise(check_in, typed, 0);
    REQUIRE(answers);
    REQUIRE(answers->size() == 1);  // the word left empty
    CHECK((*answers)[0].number == 6);
    CHECK(typed.shown.find(std::string(check_in.steps[0].help)) != std::string::npos);
    CHECK(typed.shown.find("a whole number from 0 to 10") != std::string::npos);
  }
  {
    // Back from the word to the strength, Enter keeps 4, then a word.
    Scripted typed("4\nb\n\ncalm\n");
    const auto answers = aa::ask_exercise(check_in, typed, 0);
    REQUIRE(answers);
    REQUIRE(answers->size() == 2);
    CHECK((*answers)[0].number == 4);
    CHECK((*answers)[1].text == "calm");
  }
  {
    Scripted typed("b\nq\n");
    CHECK_FALSE(aa::ask_exercise(check_in, typed, 0));
    CHECK(typed.shown.find("nothing before it") != std::string::npos);
  }
  {
    Scripted typed("5\n");  // the input ends
    CHECK_FALSE(aa::ask_exercise(check_in, typed, 0));
  }
}

TEST_CASE("a scale from 0 to 10 is answered by a key (1 waits a moment for a 0), and longer scales take a line") {
  const aa::Exercise& check_in = builtin("check-in");
  const aa::ExerciseStep& strength = check_in.steps[0];
  REQUIRE(aa::answers_with_a_key(strength));
  CHECK_FALSE(aa::answers_with_a_key(check_in.steps[1]));  // the word: a line
  for (std::string_view whole : {"0", "2", "9", "10", "11", "15", "?", "b", "Q", "100"}) {
    CHECK_MESSAGE(aa::typed_scale_reply(strength, whole) == aa::Typed::whole, whole);
  }
  CHECK(aa::typed_scale_reply(strength, "1") == aa::Typed::may_go_on);
  for (std::string_view partial : {"", " ", "x", "1x", "-"}) {
    CHECK_MESSAGE(aa::typed_scale_reply(strength, partial) == aa::Typed::partial, partial);
  }
  // A scale to 5 has no number that goes on; one to 100 is typed as a line.
  aa::ExerciseStep to_five = strength;
  to_five.max = 5;
  CHECK(aa::typed_scale_reply(to_five, "1") == aa::Typed::whole);
  const aa::Exercise& thought = builtin("thought-record");
  for (const aa::ExerciseStep& step : thought.steps) {
    if (step.kind == aa::StepKind::scale) CHECK_FALSE(aa::answers_with_a_key(step));
  }
  // The step says so.
  Scripted typed("3\n\n");
  REQUIRE(aa::ask_exercise(check_in, typed, 0));
  CHECK(typed.shown.find("A key answers at once: for 10, type 1 then 0.") != std::string::npos);
}

TEST_CASE("paced lines are shown one at a time, waiting after each unless there is no wait") {
  const aa::Exercise& secure = builtin("secure-base");
  const std::size_t lines = secure.steps[0].lines.size();
  {
    std::size_t waits = 0;
    Scripted typed("\n");
    const auto answers = aa::ask_exercise(secure, typed, 0, [&](std::int64_t seconds) {
      CHECK(seconds == secure.steps[0].pause);
      ++waits;
      return aa::PauseEnd::time_up;
    });
    REQUIRE(answers);
    CHECK(waits == lines);
    CHECK(typed.shown.find(std::string(secure.steps[0].lines.back())) != std::string::npos);
  }
  {
    // s skips the rest of the lines.
    Scripted typed("\n");
    REQUIRE(aa::ask_exercise(secure, typed, 0, [](std::int64_t) { return aa::PauseEnd::skip; }));
    CHECK(typed.shown.find(std::string(secure.steps[0].lines[1])) == std::string::npos);
  }
  {
    Scripted typed("\n");
    CHECK_FALSE(aa::ask_exercise(secure, typed, 0, [](std::int64_t) { return aa::PauseEnd::quit; }));
  }
}
