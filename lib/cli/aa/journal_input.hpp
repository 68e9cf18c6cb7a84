// SPDX-License-Identifier: MIT
// How a journal entry is written: in the person's editor, typed at the
// terminal, or read from stdin. Each returns the text of the entry, made
// by entry_text(); an empty text means nothing was written.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "aa/editor.hpp"
#include "aa/model.hpp"

namespace aa::cli {

// Opens `editor` (chosen_editor()) on a draft in `folder` that holds
// draft_template(prompt), and reads it back without its comments. The
// draft is a new private file (mode 0600, made exclusively) and is removed
// afterwards, also when the command is ended by a signal; but when the
// editor fails, or what was written cannot be used, the draft is kept, so
// that no writing is lost, and the error (Problem::io or usage) says where
// it is. The draft stays until the result goes, so that a caller that
// fails to save the text can keep it too (keep_draft()).
struct EditedDraft {
  std::string text;
  std::filesystem::path path;
  std::unique_ptr<DraftRemoval> removal;
  // Keeps the draft, and returns the words that say where it is.
  std::string keep_draft();
};
EditedDraft write_in_editor(const std::string& editor, const std::filesystem::path& folder, const Prompt* prompt);

// Reads lines typed at the terminal until the end of input (Ctrl-D), after
// showing the prompt and how to end it on stderr, wrapped to `width`.
std::string type_at_terminal(const Prompt* prompt, std::size_t width);

// Reads stdin (a pipe or a file) as one entry. Throws Error(Problem::usage)
// when it is larger than an entry may be, Error(Problem::io) when it cannot
// be read.
std::string read_entry_input(int fd);

}  // namespace aa::cli
