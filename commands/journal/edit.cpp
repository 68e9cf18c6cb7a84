// SPDX-License-Identifier: MIT
// aa-journal --edit ID: an entry's new text, written in the editor on its
// old one, typed at the terminal, piped in, or saved from a kept draft
// (--edit ID --draft FILE). The entry keeps its id, time, prompt and
// exercise; its tags too, unless --tag gives others.
#include <new>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/cli/terminal.hpp"
#include "aa/core/journal_store.hpp"
#include "aa/core/render_journal.hpp"
#include "aa/core/store_vault.hpp"
#include "journal/editor.hpp"
#include "journal/flows.hpp"
#include "journal/journal_input.hpp"

namespace aa::cli {
namespace {

// The prompt the entry answers, as the content has it; nullptr for a free
// entry or a prompt the content no longer has.
const Prompt* prompt_of(const JournalEntry& entry, const Content& content) {
  for (const Prompt& prompt : content.prompts) {
    if (!entry.prompt.empty() && prompt.id == entry.prompt) return &prompt;
  }
  return nullptr;
}

// The tags the entry is to have: its own, unless --tag gives others; a
// single empty --tag '' takes them all away.
std::vector<std::string> tags_after_edit(const JournalOptions& o, const JournalEntry& entry) {
  if (o.tags.empty()) return entry.tags;
  if (o.tags.size() == 1 && o.tags[0].empty()) return {};
  return chosen_tags(o);
}

// Puts `after` in place of `before`; the error says why it could not.
void replace(const JournalEntry& before, const JournalEntry& after) {
  const std::filesystem::path file = journal_file();
  switch (replace_journal_entry(file, before, after, waiting_notice(journal_program, file))) {
    case Replaced::done: return;
    case Replaced::missing:
      throw Error(Problem::not_found, fmt::format("there is no entry {} any more: another run deleted it", before.id));
    case Replaced::changed:
      throw Error(Problem::io, fmt::format("cannot save entry {}: another run changed it while you edited it; run "
                                           "'aa-journal --show {}' to see it now",
                                           before.id, before.id));
  }
}

int confirm_edited(const JournalEntry& entry, bool changed, const Content& content, const Output& output) {
  std::string notice;
  if (output.format == Format::json) {
    notice =
        edited_entry_json(entry, changed, content.prompts, current_file({journal_file(), journal_file_limit}).string());
  } else if (changed) {
    notice = fmt::format("Saved your changes to entry {}.\n", entry.id);
  } else {
    notice = fmt::format("Entry {} is unchanged: nothing was saved.\n", entry.id);
  }
  emit_after_change(notice, output.terminal, journal_program,
                    changed ? fmt::format("entry {} was saved all the same", entry.id) : "nothing was changed");
  return 0;
}

// What is to be done with the new text: nothing when it is empty (exit 1)
// or the same as before (exit 0), else the entry replaced. `kept` words
// where a draft is kept, for an error while saving.
int save_edit(const JournalEntry& before, JournalEntry after, const std::string& kept, const Content& content,
              const Output& output) {
  if (after.text.empty()) {
    report_line(fmt::format("The entry is empty: entry {0} is kept as it was; to delete it: aa-journal --delete {0}\n",
                            before.id));
    return exit_status(Problem::not_found);
  }
  if (after.text == before.text && after.tags == before.tags) return confirm_edited(before, false, content, output);
  try {
    replace(before, after);
  } catch (const Error& error) {
    if (kept.empty()) throw;
    throw Error(error.code(), fmt::format("{}; {}", error.what(), kept));
  } catch (const std::bad_alloc&) {
    if (kept.empty()) throw;
    throw Error(Problem::internal, fmt::format("out of memory; {}", kept));
  }
  return confirm_edited(after, true, content, output);
}

}  // namespace

int edit_entry(const JournalOptions& o, const Content& content, const Output& output) {
  require_format(output.format, Printout::notice, "--edit");
  const std::filesystem::path file = journal_file();
  // The passphrase, when the journal is encrypted, comes before the text
  // on stdin: reading the journal asks for it first.
  const Journal journal = read_entries(file);
  const JournalEntry& before = entry_named(journal, o.edit);
  JournalEntry after = before;
  after.tags = tags_after_edit(o, before);
  const Prompt* prompt = prompt_of(before, content);
  const DraftFor purpose = before.exercise ? DraftFor::edit_exercise : DraftFor::edit;

  if (!o.draft.empty()) {
    after.text = read_kept_draft(o.draft, prompt, purpose);
    const int status = save_edit(before, std::move(after), "", content, output);
    if (status == 0) remove_saved_draft(o.draft);
    return status;
  }
  if (!output.terminal.stdin_is_tty) {
    after.text = read_entry_input(STDIN_FILENO);
    return save_edit(before, std::move(after), "", content, output);
  }
  const auto editor = chosen_editor();
  if (!editor) {
    after.text = type_at_terminal(prompt, stderr_width(), &before.text);
    return save_edit(before, std::move(after), "", content, output);
  }
  const bool encrypted = writes_encrypted({file, journal_file_limit});
  const auto draft = write_in_editor(*editor, draft_folder(encrypted), prompt, fmt::format("--edit {}", before.id),
                                     before.text, purpose);
  after.text = draft->text;
  const int status = save_edit(before, std::move(after), draft->kept_words(), content, output);
  draft->discard();
  return status;
}

}  // namespace aa::cli
