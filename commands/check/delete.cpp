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
#include "aa/core/store_vault.hpp"
#include "aa/io/io.hpp"
#include "check/flows.hpp"

namespace aa::cli {

int delete_check_result(std::string_view id, bool yes, const Output& output) {
  const std::filesystem::path file = history_file();
  const History history = read_history(file, waiting_notice(check_program, file));
  const CheckRecord& record = history.records[find_record(history.records, id)];
  DeletionQuestion ask{"--delete", yes, "", "Delete it? This cannot be undone."};
  ask.about = fmt::format("The saved result {} of {}, total {} of {}", terminal_safe(record.id),
                          terminal_safe(when_taken(record)), record.total, record.max);
  if (!record.note.empty()) ask.about += fmt::format(", with the note “{}”", terminal_safe(record.note));
  ask.about += "\n";
  const std::string done = fmt::format("the result {} was deleted all the same", terminal_safe(record.id));
  return delete_after_asking(check_program, output, ask, done, [&] {
    if (!delete_from_history(file, record.id, waiting_notice(check_program, file))) {
      throw Error(Problem::not_found, fmt::format("the saved result {} is no longer there: something else deleted "
                                                  "it meanwhile",
                                                  terminal_safe(record.id)));
    }
    if (output.format == Format::json) return delete_json(record.id, file.string());
    return fmt::format("Deleted the saved result {} of {}.\n", terminal_safe(record.id),
                       terminal_safe(when_taken(record)));
  });
}

namespace {

// What --forget asks about.
struct SavedResults {
  bool any = false;        // a history with something in it, records or not
  bool too_large = false;  // past its limit: not read, so not counted
  std::size_t count = 0;
  bool encrypted = false;  // not opened without the passphrase, so not counted
};

// The history as --forget sees it before asking. Opening it refuses what
// deleting would refuse (a link, someone else's file). A history too large
// to read is not counted but still offered: deleting it is the way out.
SavedResults look_before_forgetting(const std::filesystem::path& file) {
  const std::filesystem::path stored = current_file({file, history_file_limit});
  const auto opened = open_private_file(stored, PrivateAccess::read, "read", waiting_notice(check_program, file));
  if (!opened || opened->status.st_size == 0) return {};
  if (stored != file) return {true, false, 0, true};
  if (static_cast<std::uintmax_t>(opened->status.st_size) > history_file_limit) return {true, true, 0};
  const History history = parse_history(read_open_file(opened->file.get(), history_file_limit, file));
  return {!history.records.empty() || !history.problems.empty(), false, history.records.size()};
}

}  // namespace

int forget_check_history(bool yes, const Output& output) {
  const std::filesystem::path file = history_file();
  static constexpr ForgetWords words = {"your saved results", "There are no saved results to delete.\n",
                                        "temporary copy", "temporary copies", "of them left by an interrupted run"};
  const bool json = output.format == Format::json;
  DeletionQuestion ask{"--forget", yes, "", ""};
  if (!yes) {
    const SavedResults saved = look_before_forgetting(file);
    if (!saved.any) {
      emit(forgotten_notice({}, file, json, words), output.terminal, false, check_program);
      return 0;
    }
    // The path on a line of its own: it is long, and the question is short.
    ask.about = fmt::format("Your saved results are in\n  {}\n",
                            terminal_safe(current_file({file, history_file_limit}).string()));
    const std::string how_many = saved.encrypted ? "encrypted, so not counted"
                                 : saved.too_large
                                     ? fmt::format("too large to count: over {}", describe_size(history_file_limit))
                                     : fmt::format("{} saved result{}", saved.count, saved.count == 1 ? "" : "s");
    ask.question = fmt::format("Delete them ({})? This cannot be undone.", how_many);
  }
  return delete_after_asking(check_program, output, ask, "the saved results were deleted all the same", [&] {
    return forgotten_notice(forget_history(file, waiting_notice(check_program, file)), file, json, words);
  });
}

}  // namespace aa::cli
