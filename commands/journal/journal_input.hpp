// SPDX-License-Identifier: MIT
// How a journal entry is written: in the person's editor, typed at the
// terminal, or read from stdin. Each gives the text of the entry, made by
// entry_text(); an empty text means nothing was written.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "aa/content/model.hpp"
#include "aa/core/journal.hpp"
#include "aa/io/io.hpp"
#include "aa/io/signal_cleanup.hpp"

namespace aa::cli {

// A draft written in the person's editor. What they wrote there is never
// thrown away: the draft is removed only when the editor left it as it was,
// or once discard() says it is saved (or empty). Kept, it is named with the
// command that saves it; a signal that ends the command keeps it too, and
// says so on stderr.
class EditedDraft {
 public:
  EditedDraft(FileDescriptor folder, std::filesystem::path path, std::string save_options);
  ~EditedDraft();
  EditedDraft(const EditedDraft&) = delete;
  EditedDraft& operator=(const EditedDraft&) = delete;

  const std::filesystem::path& path() const noexcept { return path_; }
  // Whether the editor left the draft as it was made.
  bool unchanged() const noexcept { return guard_->unchanged(); }
  // "nothing was saved; what you wrote is kept in PATH; to save it: aa-journal --draft PATH".
  std::string kept_words() const;
  // The entry is saved, or there is none: the draft goes.
  void discard() noexcept;

  std::string text;  // the entry, as entry_text_from_draft() made it

 private:
  FileDescriptor folder_;
  std::filesystem::path path_;
  std::string save_options_;
  std::unique_ptr<RemovedOnSignal> guard_;
  bool discarded_ = false;
};

// Opens `editor` (chosen_editor()) on a new draft in `folder` that holds
// `text` (an edited entry's; none for a new one), then
// draft_template(prompt, purpose), and reads it back without the
// template's lines. The draft is a private file (mode 0600, made
// exclusively). `save_options` are the options that save a kept draft for
// the same prompt ("--prompt-id quiet-day", "--no-prompt", "--edit 3").
// When the editor fails, or what it left cannot be read or is not an
// entry, the error says so and, if the person wrote anything, where it is
// kept.
std::unique_ptr<EditedDraft> write_in_editor(const std::string& editor, const std::filesystem::path& folder,
                                             const Prompt* prompt, const std::string& save_options,
                                             std::string_view text = {}, DraftFor purpose = DraftFor::new_entry);

// The entry in the file `path`, a draft kept earlier (aa-journal --draft),
// without the lines draft_template(prompt, purpose) put there.
std::string read_kept_draft(const std::filesystem::path& path, const Prompt* prompt,
                            DraftFor purpose = DraftFor::new_entry);

// Reads lines typed at the terminal until the end of input (Ctrl-D), after
// showing the prompt and how to end it on stderr, wrapped to `width` (and,
// for an edit, the text typed lines will replace). A line longer than the
// terminal passes on whole is refused, never cut.
std::string type_at_terminal(const Prompt* prompt, std::size_t width, const std::string* replacing = nullptr);

// Reads stdin (a pipe or a file) as one entry. Throws Error(Problem::usage)
// when it is larger than an entry may be, Error(Problem::io) when it cannot
// be read.
std::string read_entry_input(int fd);

}  // namespace aa::cli
