// SPDX-License-Identifier: MIT
#include "aa/cli/exercise_prompt.hpp"

#include <string>

#include <fmt/core.h>

#include "aa/content/text.hpp"
#include "aa/core/exercises.hpp"
#include "aa/io/error.hpp"

namespace aa {
namespace {

std::string indented(std::string_view text, std::size_t width) {
  return wrap_paragraph(text, width, "  ", "  ") + "\n";
}

std::string intro(const Exercise& exercise, std::size_t width) {
  return wrap_paragraph(exercise.title, width) + "\n" + wrap_paragraph(exercise.about, width) + "\n" +
         wrap_paragraph(
             "At each step, type your answer and press Enter. Type ? to hear more about a step, b to go "
             "back, q to stop: nothing is saved until the last step.",
             width) +
         "\n";
}

// Whether an empty line keeps the answer given before going back: not for
// an optional text, where it means "nothing".
bool keeps_earlier(const ExerciseStep& step) { return !(step.kind == StepKind::text && step.optional); }

// The step as it is asked: its place, its prompt, and what it takes.
std::string step_block(const ExerciseStep& step, std::size_t index, std::size_t count,
                       const std::optional<ExerciseAnswer>& earlier, std::size_t width) {
  std::string out =
      "\n" + wrap_paragraph(fmt::format("Step {} of {}: {}", index + 1, count, step.prompt), width) + "\n";
  switch (step.kind) {
    case StepKind::scale:
      out += indented(fmt::format("{} {} … {} {}", step.min, step.low, step.max, step.high), width);
      if (answers_with_a_key(step)) {
        out += indented(step.max >= 10 ? "A key answers at once: for 10, type 1 then 0." : "A key answers at once.",
                        width);
      }
      break;
    case StepKind::choice:
      for (std::size_t i = 0; i < step.options.size(); ++i) {
        out += indented(fmt::format("{} {}", i + 1, step.options[i]), width);
      }
      break;
    case StepKind::text:
      if (step.optional) out += indented("(Press Enter to leave it empty.)", width);
      break;
    case StepKind::paced: break;
  }
  if (earlier && keeps_earlier(step)) {
    out += indented(fmt::format("(your answer was: {}): press Enter to keep it", answer_words(step, *earlier)), width);
  }
  return out;
}

enum class Paced { done, quit };

Paced show_paced(const ExerciseStep& step, Conversation& conversation, std::size_t width, const PacedWait& wait) {
  if (wait) conversation.show(indented("(Enter shows the next line at once, s skips the rest, q stops.)", width));
  for (std::string_view line : step.lines) {
    conversation.show(indented(line, width));
    if (!wait) continue;
    switch (wait(step.pause != 0 ? step.pause : default_pause_seconds)) {
      case PauseEnd::quit: return Paced::quit;
      case PauseEnd::skip: return Paced::done;
      case PauseEnd::time_up:
      case PauseEnd::next: break;
    }
  }
  return Paced::done;
}

}  // namespace

bool answers_with_a_key(const ExerciseStep& step) {
  return step.kind == StepKind::scale && step.min >= 0 && step.max <= 10;
}

Typed typed_scale_reply(const ExerciseStep& step, std::string_view typed) {
  const std::string reply = reply_words(typed);
  if (reply == "?" || reply == "b" || reply == "q") return Typed::whole;
  if (reply.empty() || reply.find_first_not_of("0123456789") != std::string::npos) return Typed::partial;
  // At most two digits: a longer number is whole, and out of range.
  if (reply.size() > 2) return Typed::whole;
  const int value = std::stoi(reply);
  // "1" may start "10"; "0", "2" and "10" cannot go on.
  return value != 0 && value * 10 <= step.max ? Typed::may_go_on : Typed::whole;
}

std::optional<std::vector<ExerciseAnswer>> ask_exercise(const Exercise& exercise, Conversation& conversation,
                                                        std::size_t width, const PacedWait& wait) {
  conversation.show(intro(exercise, width));
  const auto steps = exercise.steps;
  // Each step's answer; an optional text left empty has none.
  std::vector<std::optional<ExerciseAnswer>> given(steps.size());
  std::size_t index = 0;
  bool show_step = true;
  while (index < steps.size()) {
    const ExerciseStep& step = steps[index];
    if (step.kind == StepKind::paced) {
      conversation.show(
          "\n" + wrap_paragraph(fmt::format("Step {} of {}: {}", index + 1, steps.size(), step.prompt), width) + "\n");
      if (show_paced(step, conversation, width, wait) == Paced::quit) return std::nullopt;
      ++index;
      continue;
    }
    if (show_step) conversation.show(step_block(step, index, steps.size(), given[index], width));
    show_step = false;
    conversation.show("> ");
    const std::optional<std::string> line =
        answers_with_a_key(step)
            ? conversation.read_reply([&step](std::string_view typed) { return typed_scale_reply(step, typed); })
            : conversation.read_line();
    if (!line) {
      conversation.show("\n");  // Ctrl-D: the shell's prompt on a line of its own
      return std::nullopt;
    }
    const std::string reply = reply_words(*line);
    if (reply == "q") return std::nullopt;
    if (reply == "?") {
      conversation.show(
          indented(step.help.empty() ? "It takes " + expected_answer(step) + "." : std::string(step.help), width));
      continue;
    }
    if (reply == "b") {
      // Back to the step before that asks something: paced lines are not shown again.
      std::size_t before = index;
      while (before > 0 && steps[before - 1].kind == StepKind::paced) --before;
      if (before == 0) {
        conversation.show(indented("This is the first step; there is nothing before it.", width));
      } else {
        index = before - 1;
        show_step = true;
      }
      continue;
    }
    if (reply.empty() && given[index] && keeps_earlier(step)) {
      ++index;
      show_step = true;
      continue;
    }
    try {
      given[index] = answer_step(step, *line);
    } catch (const Error& error) {
      conversation.show(indented(
          fmt::format("{}. Please type {}; ? tells more, b goes back, q stops.", error.what(), expected_answer(step)),
          width));
      continue;
    }
    ++index;
    show_step = true;
  }
  std::vector<ExerciseAnswer> answers;
  for (const auto& answer : given) {
    if (answer) answers.push_back(*answer);
  }
  return answers;
}

}  // namespace aa
