// SPDX-License-Identifier: MIT
// aa-check's check: the answers, the result, and when it is kept, how it
// compares with the one before.
#include <cstring>
#include <ctime>
#include <filesystem>
#include <optional>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/cli/environment.hpp"
#include "aa/cli/interrupt.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/prompt.hpp"
#include "aa/cli/settings.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/content/text.hpp"
#include "aa/core/answers.hpp"
#include "aa/core/check.hpp"
#include "aa/core/check_json.hpp"
#include "aa/core/date.hpp"
#include "aa/core/history.hpp"
#include "aa/core/history_summary.hpp"
#include "aa/core/render_check_markdown.hpp"
#include "aa/core/store_vault.hpp"
#include "aa/io/io.hpp"
#include "check/flows.hpp"

namespace aa::cli {
namespace {

// The most read from stdin for answers: far more than any honest list.
constexpr std::size_t max_answers_input = 64 * 1024;

// The answers on stdin when it is not a terminal (`echo 3,1,4,0 | aa-check`),
// for parse_answers(). A pipe is fine here, unlike for the files we read,
// but the length is bounded all the same. A byte order mark at the very
// start is not an answer; anywhere else it stays, and is refused.
std::string read_answers_input() {
  BoundedRead input = read_up_to(STDIN_FILENO, max_answers_input);
  if (input.error != 0) {
    throw Error(Problem::io, fmt::format("cannot read answers from stdin: {}", std::strerror(input.error)));
  }
  if (input.over_limit) {
    throw Error(Problem::usage,
                fmt::format("the answers on stdin are longer than {}; expected one short number per item",
                            describe_size(max_answers_input)));
  }
  return std::string(without_byte_order_mark(input.text));
}

}  // namespace

bool config_says_save() { return read_settings(check_program).save; }

int list_check_items(const Content& content, const Output& output) {
  std::string text;
  switch (output.format) {
    case Format::json: text = items_json(content.checklist); break;
    case Format::markdown: text = render_items_markdown(content.checklist); break;
    default:
      text = render_items_table(content.checklist, output.terminal.stdout_is_tty ? output.width : 0, output.color);
      break;
  }
  emit(text, output.terminal, output.allow_pager, check_program);
  return 0;
}

int run_check(const CheckRequest& request, const Content& content, const Output& output, const CheckStyle& style) {
  // Read the settings first: a broken config file should stop us before
  // anyone spends time answering.
  const bool save = request.save || config_says_save();
  Answers answers;
  if (!request.answers && output.terminal.stdin_is_tty) {
    TerminalConversation terminal;
    std::optional<Answers> asked;
    {
      const StopOnInterrupt interrupt(stopped_unsaved);
      asked = ask_answers(content.checklist, terminal, stderr_width(), save);
    }
    if (!asked) {
      report_line(std::string(stopped_unsaved) + "\n");
      return exit_status(Problem::not_found);
    }
    answers = std::move(*asked);
  } else {
    answers = parse_answers(request.answers ? *request.answers : read_answers_input(), content.checklist);
  }
  const LocalTime now = local_time_of(std::time(nullptr));
  CheckRecord record = score_check(content.checklist, answers, format_iso_date(now.day));
  record.time = format_local_time(now);
  record.note = request.note;

  // Save before printing, so a reader that stops early (| head) loses
  // nothing; but print the result even when saving fails.
  std::optional<Error> save_error;
  std::filesystem::path saved_to;
  std::optional<CheckRecord> previous;
  if (save) {
    try {
      saved_to = history_file();
      SavedResult saved = append_to_history(saved_to, record, waiting_notice(check_program, saved_to));
      record = std::move(saved.record);
      previous = std::move(saved.previous);
      saved_to = current_file({saved_to, history_file_limit});
    } catch (const Error& error) {
      save_error = error;
    }
  }
  std::string text;
  switch (output.format) {
    case Format::json: text = check_json(record); break;
    case Format::markdown: text = render_check_markdown(record, content.checklist, style.references); break;
    default: text = render_check_text(record, content.checklist, style); break;
  }
  // How this result compares with the one before: the reason to keep them.
  if (previous && output.format != Format::json) {
    const std::string comparison = render_comparison(*previous, record);
    text += output.format == Format::markdown ? "\n" + escape_markdown(comparison) + "\n"
                                              : "\n" + wrap_paragraph(comparison, style.width) + "\n";
  }
  // A result taken at the terminal and not kept ends with the command
  // that keeps it; a script has the answers already.
  if (!save && output.terminal.stdout_is_tty && output.format != Format::json) {
    const std::string command = fmt::format("aa-check --save --answers {}", answers_marks(answers));
    text += output.format == Format::markdown ? fmt::format("\nTo save it: `{}`\n", command)
                                              : "\n" + wrap_paragraph("To save it: " + command, style.width) + "\n";
  }
  if (save && !save_error) {
    // Saved, but perhaps not shown: a script must not save it twice.
    emit_after_change(text, output.terminal, check_program,
                      fmt::format("the result {} was saved all the same", terminal_safe(record.id)));
  } else {
    emit(text, output.terminal, output.allow_pager, check_program);
  }
  if (save_error) throw *save_error;
  if (save && isatty(STDERR_FILENO)) report_line(fmt::format("Saved in {}.\n", terminal_safe(saved_to.string())));
  return 0;
}

}  // namespace aa::cli
