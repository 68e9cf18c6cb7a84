// SPDX-License-Identifier: MIT
#include "aa/journal_store.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "aa/line_store.hpp"

namespace aa {
namespace {

LineStore journal_store(const std::filesystem::path& file) { return {file, journal_file_limit}; }

}  // namespace

JournalEntry append_journal_entry(const std::filesystem::path& file, JournalEntry entry,
                                  const LockWaitNotice& on_wait) {
  append_lines(
      journal_store(file),
      [&](std::string_view text) {
        // Under the lock: no other run can take the same id meanwhile.
        entry.id = parse_journal(text).highest_id + 1;
        std::string line = journal_line(entry);
        line.pop_back();  // the store ends each line itself
        return std::vector<std::string>{std::move(line)};
      },
      "save your entry to", on_wait);
  return entry;
}

Journal read_journal(const std::filesystem::path& file, const LockWaitNotice& on_wait) {
  return parse_journal(read_store(journal_store(file), on_wait));
}

bool delete_journal_entry(const std::filesystem::path& file, std::uint64_t id, const LockWaitNotice& on_wait) {
  constexpr std::string_view doing = "delete an entry from";
  const LineStore store = journal_store(file);
  // First, when the entry holds the highest id, a line that keeps that id
  // from being given again, so that at no moment could an append take it;
  // then the entry goes, with the retired lines this one makes needless.
  bool found = false;
  std::uint64_t keep_retired = 0;
  append_lines(
      store,
      [&](std::string_view text) -> std::vector<std::string> {
        const Journal journal = parse_journal(text);
        found = find_entry(journal.entries, id) != nullptr;
        keep_retired = journal.highest_id;
        bool higher_entry = false;
        for (const JournalEntry& entry : journal.entries) higher_entry = higher_entry || entry.id > id;
        if (!found || higher_entry) return {};
        return {retired_line(journal.highest_id)};
      },
      doing, on_wait);
  if (!found) return false;
  bool removed = false;
  const std::size_t gone = remove_lines(
      store,
      [&](std::string_view line) {
        const auto named = line_id(line);
        if (!named) return false;
        if (named->retired) return named->id < keep_retired;
        if (named->id != id || removed) return false;
        removed = true;
        return true;
      },
      doing, on_wait);
  return gone > 0 && removed;
}

bool forget_journal(const std::filesystem::path& file, const LockWaitNotice& on_wait) {
  return forget_store(journal_store(file), "delete", on_wait);
}

}  // namespace aa
