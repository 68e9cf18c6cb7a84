// SPDX-License-Identifier: MIT
#include "aa/core/journal_store.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "aa/core/line_store.hpp"
#include "aa/io/error.hpp"

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
        const std::uint64_t highest = parse_journal(text).highest_id;
        if (highest == std::numeric_limits<std::uint64_t>::max()) {
          throw Error(Problem::data, fmt::format("cannot save your entry to {}: it has used the last id there is ({})",
                                                 file.string(), highest));
        }
        entry.id = highest + 1;
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
  // One rewrite, under one lock: the entry goes, and when no entry left
  // holds the highest id, one line {"retired": id} keeps it from being given
  // again (in place of the older such lines). The file only shrinks, so a
  // journal near its limit can always lose an entry.
  bool found = false;
  rewrite_store(
      journal_store(file),
      [&](std::string_view text) -> std::optional<std::string> {
        // What each line is about, read once.
        std::vector<std::pair<std::string_view, std::optional<LineId>>> lines;
        std::uint64_t highest = 0, highest_left = 0;
        for_each_numbered_line(text, [&](std::string_view line, std::size_t) {
          const auto named = line_id(line);
          if (named) {
            highest = std::max(highest, named->id);
            if (!named->retired && named->id == id) found = true;
            if (!named->retired && named->id != id) highest_left = std::max(highest_left, named->id);
          }
          lines.emplace_back(line, named);
        });
        if (!found) return std::nullopt;
        std::string kept;
        bool removed = false;
        for (const auto& [line, named] : lines) {
          if (named && (named->retired || (named->id == id && !std::exchange(removed, true)))) continue;
          kept.append(line);
          kept.push_back('\n');
        }
        if (highest_left < highest) kept += retired_line(highest) + "\n";
        return kept;
      },
      "delete an entry from", on_wait);
  return found;
}

Replaced replace_journal_entry(const std::filesystem::path& file, const JournalEntry& before, const JournalEntry& after,
                               const LockWaitNotice& on_wait) {
  // Entries compare by their lines as journal_line() writes them.
  const std::string was = journal_line(before);
  std::string now = journal_line(after);
  Replaced outcome = Replaced::missing;
  rewrite_store(
      journal_store(file),
      [&](std::string_view text) -> std::optional<std::string> {
        std::string kept;
        kept.reserve(text.size() + now.size());
        for_each_numbered_line(text, [&](std::string_view line, std::size_t) {
          const auto named = line_id(line);
          if (outcome == Replaced::missing && named && !named->retired && named->id == before.id) {
            const bool same = journal_line(parse_journal_entry(line)) == was;
            outcome = same ? Replaced::done : Replaced::changed;
            if (same) {
              kept += now;
              return;
            }
          }
          kept.append(line);
          kept.push_back('\n');
        });
        if (outcome != Replaced::done) return std::nullopt;
        return kept;
      },
      "save your entry to", on_wait);
  return outcome;
}

namespace {

bool is_draft_or_backup(std::string_view name) { return name.find(draft_stem) != std::string_view::npos; }

}  // namespace

std::vector<std::string> journal_leftovers(const std::filesystem::path& file) {
  return store_leftovers(journal_store(file), is_draft_or_backup);
}

Forgotten forget_journal(const std::filesystem::path& file, const LockWaitNotice& on_wait) {
  return forget_store(journal_store(file), "delete", on_wait, is_draft_or_backup);
}

}  // namespace aa
