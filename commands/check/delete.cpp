// SPDX-License-Identifier: MIT
// aa-check --delete ID and --forget: one saved result, or all of them,
// each after asking.
#include <cstdint>
#include <filesystem>
#include <string>

#include <fmt/core.h>

#include "aa/cli/deletion_prompt.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/content/text.hpp"
#include "aa/core/check_json.hpp"
#include "aa/core/history.hpp"
#include "aa/io/io.hpp"
#include "check/flows.hpp"

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
  emit_after_change(text, output.terminal, check_program,
                    fmt::format("the result {} was deleted all the same", terminal_safe(record.id)));
  return 0;
}

namespace {

// What --forget asks about.
struct SavedResults {
  bool any = false;        // a history with something in it, records or not
  bool too_large = false;  // past its limit: not read, so not counted
  std::size_t count = 0;
};

// The history as --forget sees it before asking. Opening it refuses what
// deleting would refuse (a link, someone else's file). A history too large
// to read is not counted but still offered: deleting it is the way out.
SavedResults look_before_forgetting(const std::filesystem::path& file) {
  const auto opened = open_private_file(file, PrivateAccess::read, "read", waiting_notice(check_program, file));
  if (!opened || opened->status.st_size == 0) return {};
  if (static_cast<std::uintmax_t>(opened->status.st_size) > history_file_limit) return {true, true, 0};
  const History history = parse_history(read_open_file(opened->file.get(), history_file_limit, file));
  return {!history.records.empty() || !history.problems.empty(), false, history.records.size()};
}

}  // namespace

int forget_check_history(bool yes, const Output& output) {
  const std::filesystem::path file = history_file();
  const std::string none = "There are no saved results to delete.\n";
  const bool json = output.format == Format::json;
  if (!yes) {
    const SavedResults saved = look_before_forgetting(file);
    if (!saved.any) {
      emit(json ? forget_json(false, file.string()) : none, output.terminal, false, check_program);
      return 0;
    }
    // The path on a line of its own: it is long, and the question is short.
    const std::string about = fmt::format("Your saved results are in\n  {}\n", terminal_safe(file.string()));
    const std::string how_many = saved.too_large
                                     ? fmt::format("too large to count: over {}", describe_size(history_file_limit))
                                     : fmt::format("{} saved result{}", saved.count, saved.count == 1 ? "" : "s");
    const std::string question = fmt::format("Delete them ({})? This cannot be undone.", how_many);
    if (!confirm_deletion("--forget", about, question, output.terminal.stdin_is_tty)) {
      return exit_status(Problem::not_found);
    }
  }
  const Forgotten forgotten = forget_history(file, waiting_notice(check_program, file));
  std::vector<std::string> others;
  for (const std::string& name : forgotten.leftovers) others.push_back((file.parent_path() / name).string());
  std::string text =
      forgotten.store ? fmt::format("Deleted your saved results ({}).\n", terminal_safe(file.string())) : none;
  if (!others.empty()) {
    text += fmt::format("Deleted {} temporary cop{} of them left by an interrupted run:\n", others.size(),
                        others.size() == 1 ? "y" : "ies");
    for (const std::string& other : others) text += "  " + terminal_safe(other) + "\n";
  }
  if (json) text = forget_json(forgotten.store, file.string(), others);
  emit_after_change(text, output.terminal, check_program, "the saved results were deleted all the same");
  return 0;
}

}  // namespace aa::cli
