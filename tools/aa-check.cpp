// SPDX-License-Identifier: MIT
// aa-check: the self-reflection checklist, with a private, opt-in history.
#include <cstring>
#include <ctime>
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
#include "aa/history_summary.hpp"
#include "aa/io.hpp"
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
  std::string note;
  std::optional<std::size_t> last;
  std::string from;
  std::string to;
  std::string delete_id;
  std::string import_file;
};

std::string check_date(const std::string& text) {
  return aa::parse_iso_date(text) ? "" : "'" + text + "' is not a date that exists, as YYYY-MM-DD";
}

// A note is one short line of the person's own words: no line breaks and
// nothing else a terminal would act on when it is shown again.
std::string check_note(const std::string& text) {
  if (text.size() > aa::note_limit) return fmt::format("a note holds at most {} bytes", aa::note_limit);
  if (!aa::is_valid_utf8(text)) return "a note must be valid UTF-8 text";
  if (aa::find_terminal_control(text) != std::string::npos) {
    return "a note is one line of text, without control characters";
  }
  if (!aa::has_visible_character(text)) return "a note must not be empty";
  return "";
}

void setup(CLI::App& app, CheckOptions& o) {
  aa::cli::describe(app, program);
  auto* answers = app.add_option("-a,--answers", o.answers,
                                 "Your answers, one per statement in order, each 0 (never) to 4 (almost always), "
                                 "e.g. 3,1,4,0; without it they are asked for, or read from stdin")
                      ->type_name("LIST");
  auto* items = app.add_flag("--items", o.items, "List the statements: id<TAB>sign<TAB>statement");
  auto* save = app.add_flag("--save", o.save, "Keep this result in your private history on this machine");
  auto* history = app.add_flag("--history", o.history, "Show your saved results");
  auto* note = app.add_option("--note", o.note, "A few words of your own to keep with this result (with --save)")
                   ->check(CLI::Validator(check_note, ""))
                   ->type_name("TEXT");
  auto* last = app.add_option("-n,--last", o.last, "With --history: only the last N results")
                   ->check(aa::cli::whole_number(1, 1000000))
                   ->type_name("N");
  auto* from = app.add_option("--from", o.from, "With --history: only results from this day on")
                   ->check(CLI::Validator(check_date, ""))
                   ->type_name("DATE");
  auto* to = app.add_option("--to", o.to, "With --history: only results up to this day")
                 ->check(CLI::Validator(check_date, ""))
                 ->type_name("DATE");
  auto* forget = app.add_flag("--forget", o.forget, "Delete your saved results (asks first)");
  auto* remove = app.add_option("--delete", o.delete_id, "Delete the saved result with this id (asks first)")
                     ->check(aa::cli::not_empty())
                     ->type_name("ID");
  auto* import = app.add_option("--import", o.import_file,
                                "Add the results in FILE (from --history --format json; - for stdin) to yours")
                     ->check(aa::cli::not_empty())
                     ->type_name("FILE");
  app.add_flag("-y,--yes", o.yes, "With --forget or --delete: delete without asking");
  aa::cli::add_format_option(app, o.common, {"text", "markdown", "json"});
  aa::cli::add_output_options(app, o.common);
  aa::cli::add_content_option(app, o.common);

  items->excludes(answers, save, history, forget, remove, import, note);
  history->excludes(answers, save, forget, remove, import, note);
  forget->excludes(answers, save, remove, import, note);
  remove->excludes(answers, save, import, note);
  import->excludes(answers, save, note);
  for (CLI::Option* range : {last, from, to}) range->needs(history);
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

// The date a person gave, as a day number; nullopt when not given.
std::optional<std::int64_t> day_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return aa::parse_iso_date(text);
}

int show_history(const CheckOptions& o, const aa::cli::Output& output, const aa::CheckStyle& style) {
  const aa::DateRange range{day_of(o.from), day_of(o.to)};
  if (range.empty()) throw aa::Error(aa::Problem::usage, "--to is before --from: no day is in that range");
  const std::filesystem::path file = aa::cli::history_file();
  aa::History history = aa::read_history(file, waiting_notice(file));
  for (const aa::HistoryProblem& problem : history.problems) {
    aa::cli::report_warning(program, fmt::format("{}:{}: not a saved result ({}); skipped, and left in the file as "
                                                 "it is",
                                                 file.string(), problem.line, problem.reason));
  }
  const bool everything = !range.from && !range.to && !o.last;
  const std::vector<aa::CheckRecord> records = aa::select_records(std::move(history.records), range, o.last);
  const aa::HistorySummary summary = aa::summarize_history(records);
  std::string text;
  switch (output.format) {
    case aa::Format::json: text = aa::history_json(records, summary); break;
    case aa::Format::markdown:
      text = aa::render_history_markdown(records);
      if (!text.empty()) text += aa::render_summary_markdown(summary);
      break;
    default:
      text = aa::render_history_text(records, style);
      if (!text.empty()) text += aa::render_summary_text(summary, style);
      break;
  }
  if (text.empty()) {
    text = everything ? "No saved results yet. 'aa-check --save' keeps one.\n"
                      : "No saved results in that range. 'aa-check --history' shows them all.\n";
  }
  aa::emit(text, output.terminal, output.allow_pager, program);
  return 0;
}

// Asks on the terminal before a deletion; a usage error without one.
// Returns whether to go on.
bool confirmed(std::string_view option, std::string_view about, std::string_view question,
               const aa::cli::Output& output) {
  if (!output.terminal.stdin_is_tty) {
    throw aa::Error(aa::Problem::usage, fmt::format("{} asks before deleting, but stdin is not a terminal; add --yes "
                                                    "to delete without asking (nothing was deleted)",
                                                    option));
  }
  const std::size_t width = aa::prompt_width();
  aa::cli::report_line(about);
  aa::TerminalConversation terminal;
  if (!aa::confirm(question, terminal, width)) {
    aa::cli::report_line("Nothing was deleted.\n");
    return false;
  }
  return true;
}

int delete_result(const CheckOptions& o, const aa::cli::Output& output) {
  const std::filesystem::path file = aa::cli::history_file();
  const aa::History history = aa::read_history(file, waiting_notice(file));
  const aa::CheckRecord& record = history.records[aa::find_record(history.records, o.delete_id)];
  if (!o.yes) {
    std::string about =
        fmt::format("The saved result {} of {}, total {} of {}", aa::terminal_safe(record.id),
                    aa::terminal_safe(record.time.empty() ? record.date : record.time), record.total, record.max);
    if (!record.note.empty()) about += fmt::format(", with the note “{}”", aa::terminal_safe(record.note));
    if (!confirmed("--delete", about + "\n", "Delete it? This cannot be undone.", output)) return stopped;
  }
  if (!aa::delete_from_history(file, record.id, waiting_notice(file))) {
    throw aa::Error(aa::Problem::not_found,
                    fmt::format("the saved result {} is no longer there: something else deleted it meanwhile",
                                aa::terminal_safe(record.id)));
  }
  std::string text =
      fmt::format("Deleted the saved result {} of {}.\n", aa::terminal_safe(record.id), aa::terminal_safe(record.date));
  if (output.format == aa::Format::json) text = aa::delete_json(record.id, file.string());
  aa::emit(text, output.terminal, false, program);
  return 0;
}

int import_results(const CheckOptions& o, const aa::cli::Output& output) {
  const bool from_stdin = o.import_file == "-";
  const std::string shown = from_stdin ? "stdin" : o.import_file;
  std::string text;
  if (from_stdin) {
    aa::BoundedRead input = aa::read_up_to(STDIN_FILENO, aa::history_file_limit);
    if (input.error != 0) {
      throw aa::Error(aa::Problem::io, fmt::format("cannot read stdin: {}", std::strerror(input.error)));
    }
    if (input.over_limit) {
      throw aa::Error(aa::Problem::io, fmt::format("cannot read stdin: it is larger than {}, the most a history "
                                                   "may hold",
                                                   aa::describe_size(aa::history_file_limit)));
    }
    text = std::move(input.text);
  } else {
    auto read = aa::read_regular_file(o.import_file, aa::history_file_limit);
    if (!read) throw aa::Error(aa::Problem::usage, fmt::format("cannot import {}: no such file", aa::printable(shown)));
    text = std::move(*read);
  }
  std::vector<aa::CheckRecord> records;
  try {
    records = aa::parse_history_json(text);
  } catch (const aa::Error& error) {
    throw aa::Error(aa::Problem::data,
                    fmt::format("{}: {}; nothing was imported", aa::printable(shown, 200), error.what()));
  }
  const std::filesystem::path file = aa::cli::history_file();
  const aa::ImportOutcome outcome = aa::import_into_history(file, records, waiting_notice(file));
  std::string said = fmt::format("Imported {} result{}", outcome.imported, outcome.imported == 1 ? "" : "s");
  if (outcome.skipped > 0) said += fmt::format(", skipped {} already there", outcome.skipped);
  said += ".\n";
  if (output.format == aa::Format::json) said = aa::import_json(outcome.imported, outcome.skipped, file.string());
  aa::emit(said, output.terminal, false, program);
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
  const aa::LocalTime now = aa::local_time_of(std::time(nullptr));
  aa::CheckRecord record = aa::score_check(content.checklist, answers, aa::format_iso_date(now.day));
  record.time = aa::format_local_time(now);
  record.note = o.note;

  // Save before printing, so a reader that stops early (| head) loses
  // nothing; but print the result even when saving fails.
  std::optional<aa::Error> save_error;
  std::filesystem::path saved_to;
  std::optional<aa::CheckRecord> previous;
  if (save) {
    try {
      saved_to = aa::cli::history_file();
      aa::SavedResult saved = aa::append_to_history(saved_to, record, waiting_notice(saved_to));
      record = std::move(saved.record);
      previous = std::move(saved.previous);
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
  // How this result compares with the one before: the reason to keep them.
  if (previous && output.format != aa::Format::json) {
    const std::string comparison = aa::render_comparison(*previous, record);
    text += output.format == aa::Format::markdown ? "\n" + aa::escape_markdown(comparison) + "\n"
                                                  : "\n" + aa::wrap_paragraph(comparison, style.width) + "\n";
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
  // directory must not stand in the way.
  if (o.history) return show_history(o, output, style);
  if (o.forget) return forget_history(o, output);
  if (removing) return delete_result(o, output);
  if (importing) return import_results(o, output);
  // A note is kept with a saved result; without saving it would be lost.
  if (!o.note.empty() && !o.save && !config_says_save()) {
    throw aa::Error(aa::Problem::usage,
                    "--note is kept with a saved result: add --save (or set save = true in the "
                    "config)");
  }
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
