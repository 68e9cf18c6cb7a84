// The private history of checklist results: one JSON record a line in
// $XDG_DATA_HOME/aa/checks.jsonl. Records are only ever appended, each with
// one write under an exclusive lock, so runs at the same time never mix;
// the file is never rewritten, so a line someone edited by hand is kept
// as it is and only reported. The file follows the private-file rules of
// io.hpp: never through a symbolic link, a regular file and a folder that
// belong to the user, tightened to 0600 and 0700 on every write.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "aa/check.hpp"
#include "aa/io.hpp"

namespace aa {

// `data_dir`/aa/checks.jsonl.
std::filesystem::path history_file_in(const std::filesystem::path& data_dir);

// The most a history file may hold: some fifty thousand results.
inline constexpr std::size_t history_file_limit = 16 * 1024 * 1024;

// Each function below waits for the lock on the file as long as another
// run holds it, and calls `on_wait` once when that takes more than a moment.

// Appends `record` as one line, creating the missing directories (mode
// 0700) and the file (mode 0600). Throws Error(Problem::io) naming `file` and
// the reason; a failed write leaves the file as it was.
void append_to_history(const std::filesystem::path& file, const CheckRecord& record,
                       const LockWaitNotice& on_wait = {});

// A line that is not a record, and why.
struct HistoryProblem {
  std::size_t line = 0;  // 1-based
  std::string reason;
};

struct History {
  std::vector<CheckRecord> records;  // oldest first
  std::vector<HistoryProblem> problems;
};

// The records in the text of a history file. Blank lines are passed over;
// every other line that is not a record becomes a problem.
History parse_history(std::string_view text);

// The history in `file`; empty when there is none yet. Reading changes
// nothing. Throws Error(Problem::io) when it cannot be read, or is larger
// than history_file_limit.
History read_history(const std::filesystem::path& file, const LockWaitNotice& on_wait = {});

// Deletes `file` after emptying it, so that no hard link keeps a record.
// Returns false when there was nothing to delete; throws Error(Problem::io)
// when it cannot be deleted.
bool forget_history(const std::filesystem::path& file, const LockWaitNotice& on_wait = {});

}  // namespace aa
