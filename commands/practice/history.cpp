// SPDX-License-Identifier: MIT
// aa-practice --history: the journal's entries that keep an exercise, and
// on how many days there was practice. Days, never streaks: a streak that
// breaks reads as failure, and a day missed is no one's failure.
#include <vector>

#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/core/exercises.hpp"
#include "aa/core/journal_store.hpp"
#include "practice/flows.hpp"

namespace aa::cli {

const RangeWords practice_range_words = {
    "With --history: only the latest N exercises",
    "With --history: only practice on this day or later",
    "With --history: only practice on this day or earlier",
    "DATE",
    100000000,
    "--to {0} is before --from {1}",
};

int show_practice_history(const PracticeOptions& o, const Content& content, const Output& output) {
  require_format(output.format, Printout::document, "--history");
  const std::filesystem::path file = journal_file();
  Journal journal = read_journal(file, waiting_notice(practice_program, file));
  report_skipped_lines(practice_program, file, journal.problems, "not a journal entry", journal.problem_count);
  std::vector<JournalEntry> practice;
  for (JournalEntry& entry : journal.entries) {
    if (entry.exercise) practice.push_back(std::move(entry));
  }
  const auto chosen =
      select_entries(practice, {.days = days_in(o.range, practice_range_words), .last = o.range.last, .tags = {}});
  if (chosen.empty()) {
    if (output.format == Format::json) emit("[]\n", output.terminal, false, practice_program);
    return report_failure(
        practice_program,
        practice.empty() ? nothing_listed("practice", "yet", "'aa-practice --list' shows the exercises")
                         : nothing_listed("practice", range_words(o.range), "'aa-practice --history' shows it all"));
  }
  emit(render_practice_history(chosen, content.exercises, output.format), output.terminal, output.allow_pager,
       practice_program);
  // Beside the lines rather than among them, so that they stay easy to cut.
  if (output.format == Format::text) report_line(days_practised_words(chosen) + "\n");
  return 0;
}

}  // namespace aa::cli
