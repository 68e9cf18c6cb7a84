// SPDX-License-Identifier: MIT
#include "journal/journal_input.hpp"

#include <cerrno>
#include <cstring>
#include <optional>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/cli/cli.hpp"
#include "aa/cli/interrupt.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/terminal.hpp"
#include "aa/content/text.hpp"
#include "aa/core/journal.hpp"
#include "aa/io/error.hpp"
#include "journal/editor.hpp"

namespace aa::cli {
namespace {

// The command the draft's own lines name.
constexpr std::string_view journal_program = "aa-journal";

// Room for the template and whatever an editor adds, above an entry's limit.
constexpr std::size_t draft_limit = journal_entry_limit + 64 * 1024;

std::string save_command(const std::string& save_options, const std::filesystem::path& path) {
  std::string command = "aa-journal ";
  if (!save_options.empty()) command += save_options + " ";
  return command + "--draft " + shell_word(path.string());
}

}  // namespace

EditedDraft::EditedDraft(FileDescriptor folder, std::filesystem::path path, std::string save_options)
    : folder_(std::move(folder)), path_(std::move(path)), save_options_(std::move(save_options)) {
  const std::string stopped = fmt::format("aa-journal: stopped: {}\n", terminal_safe(kept_words()));
  guard_ = std::make_unique<RemovedOnSignal>(folder_.get(), path_.filename().string(), stopped);
}

EditedDraft::~EditedDraft() {
  // Removed only when nothing of the person's is in it.
  if (!discarded_ && unchanged()) discard();
}

std::string EditedDraft::kept_words() const {
  return fmt::format("nothing was saved; what you wrote is kept in {}; to save it: {}", path_.string(),
                     save_command(save_options_, path_));
}

void EditedDraft::discard() noexcept {
  guard_.reset();
  ::unlinkat(folder_.get(), path_.filename().c_str(), 0);
  discarded_ = true;
}

std::unique_ptr<EditedDraft> write_in_editor(const std::string& editor, const std::filesystem::path& folder,
                                             const Prompt* prompt, const std::string& save_options,
                                             std::string_view text, DraftFor purpose) {
  ScratchFile scratch = create_scratch_file(folder, draft_stem, ".txt", "write a draft in");
  FileDescriptor folder_fd = *open_folder_of_private_file(scratch.path, "write a draft in");
  try {
    std::string start(text);
    if (!start.empty()) start += '\n';
    write_all(scratch.file.get(), start + draft_template(prompt, journal_program, purpose));
    if (scratch.file.close() != 0) throw Error(Problem::io, fmt::format("write error: {}", std::strerror(errno)));
  } catch (const Error& error) {
    ::unlinkat(folder_fd.get(), scratch.path.filename().c_str(), 0);
    throw Error(Problem::io, fmt::format("cannot write {}: {}", scratch.path.string(), error.what()));
  }
  // Made once the template is in: the draft is the person's from here on.
  auto draft = std::make_unique<EditedDraft>(std::move(folder_fd), scratch.path, save_options);
  const auto problem = run_editor(editor, draft->path());
  if (problem && draft->unchanged()) {
    throw Error(Problem::io, fmt::format("the editor '{}' {}; nothing was saved", printable(editor), *problem));
  }
  try {
    if (problem) throw Error(Problem::io, fmt::format("the editor '{}' {}", printable(editor), *problem));
    // The editor may have put a new file in place of ours: read whatever is
    // there now by the same rules as any file we read.
    draft->text = entry_text_from_draft(read_regular_file(draft->path(), draft_limit).value_or(""), prompt,
                                        journal_program, purpose);
  } catch (const Error& error) {
    throw Error(error.code(), fmt::format("{}; {}", error.what(), draft->kept_words()));
  }
  return draft;
}

std::string read_kept_draft(const std::filesystem::path& path, const Prompt* prompt, DraftFor purpose) {
  const auto text = read_regular_file(path, draft_limit);
  // Unlike a draft the editor left, a kept draft must be there.
  if (!text) throw Error(Problem::io, fmt::format("cannot read {}: {}", path.string(), std::strerror(ENOENT)));
  return entry_text_from_draft(*text, prompt, journal_program, purpose);
}

std::string type_at_terminal(const Prompt* prompt, std::size_t width, const std::string* replacing) {
  std::string shown;
  if (prompt) shown += wrap_paragraph(prompt->text, width) + "\n\n";
  if (replacing) {
    shown += "The entry now reads:\n\n";
    for_each_numbered_line(*replacing, [&](std::string_view line, std::size_t) {
      shown += wrap_paragraph(terminal_safe(line), width) + "\n";
    });
    shown += "\n";
  }
  shown += wrap_paragraph(std::string(replacing ? "Type its new text in full." : "Write your entry.") +
                              " To end it, press Enter and then Ctrl-D; to stop without saving, Ctrl-C.",
                          width) +
           "\n";
  report_line(shown);
  // The terminal hands over a line at a time, and the end of input at
  // Ctrl-D on a line of its own.
  const StopOnInterrupt interrupt(stopped_unsaved);
  const std::string text = read_entry_input(STDIN_FILENO);
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end - start >= terminal_line_limit) {
      throw Error(Problem::usage,
                  fmt::format("a line you typed is {} bytes or longer, and the terminal may have cut it; nothing was "
                              "saved. For long lines, write in an editor (set EDITOR) or pipe the entry in",
                              terminal_line_limit));
    }
    start = end + 1;
  }
  return text;
}

std::string read_entry_input(int fd) {
  BoundedRead input = read_up_to(fd, journal_entry_limit + utf8_byte_order_mark.size());
  if (input.error != 0) {
    throw Error(Problem::io, fmt::format("cannot read the entry from stdin: {}", std::strerror(input.error)));
  }
  if (input.over_limit) {
    throw Error(Problem::usage, fmt::format("the entry on stdin is larger than {}, the most one entry may hold",
                                            describe_size(journal_entry_limit)));
  }
  return entry_text(input.text);
}

}  // namespace aa::cli
