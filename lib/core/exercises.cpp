// SPDX-License-Identifier: MIT
#include "aa/core/exercises.hpp"

#include <charconv>
#include <set>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "aa/content/text.hpp"
#include "aa/core/date.hpp"
#include "aa/core/json.hpp"
#include "aa/core/markdown.hpp"
#include "aa/core/suggest.hpp"
#include "aa/io/error.hpp"

namespace aa {
namespace {

std::string_view trimmed(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r");
  if (start == std::string_view::npos) return {};
  return text.substr(start, text.find_last_not_of(" \t\r") - start + 1);
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<std::int64_t> whole_number(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

[[noreturn]] void refuse(const ExerciseStep& step, std::string_view typed, std::string_view why = "") {
  throw Error(Problem::usage, fmt::format("'{}' does not fit step '{}'{}: it takes {}", printable(typed), step.id, why,
                                          expected_answer(step)));
}

const ExerciseAnswer* answer_to(std::span<const ExerciseAnswer> answers, std::string_view step) {
  for (const ExerciseAnswer& answer : answers) {
    if (answer.step == step) return &answer;
  }
  return nullptr;
}

}  // namespace

const Exercise& find_exercise(std::span<const Exercise> exercises, std::string_view name) {
  std::vector<Nameable> names;
  names.reserve(exercises.size());
  for (const Exercise& exercise : exercises) names.push_back({exercise.id, exercise.title});
  return exercises[find_name(names, name, Names::exercises)];
}

const Exercise* exercise_with_id(std::span<const Exercise> exercises, std::string_view id) {
  for (const Exercise& exercise : exercises) {
    if (exercise.id == id) return &exercise;
  }
  return nullptr;
}

bool asks_answer(const ExerciseStep& step) { return step.kind != StepKind::paced; }

std::string expected_answer(const ExerciseStep& step) {
  switch (step.kind) {
    case StepKind::scale: return fmt::format("a whole number from {} to {}", step.min, step.max);
    case StepKind::choice: return fmt::format("one of 1 to {}, or an option's words", step.options.size());
    case StepKind::text: return step.optional ? "a line of text, or nothing" : "a line of text";
    case StepKind::paced: break;
  }
  return "nothing";
}

std::optional<ExerciseAnswer> answer_step(const ExerciseStep& step, std::string_view typed) {
  const std::string_view text = trimmed(typed);
  ExerciseAnswer answer{std::string(step.id), std::nullopt, ""};
  switch (step.kind) {
    case StepKind::scale: {
      const auto number = whole_number(text);
      if (!number) refuse(step, text);
      if (*number < step.min || *number > step.max) refuse(step, text, ", which is out of range");
      answer.number = *number;
      return answer;
    }
    case StepKind::choice: {
      if (const auto number = whole_number(text);
          number && *number >= 1 && *number <= static_cast<std::int64_t>(step.options.size())) {
        answer.text = step.options[static_cast<std::size_t>(*number - 1)];
        return answer;
      }
      for (std::string_view option : step.options) {
        if (lower_ascii(option) == lower_ascii(text)) {
          answer.text = option;
          return answer;
        }
      }
      refuse(step, text);
    }
    case StepKind::text:
      if (text.empty()) {
        if (step.optional) return std::nullopt;
        refuse(step, text, ", which needs an answer");
      }
      // Kept on one line of a private file, and shown on terminals later.
      if (!is_valid_utf8(text)) refuse(step, text, ", which is not UTF-8 text");
      if (find_terminal_control(text) != std::string_view::npos) refuse(step, text, ", which has a control character");
      if (text.size() > answer_limit) {
        throw Error(Problem::usage,
                    fmt::format("the answer to step '{}' is longer than {} bytes", step.id, answer_limit));
      }
      answer.text = text;
      return answer;
    case StepKind::paced: break;
  }
  return std::nullopt;
}

std::string answer_words(const ExerciseStep& step, const ExerciseAnswer& answer) {
  if (step.kind != StepKind::scale || !answer.number) return answer.text;
  if (step.min == 0) return fmt::format("{} of {}", *answer.number, step.max);
  return fmt::format("{} (from {} to {})", *answer.number, step.min, step.max);
}

std::string filled_sentence(const Exercise& exercise, std::span<const ExerciseAnswer> answers) {
  std::string out;
  std::string_view rest = exercise.sentence;
  while (true) {
    const std::size_t open = rest.find('{');
    const std::size_t close = open == std::string_view::npos ? open : rest.find('}', open);
    if (close == std::string_view::npos) break;
    out += rest.substr(0, open);
    const ExerciseAnswer* answer = answer_to(answers, rest.substr(open + 1, close - open - 1));
    out += answer ? answer->text : "…";
    rest.remove_prefix(close + 1);
  }
  return out + std::string(rest);
}

std::string exercise_summary(const Exercise& exercise, std::span<const ExerciseAnswer> answers) {
  std::string out(exercise.title);
  for (const ExerciseStep& step : exercise.steps) {
    const ExerciseAnswer* answer = answer_to(answers, step.id);
    if (answer) out += fmt::format("\n{} {}", step.prompt, answer_words(step, *answer));
  }
  if (!exercise.sentence.empty()) out += "\n" + filled_sentence(exercise, answers);
  return out;
}

std::string render_exercise_list(std::span<const Exercise> exercises, Format format, std::size_t width) {
  if (format == Format::json) {
    return dump_json_array(exercises.size(), [&](std::size_t i) {
      const Exercise& e = exercises[i];
      return nlohmann::ordered_json{
          {"id", e.id}, {"section", e.section}, {"title", e.title}, {"about", e.about}, {"steps", e.steps.size()}};
    });
  }
  std::string out;
  if (format == Format::markdown) {
    out = markdown_title("Anxious attachment: exercises");
    for (const Exercise& e : exercises) {
      out += markdown_heading(2, escape_markdown(e.title), e.id) + "\n\n";
      out += fmt::format("`aa-practice {}` · practises `aa-read {}`\n\n", e.id, e.section);
      out += markdown_paragraph(e.about, width) + "\n\n";
    }
    return out;
  }
  for (const Exercise& e : exercises) out += fmt::format("{}\t{}\t{}\n", e.id, e.section, e.title);
  return out;
}

std::string render_practice_history(std::span<const JournalEntry* const> entries, std::span<const Exercise> exercises,
                                    Format format) {
  const auto title_of = [&](const JournalEntry& entry) -> const Exercise* {
    return exercise_with_id(exercises, entry.exercise->id);
  };
  if (format == Format::json) {
    return dump_json_array(entries.size(), [&](std::size_t i) {
      const JournalEntry& entry = *entries[i];
      nlohmann::ordered_json value = {{"entry", entry.id},
                                      {"time", entry.time},
                                      {"date", entry_date(entry)},
                                      {"exercise", entry.exercise->id},
                                      {"title", nullptr}};
      if (const Exercise* exercise = title_of(entry)) value["title"] = exercise->title;
      return value;
    });
  }
  std::string out;
  if (format == Format::markdown) {
    out = markdown_title("Anxious attachment: practice");
    for (const JournalEntry* entry : entries) {
      const Exercise* exercise = title_of(*entry);
      out += fmt::format("- {} · entry {} · {}\n", escape_markdown(terminal_safe(readable_time(entry->time))),
                         entry->id, escape_markdown(terminal_safe(exercise ? exercise->title : entry->exercise->id)));
    }
    return out + "\n" + days_practised_words(entries) + "\n";
  }
  for (const JournalEntry* entry : entries) {
    const Exercise* exercise = title_of(*entry);
    out += fmt::format("{}\t{}\t{}\t{}\n", terminal_safe(readable_time(entry->time)), entry->id,
                       terminal_safe(entry->exercise->id), exercise ? exercise->title : "-");
  }
  return out;
}

std::size_t days_practised(std::span<const JournalEntry* const> entries) {
  std::set<std::string_view> days;
  for (const JournalEntry* entry : entries) days.insert(entry_date(*entry));
  return days.size();
}

std::string days_practised_words(std::span<const JournalEntry* const> entries) {
  const std::size_t days = days_practised(entries);
  return fmt::format("Practised on {} day{} ({} exercise{}).", days, days == 1 ? "" : "s", entries.size(),
                     entries.size() == 1 ? "" : "s");
}

}  // namespace aa
