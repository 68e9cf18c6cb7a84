// The private history of checklist results: one JSON record a line in
// $XDG_DATA_HOME/aa/checks.jsonl. Records are only ever appended, each with
// one write under an exclusive lock, so runs at the same time never mix;
// the file is never rewritten, so a line someone edited by hand is kept
// as it is and only reported.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "aa/check.hpp"

namespace aa {

// `data_dir`/aa/checks.jsonl.
std::filesystem::path history_file_in(const std::filesystem::path& data_dir);

// The history file under the user's data directory. Throws Error(Exit::io)
// when neither XDG_DATA_HOME nor HOME says where that is.
std::filesystem::path history_file();

// Appends `record` as one line, creating the missing directories (mode
// 0700) and the file (mode 0600). Throws Error(Exit::io) naming `file` and
// the reason; a failed write leaves the file as it was.
void append_to_history(const std::filesystem::path& file, const CheckRecord& record);

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

// The history in `file`; empty when there is none yet. Throws
// Error(Exit::io) when it cannot be read.
History read_history(const std::filesystem::path& file);

// Deletes `file`, waiting for any append in progress to finish first.
// Returns false when there was nothing to delete; throws Error(Exit::io)
// when it cannot be deleted.
bool forget_history(const std::filesystem::path& file);

}  // namespace aa
