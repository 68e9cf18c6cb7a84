// SPDX-License-Identifier: MIT
#include "aa/journal_input.hpp"

#include <cstring>
#include <optional>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/cli.hpp"
#include "aa/editor.hpp"
#include "aa/error.hpp"
#include "aa/io.hpp"
#include "aa/journal.hpp"
#include "aa/output.hpp"
#include "aa/text.hpp"

namespace aa::cli {
namespace {

// Room for the comments and whatever an editor adds, above an entry's limit.
constexpr std::size_t draft_limit = journal_entry_limit + 64 * 1024;

std::string kept_at(const std::filesystem::path& draft) {
  return fmt::format("nothing was saved; what you wrote is kept in {}", terminal_safe(draft.string()));
}

}  // namespace

std::string EditedDraft::keep_draft() {
  if (removal) removal->keep();
  return kept_at(path);
}

EditedDraft write_in_editor(const std::string& editor, const std::filesystem::path& folder, const Prompt* prompt) {
  ScratchFile draft = create_scratch_file(folder, "journal-draft-", ".txt", "write a draft in");
  EditedDraft edited{"", draft.path, std::make_unique<DraftRemoval>(draft.path)};
  DraftRemoval& removal = *edited.removal;
  write_all(draft.file.get(), draft_template(prompt));
  if (draft.file.close() != 0) {
    throw Error(Problem::io, fmt::format("cannot write {}: {}", draft.path.string(), std::strerror(errno)));
  }
  if (const auto problem = run_editor(editor, draft.path)) {
    // The editor may have saved something before it failed: keep it.
    std::string written;
    try {
      written = entry_text_from_draft(read_regular_file(draft.path, draft_limit).value_or(""));
    } catch (const Error&) {
      written = "?";  // unreadable or odd: better kept than lost
    }
    std::string message = fmt::format("the editor '{}' {}", printable(editor), *problem);
    if (written.empty()) {
      message += "; nothing was saved";
    } else {
      removal.keep();
      message += "; " + kept_at(draft.path);
    }
    throw Error(Problem::io, message);
  }
  try {
    // The editor may have put a new file in place of ours: read whatever
    // is there now by the same rules as any file we read.
    const auto text = read_regular_file(draft.path, draft_limit);
    edited.text = entry_text_from_draft(text.value_or(""));
    return edited;
  } catch (const Error& error) {
    if (error.code() == Problem::usage) removal.keep();
    throw Error(error.code(), error.code() == Problem::usage ? fmt::format("{}; {}", error.what(), kept_at(draft.path))
                                                             : std::string(error.what()));
  }
}

std::string type_at_terminal(const Prompt* prompt, std::size_t width) {
  std::string shown;
  if (prompt) shown += wrap_paragraph(prompt->text, width) + "\n\n";
  shown += wrap_paragraph("Write your entry. To end it, press Enter and then Ctrl-D; to stop without saving, Ctrl-C.",
                          width) +
           "\n";
  report_line(shown);
  // The terminal hands over a line at a time, and the end of input at
  // Ctrl-D on a line of its own.
  return read_entry_input(STDIN_FILENO);
}

std::string read_entry_input(int fd) {
  BoundedRead input = read_up_to(fd, journal_entry_limit);
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
