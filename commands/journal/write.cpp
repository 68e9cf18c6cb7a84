// SPDX-License-Identifier: MIT
// aa-journal's new entry: written in the editor, typed at the terminal,
// piped in, or saved from a kept draft (--draft FILE).
#include <ctime>
#include <new>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/cli/prompt.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/core/date.hpp"
#include "aa/core/journal_store.hpp"
#include "aa/core/prompts.hpp"
#include "aa/core/render_journal.hpp"
#include "aa/core/store_vault.hpp"
#include "journal/editor.hpp"
#include "journal/flows.hpp"
#include "journal/journal_input.hpp"

namespace aa::cli {
namespace {

// The prompt a new entry answers: --prompt-id, none with --no-prompt, else today's.
const Prompt* prompt_for_entry(const JournalOptions& o, const Content& content) {
  if (o.no_prompt) return nullptr;
  if (!o.prompt_id.empty()) return &find_prompt(content.prompts, o.prompt_id);
  return &daily_prompt(content.prompts, local_today());
}

JournalEntry append_entry(std::string text, const Prompt* prompt, std::vector<std::string> tags) {
  const std::filesystem::path file = journal_file();
  JournalEntry entry;
  entry.time = format_local_time(local_time_of(std::time(nullptr)));
  entry.prompt = prompt ? std::string(prompt->id) : "";
  entry.text = std::move(text);
  entry.tags = std::move(tags);
  return append_journal_entry(file, std::move(entry), waiting_notice(journal_program, file));
}

// Says that `entry` was saved. A failure to say so does not take back the
// entry: the error says that it was saved, with its id, so that a script
// does not save it twice.
int confirm_saved(const JournalEntry& entry, const Content& content, const Output& output) {
  const std::string notice =
      output.format == Format::json
          ? saved_entry_json(entry, content.prompts, current_file({journal_file(), journal_file_limit}).string())
          : fmt::format("Saved entry {} in your journal.\n", entry.id);
  emit_after_change(notice, output.terminal, journal_program, fmt::format("entry {} was saved all the same", entry.id));
  return 0;
}

int save_entry(std::string text, const Prompt* prompt, std::vector<std::string> tags, const Content& content,
               const Output& output) {
  if (text.empty()) {
    report_line("The entry is empty: nothing was saved.\n");
    return exit_status(Problem::not_found);
  }
  return confirm_saved(append_entry(std::move(text), prompt, std::move(tags)), content, output);
}

// --draft FILE: a draft kept when an entry could not be saved.
int save_kept_draft(const JournalOptions& o, const Content& content, const Output& output) {
  const Prompt* prompt = prompt_for_entry(o, content);
  std::vector<std::string> tags = chosen_tags(o);
  const std::filesystem::path draft = o.draft;
  std::string text = read_kept_draft(draft, prompt);
  if (text.empty()) return save_entry("", prompt, {}, content, output);
  const JournalEntry entry = append_entry(std::move(text), prompt, std::move(tags));
  remove_saved_draft(draft);
  return confirm_saved(entry, content, output);
}

}  // namespace

std::vector<std::string> chosen_tags(const JournalOptions& o) { return typed_tags(o.tags); }

std::filesystem::path draft_folder(bool encrypted) {
  if (!encrypted) return journal_file().parent_path();
  const auto folder = memory_draft_folder(environment_variable("XDG_RUNTIME_DIR"));
  if (!folder) {
    throw Error(Problem::io,
                "your journal is encrypted, and there is no folder in memory (tmpfs) for the editor's draft: "
                "neither $XDG_RUNTIME_DIR nor /dev/shm is one; type the entry (with VISUAL and EDITOR unset) or "
                "pipe it in");
  }
  return *folder;
}

void remove_saved_draft(const std::filesystem::path& draft) {
  std::error_code ignored;
  const auto in = [&](const std::optional<std::filesystem::path>& folder) {
    return folder &&
           std::filesystem::equivalent(std::filesystem::absolute(draft, ignored).parent_path(), *folder, ignored);
  };
  if (draft.filename().string().starts_with(draft_stem) &&
      (in(journal_file().parent_path()) || in(memory_draft_folder(environment_variable("XDG_RUNTIME_DIR"))))) {
    std::filesystem::remove(draft, ignored);
  }
}

int write_entry(const JournalOptions& o, const Content& content, const Output& output) {
  require_format(output.format, Printout::notice, "a new entry");
  if (!o.draft.empty()) return save_kept_draft(o, content, output);
  const Prompt* prompt = prompt_for_entry(o, content);
  // Refused before anything is read or written.
  std::vector<std::string> tags = chosen_tags(o);
  // The passphrase first, before anything is written: it may come on stdin,
  // ahead of the entry.
  const bool encrypted = writes_encrypted({journal_file(), journal_file_limit});
  if (encrypted) (void)store_passphrase();
  if (!output.terminal.stdin_is_tty) {
    return save_entry(read_entry_input(STDIN_FILENO), prompt, std::move(tags), content, output);
  }
  const auto editor = chosen_editor();
  if (!editor) return save_entry(type_at_terminal(prompt, stderr_width()), prompt, std::move(tags), content, output);
  // The options that save a kept draft for the same prompt.
  const std::string save_options = prompt ? fmt::format("--prompt-id {}", prompt->id) : "--no-prompt";
  const auto draft = write_in_editor(*editor, draft_folder(encrypted), prompt, save_options);
  if (draft->text.empty()) {
    draft->discard();
    return save_entry("", prompt, {}, content, output);
  }
  JournalEntry entry;
  try {
    entry = append_entry(draft->text, prompt, std::move(tags));
  } catch (const Error& error) {
    throw Error(error.code(), fmt::format("{}; {}", error.what(), draft->kept_words()));
  } catch (const std::bad_alloc&) {
    throw Error(Problem::internal, fmt::format("out of memory; {}", draft->kept_words()));
  }
  draft->discard();
  return confirm_saved(entry, content, output);
}

}  // namespace aa::cli
