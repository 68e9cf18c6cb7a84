// SPDX-License-Identifier: MIT
// aa-check: the self-reflection checklist, with a private, opt-in history.
// The options are here; what each flow does is in check/*.cpp.
#include <cstdlib>
#include <optional>

#include <fmt/core.h>

#include "aa/cli/cli_options.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/cli/range_options.hpp"
#include "aa/content/text.hpp"
#include "aa/core/history.hpp"
#include "check/flows.hpp"

namespace {

constexpr std::string_view program = aa::cli::check_program;

struct CheckOptions {
  aa::cli::CommonOptions common;
  std::string answers;
  bool answers_given = false;
  bool items = false;
  bool save = false;
  bool history = false;
  aa::cli::RangeOptions range;
  bool forget = false;
  bool yes = false;
  std::string note;
  std::string delete_id;
  std::string import_file;
};

void setup(CLI::App& app, CheckOptions& o) {
  aa::cli::describe(app, program,
                    {
                        {"Take the checklist at the terminal and keep the result", "aa-check --save"},
                        {"Answers in one go, x where a statement does not apply", "aa-check --answers 2,3,x,1"},
                        {"Your saved results, and how they changed", "aa-check --history"},
                        {"Delete one saved result, by its id from --history", "aa-check --delete 3f9c2a1b"},
                    });
  auto* answers = app.add_option("-a,--answers", o.answers,
                                 "Your answers, one per statement in order, each 0 (never) to 4 (almost always) "
                                 "or x (does not apply), e.g. 3,1,4,0; without it they are asked for, or read "
                                 "from stdin")
                      ->type_name("LIST");
  auto* items = app.add_flag("--items", o.items, "List the statements: id<TAB>sign<TAB>statement");
  auto* save = app.add_flag("--save", o.save, "Keep this result in your private history on this machine");
  auto* history = app.add_flag("--history", o.history, "Show your saved results");
  auto* note = app.add_option("--note", o.note, "A few words of your own to keep with this result (with --save)")
                   ->check(aa::cli::refusing([](const std::string& text) { return aa::note_problem(text); }))
                   ->type_name("TEXT");
  aa::cli::add_range_options(app, o.range, history, aa::cli::check_range_words);
  auto* forget = app.add_flag("--forget", o.forget, "Delete your saved results (asks first)");
  auto* remove = app.add_option("--delete", o.delete_id, "Delete the saved result with this id (asks first)")
                     ->check(aa::cli::not_empty())
                     ->check(aa::cli::completes_names("results"))
                     ->type_name("ID");
  auto* import = app.add_option("--import", o.import_file,
                                "Add the results in FILE (from --history --format json; - for stdin) to yours")
                     ->check(aa::cli::not_empty())
                     ->check(aa::cli::completes_file())
                     ->type_name("FILE");
  app.add_flag("-y,--yes", o.yes, "With --forget or --delete: delete without asking")
      ->check(aa::cli::completes_only_with({forget, remove}));
  aa::cli::add_format_option(app, o.common, {aa::cli::Printout::document, aa::cli::Printout::notice});
  aa::cli::add_output_options(app, o.common);
  aa::cli::add_content_option(app, o.common);

  items->excludes(answers, save, history, forget, remove, import, note);
  history->excludes(answers, save, forget, remove, import, note);
  forget->excludes(answers, save, remove, import, note);
  remove->excludes(answers, save, import, note);
  import->excludes(answers, save, note);
}

int run(const CheckOptions& o) {
  const aa::cli::Output output = aa::cli::resolve_output(o.common);
  // On a terminal the safety note leads the result: a pager shows the top
  // first, so whoever quits it early has still read the note.
  const bool terminal = output.terminal.stdout_is_tty;
  const aa::CheckStyle style{output.width, output.color, terminal, aa::cli::references(), terminal};
  const bool removing = !o.delete_id.empty();
  const bool importing = !o.import_file.empty();
  if (o.yes && !o.forget && !removing)
    throw aa::Error(aa::Problem::usage,
                    fmt::format("--yes only works with --forget or --delete (try '{} --help')", program));
  const bool notice = o.forget || removing || importing;
  aa::cli::require_format(output.format, notice ? aa::cli::Printout::notice : aa::cli::Printout::document,
                          o.forget    ? "--forget"
                          : removing  ? "--delete"
                          : importing ? "--import"
                                      : "this output");
  // Seeing or deleting your own data needs no content: a broken content
  // directory must not stand in the way. An import is checked against it.
  if (o.history) return aa::cli::show_check_history(o.range, output, style);
  if (o.forget) return aa::cli::forget_check_history(o.yes, output);
  if (removing) return aa::cli::delete_check_result(o.delete_id, o.yes, output);
  if (importing) return aa::cli::import_check_results(o.import_file, aa::cli::load_content(o.common), output);
  // A note is kept with a saved result; without saving it would be lost.
  if (!o.note.empty() && !o.save && !aa::cli::config_says_save()) {
    throw aa::Error(aa::Problem::usage,
                    "--note is kept with a saved result: add --save (or set save = true in the "
                    "config)");
  }
  const aa::Content content = aa::cli::load_content(o.common);
  if (o.items) return aa::cli::list_check_items(content, output);
  aa::cli::CheckRequest request{std::nullopt, o.save, o.note};
  if (o.answers_given) request.answers = o.answers;
  return aa::cli::run_check(request, content, output, style);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Reflect on four signs of anxious attachment, one statement at a time, and see where to read "
      "next. A reflection aid, not a diagnosis."};
  CheckOptions options;
  setup(app, options);
  // exit() rather than return, as in aa-tip: nothing is gained by tearing down.
  std::exit(aa::cli::run(program, app, argc, argv,
                         [&] {
                           options.answers_given = app.count("--answers") > 0;
                           return run(options);
                         },
                         {.results = [] { return aa::read_history(aa::cli::history_file()).records; }, .entries = {}}));
}
