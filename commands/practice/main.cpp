// SPDX-License-Identifier: MIT
// aa-practice: the guide's strategies as short guided exercises, each kept
// in the journal once it is done. The options are here; what each flow does
// is in the files of flows.hpp.
#include <cstdlib>

#include "aa/cli/cli_options.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/core/journal_store.hpp"
#include "practice/flows.hpp"

namespace {

constexpr std::string_view program = aa::cli::practice_program;

void setup(CLI::App& app, aa::cli::PracticeOptions& o) {
  aa::cli::describe(app, program,
                    {
                        {"The exercises, with the section each one practises", "aa-practice --list"},
                        {"Check in: how strong is the feeling now, and a word for it", "aa-practice check-in"},
                        {"Answers from a script, one line a step", "printf '6\\ntense\\n' | aa-practice check-in"},
                        {"Your practice since the first of March", "aa-practice --history --from 2026-03-01"},
                    });
  auto* name = app.add_option("NAME", o.name, "The exercise to do: its id, or the start of it")
                   ->check(aa::cli::not_empty())
                   ->check(aa::cli::completes_names("exercises"))
                   ->type_name("");
  auto* list = app.add_flag("-l,--list", o.list, "List the exercises: id<TAB>section<TAB>title");
  auto* history = app.add_flag("--history", o.history, "Show your past practice, and on how many days");
  aa::cli::add_range_options(app, o.range, history, aa::cli::practice_range_words);
  auto* no_pause = app.add_flag("--no-pause", o.no_pause, "Show paced lines at once, without waiting between them");
  aa::cli::add_format_option(app, o.common, {aa::cli::Printout::document, aa::cli::Printout::notice});
  aa::cli::add_output_options(app, o.common);
  aa::cli::add_content_option(app, o.common);

  list->excludes(name, history, no_pause);
  history->excludes(name, no_pause);
  app.footer(
      "Nothing is saved until the last step; q, Ctrl-D or Ctrl-C stops. A finished exercise is an entry of your "
      "journal (aa-journal --list shows it). This is practice, not a diagnosis or treatment: in a crisis, call your "
      "local emergency number or a crisis line.");
}

int run(const aa::cli::PracticeOptions& o) {
  const aa::cli::Output output = aa::cli::resolve_output(o.common);
  const aa::Content content = aa::cli::load_content(o.common);
  if (o.list) return aa::cli::list_exercises(content, output);
  if (o.history) return aa::cli::show_practice_history(o, content, output);
  if (o.name.empty()) {
    throw aa::Error(
        aa::Problem::usage,
        fmt::format("{} needs an exercise: 'aa-practice --list' lists them (try '{} --help')", program, program));
  }
  return aa::cli::take_exercise(o, content, output);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Practise the guide's strategies with short guided exercises: a check-in, a thought record, an urge log, a "
      "boundary, a support map and a secure-base imagery script."};
  aa::cli::PracticeOptions options;
  setup(app, options);
  std::exit(aa::cli::run(program, app, argc, argv, [&] { return run(options); },
                         {.results = {}, .entries = [] { return aa::read_journal(aa::cli::journal_file()).entries; }}));
}
