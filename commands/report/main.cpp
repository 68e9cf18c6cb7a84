// SPDX-License-Identifier: MIT
// aa-report: pictures of change, from the check history and the journal.
// The options are here; what it does is in report.cpp.
#include <cstdlib>

#include "aa/cli/cli_options.hpp"
#include "aa/cli/range_options.hpp"
#include "report/flows.hpp"

namespace {

constexpr std::string_view program = aa::cli::report_program;

struct ReportOptions {
  aa::cli::CommonOptions common;
  aa::cli::ReportRequest request;
};

void setup(CLI::App& app, ReportOptions& o) {
  aa::cli::describe(app, program,
                    {
                        {"Your last year: the days you saved something, and how the numbers moved", "aa-report"},
                        {"One page to print or to show your therapist", "aa-report -o report.html"},
                        {"Since the start of the year, in plain ASCII", "aa-report --from 2026-01-01 --ascii"},
                    });
  auto* page = app.add_option("-o,--output", o.request.page,
                              "Write the report as one HTML page to FILE (- for stdout), to print or to show "
                              "someone; the file is private (mode 0600)")
                   ->check(aa::cli::not_empty())
                   ->check(aa::cli::completes_file())
                   ->type_name("FILE");
  app.add_flag("--ascii", o.request.ascii, "Draw with ASCII characters only, as in a locale that is not UTF-8")
      ->excludes(page);
  const auto [last, from, to] = aa::cli::add_range_options(app, o.request.range, nullptr, aa::cli::report_range_words);
  last->excludes(from);
  aa::cli::add_format_option(app, o.common, {aa::cli::Printout::picture});
  aa::cli::add_output_options(app, o.common);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Pictures of change: a calendar of the days you saved a check, a journal entry or an exercise, and how "
      "your answers moved, on the terminal or as one page to print."};
  ReportOptions options;
  setup(app, options);
  std::exit(aa::cli::run(program, app, argc, argv, [&] {
    return aa::cli::run_report(options.request, aa::cli::resolve_output(options.common));
  }));
}
