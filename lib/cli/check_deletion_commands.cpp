// SPDX-License-Identifier: MIT
// aa-check --delete ID and --forget: one saved result, or all of them,
// each after asking.
#include <filesystem>
#include <string>

#include <fmt/core.h>

#include "aa/check_commands.hpp"
#include "aa/check_json.hpp"
#include "aa/deletion_prompt.hpp"
#include "aa/environment.hpp"
#include "aa/history.hpp"
#include "aa/output.hpp"
#include "aa/store_notices.hpp"
#include "aa/text.hpp"

namespace aa::cli {

int delete_check_result(std::string_view id, bool yes, const Output& output) {
  const std::filesystem::path file = history_file();
  const History history = read_history(file, waiting_notice(check_program, file));
  const CheckRecord& record = history.records[find_record(history.records, id)];
  if (!yes) {
    std::string about =
        fmt::format("The saved result {} of {}, total {} of {}", terminal_safe(record.id),
                    terminal_safe(record.time.empty() ? record.date : record.time), record.total, record.max);
    if (!record.note.empty()) about += fmt::format(", with the note “{}”", terminal_safe(record.note));
    if (!confirm_deletion("--delete", about + "\n", "Delete it? This cannot be undone.",
                          output.terminal.stdin_is_tty)) {
      return exit_status(Problem::not_found);
    }
  }
  if (!delete_from_history(file, record.id, waiting_notice(check_program, file))) {
    throw Error(Problem::not_found, fmt::format("the saved result {} is no longer there: something else deleted it "
                                                "meanwhile",
                                                terminal_safe(record.id)));
  }
  std::string text =
      fmt::format("Deleted the saved result {} of {}.\n", terminal_safe(record.id), terminal_safe(record.date));
  if (output.format == Format::json) text = delete_json(record.id, file.string());
  emit(text, output.terminal, false, check_program);
  return 0;
}

int forget_check_history(bool yes, const Output& output) {
  const std::filesystem::path file = history_file();
  const std::string none = "There are no saved results to delete.\n";
  const bool json = output.format == Format::json;
  if (!yes) {
    // Reading refuses what deleting would refuse, before anyone is asked.
    const History history = read_history(file, waiting_notice(check_program, file));
    const std::size_t count = history.records.size();
    if (count == 0 && history.problems.empty()) {
      emit(json ? forget_json(false, file.string()) : none, output.terminal, false, check_program);
      return 0;
    }
    // The path on a line of its own: it is long, and the question is short.
    const std::string about = fmt::format("Your saved results are in\n  {}\n", terminal_safe(file.string()));
    const std::string question =
        fmt::format("Delete them ({} saved result{})? This cannot be undone.", count, count == 1 ? "" : "s");
    if (!confirm_deletion("--forget", about, question, output.terminal.stdin_is_tty)) {
      return exit_status(Problem::not_found);
    }
  }
  const bool deleted = forget_history(file, waiting_notice(check_program, file));
  std::string text = deleted ? fmt::format("Deleted your saved results ({}).\n", terminal_safe(file.string())) : none;
  if (json) text = forget_json(deleted, file.string());
  emit(text, output.terminal, false, check_program);
  return 0;
}

}  // namespace aa::cli
