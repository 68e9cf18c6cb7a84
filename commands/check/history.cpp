// SPDX-License-Identifier: MIT
// aa-check --history: the saved results in a range, then their summary.
#include <filesystem>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "aa/cli/environment.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/core/check_json.hpp"
#include "aa/core/history.hpp"
#include "aa/core/history_summary.hpp"
#include "aa/core/render_check_markdown.hpp"
#include "check/flows.hpp"

namespace aa::cli {

const RangeWords check_range_words = {
    "With --history: only the last N results",
    "With --history: only results from DATE on",
    "With --history: only results up to DATE",
    "DATE",
    1000000,
    "--to is before --from: no day is in that range",
};

int show_check_history(const RangeOptions& range, const Output& output, const CheckStyle& style) {
  const DateRange days = days_in(range, check_range_words);
  const std::filesystem::path file = history_file();
  History history = read_history(file, waiting_notice(check_program, file));
  report_skipped_lines(check_program, file, history.problems, "not a saved result", history.problem_count);
  const bool saved_any = !history.records.empty();
  const std::vector<CheckRecord> records = select_records(std::move(history.records), days, range.last);
  const HistorySummary summary = summarize_history(records);
  std::string text;
  switch (output.format) {
    case Format::json: text = history_json(records, summary); break;
    case Format::markdown: text = render_history_markdown(records) + render_summary_markdown(summary); break;
    default: text = render_history_text(records, style) + render_summary_text(summary, style); break;
  }
  if (records.empty()) {
    // As a search with no match: JSON is still a document, with no results.
    if (output.format == Format::json) emit(text, output.terminal, false, check_program);
    return report_failure(
        check_program,
        !saved_any ? nothing_listed("saved results", "yet", "'aa-check --save' keeps one")
                   : nothing_listed("saved results", range_words(range), "'aa-check --history' shows them all"));
  }
  emit(text, output.terminal, output.allow_pager, check_program);
  return 0;
}

}  // namespace aa::cli
