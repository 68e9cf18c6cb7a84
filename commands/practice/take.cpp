// SPDX-License-Identifier: MIT
// aa-practice NAME: the exercise answered at the terminal or on stdin, then
// kept as an entry of the journal, where aa-journal lists, shows and
// searches it like any other (and encrypts it when the journal is).
#include <algorithm>
#include <cstring>
#include <ctime>
#include <optional>
#include <vector>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/cli/interrupt.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/content/text.hpp"
#include "aa/core/date.hpp"
#include "aa/core/exercises.hpp"
#include "aa/core/journal_store.hpp"
#include "aa/core/render_journal.hpp"
#include "aa/core/store_vault.hpp"
#include "aa/io/io.hpp"
#include "practice/flows.hpp"

namespace aa::cli {
namespace {

// The most read from stdin: every step's longest answer, and more.
constexpr std::size_t max_input = 256 * 1024;

// The answers on stdin, one line a step that asks something (paced steps
// read nothing). Refused, with nothing saved, when a line does not fit its
// step or the lines end before the steps do.
std::vector<ExerciseAnswer> read_piped_answers(const Exercise& exercise) {
  BoundedRead input = read_up_to(STDIN_FILENO, max_input);
  if (input.error != 0) {
    throw Error(Problem::io, fmt::format("cannot read answers from stdin: {}", std::strerror(input.error)));
  }
  if (input.over_limit) {
    throw Error(Problem::usage, fmt::format("the answers on stdin are longer than {}", describe_size(max_input)));
  }
  std::string_view rest = without_byte_order_mark(input.text);
  std::vector<ExerciseAnswer> answers;
  std::size_t asked = 0;
  const auto total = static_cast<std::size_t>(std::count_if(exercise.steps.begin(), exercise.steps.end(),
                                                            [](const ExerciseStep& s) { return asks_answer(s); }));
  for (const ExerciseStep& step : exercise.steps) {
    if (!asks_answer(step)) continue;
    ++asked;
    if (rest.empty()) {
      throw Error(Problem::usage,
                  fmt::format("the answers on stdin ended before step '{}' ({} of {}): '{}' takes one line for each "
                              "of its {} steps; nothing was saved",
                              step.id, asked, total, exercise.id, total));
    }
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    try {
      if (auto answer = answer_step(step, line)) answers.push_back(std::move(*answer));
    } catch (const Error& error) {
      throw Error(error.code(), fmt::format("{}; nothing was saved", error.what()));
    }
  }
  if (rest.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    throw Error(Problem::usage, fmt::format("the answers on stdin go on after the last of the {} steps of '{}'; "
                                            "nothing was saved",
                                            total, exercise.id));
  }
  return answers;
}

JournalEntry save(const Exercise& exercise, std::vector<ExerciseAnswer> answers) {
  const std::filesystem::path file = journal_file();
  JournalEntry entry;
  entry.time = format_local_time(local_time_of(std::time(nullptr)));
  entry.text = exercise_summary(exercise, answers);
  entry.exercise = ExerciseRecord{std::string(exercise.id), std::move(answers)};
  return append_journal_entry(file, std::move(entry), waiting_notice(practice_program, file));
}

}  // namespace

int take_exercise(const PracticeOptions& o, const Content& content, const Output& output) {
  require_format(output.format, Printout::notice, "an exercise");
  const Exercise& exercise = find_exercise(content.exercises, o.name);
  // The passphrase first, before any answer: it may come on stdin, ahead of them.
  if (writes_encrypted({journal_file(), journal_file_limit})) (void)store_passphrase();
  std::vector<ExerciseAnswer> answers;
  const bool at_terminal = output.terminal.stdin_is_tty;
  if (at_terminal) {
    TerminalConversation terminal;
    std::optional<std::vector<ExerciseAnswer>> asked;
    {
      const StopOnInterrupt interrupt(stopped_unsaved);
      asked = ask_exercise(exercise, terminal, stderr_width(), o.no_pause ? PacedWait{} : terminal_wait(terminal));
    }
    if (!asked) {
      report_line(std::string(stopped_unsaved) + "\n");
      return exit_status(Problem::not_found);
    }
    answers = std::move(*asked);
  } else {
    answers = read_piped_answers(exercise);
  }
  const std::string sentence = filled_sentence(exercise, answers);
  const JournalEntry entry = save(exercise, std::move(answers));
  // What the person made, said before the notice: the sentence to keep.
  if (at_terminal) {
    std::string after;
    if (!sentence.empty()) after += "\n" + wrap_paragraph(sentence, stderr_width(), "  ", "  ") + "\n";
    if (!exercise.closing.empty()) after += "\n" + wrap_paragraph(exercise.closing, stderr_width()) + "\n";
    report_line(after + "\n");
  }
  const std::string done = fmt::format("entry {} was saved all the same", entry.id);
  if (output.format == Format::json) {
    const std::vector<const JournalEntry*> one = {&entry};
    emit_after_change(render_entries(one, content.prompts, Format::json, {}), output.terminal, practice_program, done);
  } else if (!at_terminal) {
    // In a pipe, what the exercise shows rather than asks: its paced lines and its sentence.
    std::string shown;
    for (const ExerciseStep& step : exercise.steps) {
      for (std::string_view line : step.lines) shown += std::string(line) + "\n";
    }
    if (!sentence.empty()) shown += sentence + "\n";
    if (!shown.empty()) emit_after_change(shown, output.terminal, practice_program, done);
  }
  report_line(fmt::format("Saved entry {} in your journal ({}).\n", entry.id, exercise.id));
  return 0;
}

}  // namespace aa::cli
