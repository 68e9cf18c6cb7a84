// SPDX-License-Identifier: MIT
// What a command says while it reads or changes a private store of lines
// (the checklist history, the journal): that it waits for another run to
// finish with the file, which lines it passed over, and what --forget
// deleted.
#pragma once

#include <filesystem>
#include <span>
#include <string_view>

#include "aa/cli/terminal.hpp"
#include "aa/core/line_store.hpp"
#include "aa/io/io.hpp"

namespace aa::cli {

// Says once, on stderr, that PROGRAM waits for another program to finish
// with `file`: given to the store's functions, which call it when the lock
// takes more than a moment.
LockWaitNotice waiting_notice(std::string_view program, const std::filesystem::path& file);

// A warning for each line of `file` that is `not_what` ("not a journal
// entry"): it was skipped, and is left in the file as it is. Past the first
// few, one line says how many more there are: `total` in all.
void report_skipped_lines(std::string_view program, const std::filesystem::path& file,
                          std::span<const LineProblem> problems, std::string_view not_what, std::size_t total = 0);

// The words of --forget for one store.
struct ForgetWords {
  std::string_view store;  // "your journal": "Deleted your journal (FILE)."
  std::string_view none;   // "There is no journal to delete.\n"
  // Each other file deleted: "other file", "other files", "that held your
  // writing": "Deleted 2 other files that held your writing:" and a path a line.
  std::string_view other, others, which;
};

// What --forget says it deleted: the store `file`, and each other file of
// it, as `words` word it; as JSON (forget_json()) when `json`.
std::string forgotten_notice(const Forgotten& forgotten, const std::filesystem::path& file, bool json,
                             const ForgetWords& words);

// Writes `text`, the notice of a change made to a store, as emit() does.
// When it cannot be written, the error (a write error, exit 74) says that
// the change was made all the same (`done`: "entry 5 was saved all the
// same"), so that a script does not make it twice.
void emit_after_change(std::string_view text, const Terminal& terminal, std::string_view program,
                       std::string_view done);

}  // namespace aa::cli
