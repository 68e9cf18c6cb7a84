// SPDX-License-Identifier: MIT
// aa-journal --delete ID and --forget: one entry, or the whole journal with
// the drafts kept beside it, each after asking.
#include <fmt/core.h>

#include "aa/cli/deletion_prompt.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/content/text.hpp"
#include "aa/core/date.hpp"
#include "aa/core/journal_store.hpp"
#include "aa/core/names.hpp"
#include "aa/core/render_journal.hpp"
#include "aa/core/store_vault.hpp"
#include "aa/io/io.hpp"
#include "journal/flows.hpp"

namespace aa::cli {

int delete_entry(const JournalOptions& o, const Output& output) {
  const std::filesystem::path file = journal_file();
  const Journal journal = read_entries(file);
  const JournalEntry& entry = entry_named(journal, o.remove);
  const std::uint64_t id = entry.id;
  const std::string first_line = entry.text.substr(0, entry.text.find('\n'));
  const DeletionQuestion ask{"--delete", o.yes,
                             fmt::format("Entry {}, written {}:\n  {}\n", id, terminal_safe(readable_time(entry.time)),
                                         printable(first_line, 200)),
                             "Delete it? This cannot be undone."};
  return delete_after_asking(journal_program, output, ask, fmt::format("entry {} was deleted all the same", id), [&] {
    if (!delete_journal_entry(file, id, waiting_notice(journal_program, file))) {
      // Gone between the question and the deletion: another run took it.
      throw NameNotFound(Names::entries, o.remove, {}, false, fmt::format("there is no entry {}", id));
    }
    if (output.format == Format::json) return deleted_entry_json(id, file.string());
    return fmt::format("Deleted entry {}.\n", id);
  });
}

int forget_journal(const JournalOptions& o, const Output& output) {
  const std::filesystem::path file = journal_file();
  constexpr ForgetWords words = {"your journal", "There is no journal to delete.\n", "other file", "other files",
                                 "that held your writing (kept drafts, their backups, leftovers)"};
  const bool json = output.format == Format::json;
  DeletionQuestion ask{"--forget", o.yes, "", "Delete it? This cannot be undone."};
  if (!o.yes) {
    // Looking refuses what deleting would refuse, before anyone is asked. A
    // journal too large to read can be deleted all the same.
    const std::filesystem::path stored = current_file({file, journal_file_limit});
    const auto size = private_file_size(stored, "delete");
    const std::vector<std::string> leftovers = journal_leftovers(file);
    if (!size && leftovers.empty()) {
      emit(forgotten_notice({}, file, json, words), output.terminal, false, journal_program);
      return 0;
    }
    if (size && stored != file) {
      // Counting would need the passphrase, which deleting does not.
      ask.question = "Delete it? It is encrypted, so its entries are not counted. This cannot be undone.";
    } else if (size && *size <= journal_file_limit) {
      const std::size_t count = read_journal(file, waiting_notice(journal_program, file)).entries.size();
      ask.question = fmt::format("Delete it ({} entr{})? This cannot be undone.", count, count == 1 ? "y" : "ies");
    } else if (size) {
      ask.question = fmt::format(
          "Delete it? It is larger than {}, too large to count its entries. This cannot be "
          "undone.",
          describe_size(journal_file_limit));
    }
    if (size) ask.about = fmt::format("Your journal is in\n  {}\n", terminal_safe(stored.string()));
    if (!leftovers.empty()) {
      ask.about +=
          fmt::format("{} other file{} in its folder hold{} your writing (kept drafts, their backups, leftovers).\n",
                      leftovers.size(), leftovers.size() == 1 ? "" : "s", leftovers.size() == 1 ? "s" : "");
      if (!size) ask.question = "Delete them? This cannot be undone.";
    }
  }
  return delete_after_asking(journal_program, output, ask, "the journal was deleted all the same", [&] {
    return forgotten_notice(aa::forget_journal(file, waiting_notice(journal_program, file)), file, json, words);
  });
}

}  // namespace aa::cli
