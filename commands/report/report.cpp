// SPDX-License-Identifier: MIT
// aa-report: the days asked for, from both stores, as a picture or a page.
#include <ctime>
#include <filesystem>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/cli/cli.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/content/text.hpp"
#include "aa/core/history.hpp"
#include "aa/core/journal_store.hpp"
#include "aa/core/render_report_html.hpp"
#include "aa/core/render_report_text.hpp"
#include "aa/core/report.hpp"
#include "aa/core/report_json.hpp"
#include "report/flows.hpp"

namespace aa::cli {

const RangeWords report_range_words = {
    "The last N days (default: a year on the terminal, every day in a page)",
    "From this day on",
    "Up to this day (default today)",
    "DATE",
    100000,
    "--to is before --from: no day is in that range",
};

namespace {

// A year of weeks fits a terminal of 80 columns.
constexpr std::size_t terminal_days = 365;

History read_checks() {
  const std::filesystem::path file = history_file();
  History history = read_history(file, waiting_notice(report_program, file));
  report_skipped_lines(report_program, file, history.problems, "not a saved result", history.problem_count);
  return history;
}

Journal read_entries() {
  const std::filesystem::path file = journal_file();
  Journal journal = read_journal(file, waiting_notice(report_program, file));
  report_skipped_lines(report_program, file, journal.problems, "not a journal entry", journal.problem_count);
  return journal;
}

std::string now_readable() { return readable_time(format_local_time(local_time_of(std::time(nullptr)))); }

}  // namespace

int run_report(const ReportRequest& request, const Output& output) {
  require_format(output.format, Printout::picture, "a report");
  if (!request.page.empty() && output.format != Format::text) {
    throw Error(Problem::usage, "-o writes an HTML page: it takes no --format or --json");
  }
  const DateRange asked = days_in(request.range, report_range_words);
  const History history = read_checks();
  const Journal journal = read_entries();
  const bool page = !request.page.empty();
  const bool json = output.format == Format::json;
  // The picture fits a terminal; a page and the numbers hold every day.
  const auto [from, to] = report_days(asked, request.range.last, local_today(),
                                      first_day(history.records, journal.entries), page || json ? 0 : terminal_days);
  const ReportData data = gather_report(history.records, journal.entries, from, to);
  // The numbers even when there are none, so that a script reads valid JSON; exit 1 all the same.
  if (json) emit(report_json(data), output.terminal, output.allow_pager, report_program);
  if (data.empty()) {
    constexpr std::string_view what = "checks, journal entries or exercises";
    if (history.records.empty() && journal.entries.empty()) {
      return report_failure(report_program,
                            nothing_listed(what, "saved yet", "'aa-check --save' or 'aa-journal' saves the first"));
    }
    return report_failure(report_program,
                          nothing_listed(what, fmt::format("from {} to {}", format_iso_date(from), format_iso_date(to)),
                                         "'aa-report --from DATE' reaches further back"));
  }
  if (json) return 0;
  if (!page) {
    const ReportStyle style{output.width, output.color, request.ascii || !utf8_locale(output.terminal)};
    emit(render_report_text(data, style), output.terminal, output.allow_pager, report_program);
    return 0;
  }
  const std::string html = render_report_html(data, {now_readable(), version_line(report_program)});
  if (request.page == "-") {
    write_all(STDOUT_FILENO, html);
    return 0;
  }
  write_private_copy(request.page, html);
  // On stderr, as every notice: stdout stays for what was asked (the page, with -o -).
  report_line(fmt::format("Wrote your report to {}: open it in a web browser to read or print it.\n",
                          terminal_safe(request.page)));
  return 0;
}

}  // namespace aa::cli
