// SPDX-License-Identifier: MIT
// The private history of checklist results: one JSON record a line in
// $XDG_DATA_HOME/aa/checks.jsonl, kept in a line store (line_store.hpp).
// Records are appended, each with one write under an exclusive lock, so
// runs at the same time never mix; the file is rewritten only to delete a
// record, and then every other line is kept byte for byte, so a line
// someone edited by hand is kept as it is and only reported. The file
// follows the private-file rules of io.hpp: never through a symbolic link,
// a regular file and a folder that belong to the user, tightened to 0600
// and 0700 on every write.
//
// Record ids: every record has an id of 8 lower-case hexadecimal digits,
// which names it for --delete and stays the same whatever else is deleted.
// A new record stores its id, made from a hash of the record, and another
// hash while that one is taken. A record saved before ids were kept has
// none in the file: its id is derived from the bytes of its line (the same
// hash), which never change, since a rewrite keeps every line as it is.
// An export (history_json) writes every id, so an import keeps them.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aa/core/check.hpp"
#include "aa/core/date.hpp"
#include "aa/core/line_store.hpp"
#include "aa/io/io.hpp"

namespace aa {

// `data_dir`/aa/checks.jsonl.
std::filesystem::path history_file_in(const std::filesystem::path& data_dir);

// The most a history file may hold: some fifty thousand results.
inline constexpr std::size_t history_file_limit = 16 * 1024 * 1024;

// Each function below waits for the lock on the file as long as another
// run holds it, and calls `on_wait` once when that takes more than a moment.

// What a save did: the record as saved (with its id), and the record
// before it by time (the latest not later than it), to compare with.
struct SavedResult {
  CheckRecord record;
  std::optional<CheckRecord> previous;
};

// Appends `record` as one line, with a new id, creating the missing
// directories (mode 0700) and the file (mode 0600). Throws
// Error(Problem::io) naming `file` and the reason; a failed write leaves
// the file as it was.
SavedResult append_to_history(const std::filesystem::path& file, const CheckRecord& record,
                              const LockWaitNotice& on_wait = {});

// The id of a record whose line holds none: a hash of the line, trailing
// spaces aside.
std::string derived_record_id(std::string_view line);

// A line that is not a record, and why.
using HistoryProblem = LineProblem;

struct History {
  std::vector<CheckRecord> records;
  std::vector<HistoryProblem> problems;  // the first line_problems_kept of them
  std::size_t problem_count = 0;         // all of them
};

// The records in the text of a history file, in the order of its lines,
// each with its id (stored or derived). Blank lines are passed over; every
// other line that is not a record becomes a problem.
History parse_history(std::string_view text);

// Puts `records` in time order, oldest first: by the instant of their
// time, whatever its UTC offset; a record without a time counts from the
// start of its date in UTC. Records of the same instant keep their order.
// An import appends older results at the end of the file: whatever shows
// or compares results sorts them first.
void sort_by_time(std::vector<CheckRecord>& records);

// The history in `file`, its records in time order (sort_by_time); empty
// when there is none yet. Reading changes nothing. Throws
// Error(Problem::io) when it cannot be read, or is larger than
// history_file_limit.
History read_history(const std::filesystem::path& file, const LockWaitNotice& on_wait = {});

// Deletes `file` after emptying it, so that no hard link keeps a record,
// with the temporary copies killed rewrites left beside it (forget_store).
// Throws Error(Problem::io) when it cannot be deleted.
Forgotten forget_history(const std::filesystem::path& file, const LockWaitNotice& on_wait = {});

// The index of the record `id` names: in full or by a unique beginning,
// ignoring case. Throws NameNotFound (Names::results) otherwise, with the
// closest id as a suggestion.
std::size_t find_record(std::span<const CheckRecord> records, std::string_view id);

// Deletes the record whose id is `id` (in full) by rewriting the file
// (remove_lines); every other line stays as it is. Returns false, having
// changed nothing, when no record has that id (any more). Throws
// Error(Problem::io) as the other functions do.
bool delete_from_history(const std::filesystem::path& file, std::string_view id, const LockWaitNotice& on_wait = {});

// What an import did.
struct ImportOutcome {
  std::size_t imported = 0;
  std::size_t skipped = 0;   // already there
  std::size_t repeated = 0;  // the same as one before it in what was imported
};

// Appends the records that the history does not hold yet, all in one write
// under one lock, each once. A record is the same as another when every
// value but its id is the same: one already there is skipped, and so is one
// that repeats a record before it in `records`. Each keeps its id unless
// it has none or the id is taken, and then gets a new one. The file is
// only appended to: read_history() puts the records in time order.
ImportOutcome import_into_history(const std::filesystem::path& file, std::span<const CheckRecord> records,
                                  const LockWaitNotice& on_wait = {});

// The records dated within `range`, then only the last `last` of them
// (the latest, when `records` are in time order).
std::vector<CheckRecord> select_records(std::vector<CheckRecord> records, const DateRange& range,
                                        std::optional<std::size_t> last);

}  // namespace aa
