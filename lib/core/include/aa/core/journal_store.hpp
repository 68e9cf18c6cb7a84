// SPDX-License-Identifier: MIT
// The journal file, $XDG_DATA_HOME/aa/journal.jsonl, by the private-file
// rules of io.hpp: appends under an exclusive lock, reads under a shared
// one, never rewritten except to delete or edit an entry.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "aa/core/journal.hpp"
#include "aa/io/io.hpp"

namespace aa {

// Each function below waits for the lock on the file as long as another
// run holds it, and calls `on_wait` once when that takes more than a moment.
// Failures are Error(Problem::io) naming the file and the reason.

// Appends `entry` with the next free id (entry.id is set here, under the
// lock, so that runs at the same time never share one), creating the file
// and its folders when missing. Returns the entry as saved; a failed write
// leaves the file as it was.
JournalEntry append_journal_entry(const std::filesystem::path& file, JournalEntry entry,
                                  const LockWaitNotice& on_wait = {});

// The journal in `file`; empty when there is none yet.
Journal read_journal(const std::filesystem::path& file, const LockWaitNotice& on_wait = {});

// Deletes the entry `id`: the file is written anew beside the old one,
// synced, and renamed over it (rewrite_store). Returns false when there is
// no such entry. A journal that has used the last id there is (2^64-1)
// takes no new entry: append_journal_entry() throws Error(Problem::data).
bool delete_journal_entry(const std::filesystem::path& file, std::uint64_t id, const LockWaitNotice& on_wait = {});

// What replace_journal_entry() found.
enum class Replaced {
  done,     // the entry is replaced
  missing,  // there is no entry with its id (any more)
  changed,  // its line is not what it was when read: another run changed it
};

// Puts `after` in place of the entry `before` (same id), on its line, by
// rewrite_store(): every other line is kept byte for byte, so entries
// appended meanwhile stay. Nothing is written unless the entry is still as
// `before` holds it, so that two edits at once never lose one.
Replaced replace_journal_entry(const std::filesystem::path& file, const JournalEntry& before, const JournalEntry& after,
                               const LockWaitNotice& on_wait = {});

// Deletes the whole journal (emptied first, so no hard link keeps it),
// with every other file in its folder that holds what a person wrote: the
// drafts kept when an entry could not be saved, their editors' backups
// (draft~, .draft.swp, #draft#), and what killed rewrites left.
Forgotten forget_journal(const std::filesystem::path& file, const LockWaitNotice& on_wait = {});

// The names of the files forget_journal() would remove beside the journal.
std::vector<std::string> journal_leftovers(const std::filesystem::path& file);

}  // namespace aa
