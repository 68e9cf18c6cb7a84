// aa-check: the self-reflection checklist, with a private, opt-in history.
#include <filesystem>
#include <optional>

#include <fmt/core.h>

#include "aa/answers.hpp"
#include "aa/answers_input.hpp"
#include "aa/check.hpp"
#include "aa/check_json.hpp"
#include "aa/cli_options.hpp"
#include "aa/config.hpp"
#include "aa/date.hpp"
#include "aa/environment.hpp"
#include "aa/format_rule.hpp"
#include "aa/history.hpp"
#include "aa/output.hpp"
#include "aa/prompt.hpp"
#include "aa/render_check.hpp"
#include "aa/render_check_markdown.hpp"
#include "aa/settings.hpp"
#include "aa/text.hpp"

namespace {

constexpr const char* program = "aa-check";
// Exit status when the person stops before the end or declines: nothing
// was done, as with "nothing found".
const int stopped = aa::cli::exit_status(aa::Problem::not_found);

struct CheckOptions {
  aa::cli::CommonOptions common;
  std::string answers;
  bool answers_given = false;
  bool items = false;
  bool save = false;
  bool history = false;
  bool forget = false;
  bool yes = false;
};

void setup(CLI::App& app, CheckOptions& o) {
  aa::cli::describe(app, program);
  auto* answers = app.add_option("-a,--answers", o.answers,
                                 "Your answers, one per statement in order, each 0 (never) to 4 (almost always), "
                                 "e.g. 3,1,4,0; without it they are asked for, or read from stdin")
                      ->type_name("LIST");
  auto* items = app.add_flag("--items", o.items, "List the statements: id<TAB>sign<TAB>statement");
  auto* save = app.add_flag("--save", o.save, "Keep this result in your private history on this machine");
  auto* history = app.add_flag("--history", o.history, "Show your saved results");
  auto* forget = app.add_flag("--forget", o.forget, "Delete your saved results (asks first)");
  auto* yes = app.add_flag("-y,--yes", o.yes, "With --forget: delete without asking");
  aa::cli::add_format_option(app, o.common, {"text", "markdown", "json"});
  aa::cli::add_output_options(app, o.common);
  aa::cli::add_content_option(app, o.common);

  items->excludes(answers, save, history, forget);
  history->excludes(answers, save, forget);
  forget->excludes(answers, save);
  yes->needs(forget);
}

// Whether the config asks for every result to be kept.
bool config_says_save() { return aa::cli::read_settings(program).save; }

int list_items(const aa::Content& content, const aa::cli::Output& output) {
  std::string text;
  switch (output.format) {
    case aa::Format::json: text = aa::items_json(content.checklist); break;
    case aa::Format::markdown: text = aa::render_items_markdown(content.checklist); break;
    default:
      text = aa::render_items_table(content.checklist, output.terminal.stdout_is_tty ? output.width : 0, output.color);
      break;
  }
  aa::emit(text, output.terminal, output.allow_pager, program);
  return 0;
}

// Said when another run keeps the history locked: we wait for it.
aa::LockWaitNotice waiting_notice(const std::filesystem::path& file) {
  return [file] {
    aa::cli::report_line(
        fmt::format("{}: waiting for another program to finish with {}\n", program, aa::terminal_safe(file.string())));
  };
}

int show_history(const aa::cli::Output& output, const aa::CheckStyle& style) {
  const std::filesystem::path file = aa::cli::history_file();
  const aa::History history = aa::read_history(file, waiting_notice(file));
  for (const aa::HistoryProblem& problem : history.problems) {
    aa::cli::report_warning(program, fmt::format("{}:{}: not a saved result ({}); skipped, and left in the file as "
                                                 "it is",
                                                 file.string(), problem.line, problem.reason));
  }
  std::string text;
  switch (output.format) {
    case aa::Format::json: text = aa::history_json(history.records); break;
    case aa::Format::markdown: text = aa::render_history_markdown(history.records); break;
    default: text = aa::render_history_text(history.records, style); break;
  }
  if (text.empty()) text = "No saved results yet. 'aa-check --save' keeps one.\n";
  aa::emit(text, output.terminal, output.allow_pager, program);
  return 0;
}

int forget_history(const CheckOptions& o, const aa::cli::Output& output) {
  const std::filesystem::path file = aa::cli::history_file();
  const std::string none = "There are no saved results to delete.\n";
  const bool json = output.format == aa::Format::json;
  if (!o.yes) {
    // Reading refuses what deleting would refuse, before anyone is asked.
    const aa::History history = aa::read_history(file, waiting_notice(file));
    const std::size_t count = history.records.size();
    if (count == 0 && history.problems.empty()) {
      aa::emit(json ? aa::forget_json(false, file.string()) : none, output.terminal, false, program);
      return 0;
    }
    if (!output.terminal.stdin_is_tty) {
      throw aa::Error(aa::Problem::usage,
                      "--forget asks before deleting, but stdin is not a terminal; add --yes to "
                      "delete without asking (nothing was deleted)");
    }
    // The path on a line of its own: it is long, and the question is short.
    const std::size_t width = aa::prompt_width();
    aa::cli::report_line(fmt::format("Your saved results are in\n  {}\n", aa::terminal_safe(file.string())));
    const std::string question =
        fmt::format("Delete them ({} saved result{})? This cannot be undone.", count, count == 1 ? "" : "s");
    aa::TerminalConversation terminal;
    if (!aa::confirm(question, terminal, width)) {
      aa::cli::report_line("Nothing was deleted.\n");
      return stopped;
    }
  }
  const bool deleted = aa::forget_history(file, waiting_notice(file));
  std::string text =
      deleted ? fmt::format("Deleted your saved results ({}).\n", aa::terminal_safe(file.string())) : none;
  if (json) text = aa::forget_json(deleted, file.string());
  aa::emit(text, output.terminal, false, program);
  return 0;
}

int check(const CheckOptions& o, const aa::Content& content, const aa::cli::Output& output,
          const aa::CheckStyle& style) {
  // Read the settings first: a broken config file should stop us before
  // anyone spends time answering.
  const bool save = o.save || config_says_save();
  aa::Answers answers;
  if (!o.answers_given && output.terminal.stdin_is_tty) {
    aa::TerminalConversation terminal;
    auto asked = aa::ask_answers(content.checklist, terminal, aa::prompt_width(), save);
    if (!asked) {
      aa::cli::report_line("Stopped before the end: nothing was saved.\n");
      return stopped;
    }
    answers = std::move(*asked);
  } else {
    answers =
        aa::parse_answers(o.answers_given ? o.answers : aa::cli::read_answers_input(STDIN_FILENO), content.checklist);
  }
  const aa::CheckRecord record = aa::score_check(content.checklist, answers, aa::format_iso_date(aa::local_today()));

  // Save before printing, so a reader that stops early (| head) loses
  // nothing; but print the result even when saving fails.
  std::optional<aa::Error> save_error;
  std::filesystem::path saved_to;
  if (save) {
    try {
      saved_to = aa::cli::history_file();
      aa::append_to_history(saved_to, record, waiting_notice(saved_to));
    } catch (const aa::Error& error) {
      save_error = error;
    }
  }
  std::string text;
  switch (output.format) {
    case aa::Format::json: text = aa::check_json(record); break;
    case aa::Format::markdown: text = aa::render_check_markdown(record, content.checklist, style.references); break;
    default: text = aa::render_check_text(record, content.checklist, style); break;
  }
  aa::emit(text, output.terminal, output.allow_pager, program);
  if (save_error) throw *save_error;
  if (save && isatty(STDERR_FILENO)) {
    aa::cli::report_line(fmt::format("Saved in {}.\n", aa::terminal_safe(saved_to.string())));
  }
  return 0;
}

int run(const CheckOptions& o) {
  const aa::cli::Output output = aa::cli::resolve_output(o.common);
  // On a terminal the safety note leads the result: a pager shows the top
  // first, so whoever quits it early has still read the note.
  const bool terminal = output.terminal.stdout_is_tty;
  const aa::CheckStyle style{output.width, output.color, terminal, aa::cli::references(), terminal};
  aa::cli::require_format(output.format, o.forget ? aa::cli::Printout::notice : aa::cli::Printout::document,
                          o.forget ? "--forget" : "this output");
  // Seeing or deleting your own data needs no content: a broken content
  // directory must not stand in the way.
  if (o.history) return show_history(output, style);
  if (o.forget) return forget_history(o, output);
  const aa::Content content = aa::cli::load_content(o.common);
  if (o.items) return list_items(content, output);
  return check(o, content, output, style);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Reflect on four signs of anxious attachment, one statement at a time, and see where to read "
      "next. A reflection aid, not a diagnosis."};
  CheckOptions options;
  setup(app, options);
  // exit() rather than return, as in aa-tip: nothing is gained by tearing down.
  std::exit(aa::cli::run(program, app, argc, argv, [&] {
    options.answers_given = app.count("--answers") > 0;
    return run(options);
  }));
}
