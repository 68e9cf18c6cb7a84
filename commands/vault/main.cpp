// SPDX-License-Identifier: MIT
// aa-vault: the journal and the check history encrypted at rest, as age
// files that Debian's `age -d` opens too.
#include <cstring>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/cli/cli_options.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/passphrase.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/core/history.hpp"
#include "aa/core/journal.hpp"
#include "aa/core/store_vault.hpp"

namespace {

constexpr std::string_view program = "aa-vault";

struct Store {
  std::string_view name;   // as `status` prints it
  std::string_view words;  // as the messages say it
  aa::LineStore store;
};

std::vector<Store> stores() {
  return {{"journal", "your journal", {aa::cli::journal_file(), aa::journal_file_limit}},
          {"checks", "your check history", {aa::cli::history_file(), aa::history_file_limit}}};
}

std::vector<aa::LineStore> line_stores(const std::vector<Store>& all) {
  std::vector<aa::LineStore> result;
  for (const Store& store : all) result.push_back(store.store);
  return result;
}

std::string_view form_word(aa::StoreForm form) {
  switch (form) {
    case aa::StoreForm::absent: return "absent";
    case aa::StoreForm::plain: return "plain";
    case aa::StoreForm::encrypted: return "encrypted";
    case aa::StoreForm::both: return "both";
  }
  return "";
}

bool any_in(const std::vector<Store>& all, aa::StoreForm form) {
  for (const Store& store : all) {
    const aa::StoreForm found = aa::store_form(store.store);
    if (found == form || (found == aa::StoreForm::both && form != aa::StoreForm::absent)) return true;
  }
  return false;
}

int status() {
  std::string out;
  for (const Store& store : stores()) {
    const aa::StoreForm form = aa::store_form(store.store);
    const auto file = form == aa::StoreForm::plain ? store.store.file : aa::encrypted_path(store.store.file);
    out += fmt::format("{}\t{}\t{}\n", store.name, form_word(form),
                       form == aa::StoreForm::absent ? store.store.file.string() : file.string());
  }
  aa::write_all(STDOUT_FILENO, out);
  return 0;
}

// Says what changed: a line for each store, and a warning when the old
// plain file could not be overwritten.
int report(const std::vector<Store>& all, const std::vector<aa::FormChange>& changes, std::string_view verb) {
  std::string out;
  for (const aa::FormChange& change : changes) {
    for (const Store& store : all) {
      if (change.from.parent_path() == store.store.file.parent_path() &&
          (change.from == store.store.file || change.from == aa::encrypted_path(store.store.file))) {
        out += fmt::format("{} {}: {}\n", verb, store.words, change.to.string());
      }
    }
    if (change.shred_error != 0) {
      aa::cli::report_warning(program, fmt::format("{} is gone, but overwriting it failed: {}", change.from.string(),
                                                   std::strerror(change.shred_error)));
    }
  }
  aa::write_all(STDOUT_FILENO, out);
  return 0;
}

int encrypt() {
  const auto all = stores();
  const bool plain = any_in(all, aa::StoreForm::plain), encrypted = any_in(all, aa::StoreForm::encrypted);
  if (!plain && encrypted) {
    aa::write_all(STDOUT_FILENO, "Your stores are encrypted already; nothing was changed.\n");
    return 0;
  }
  // One passphrase for all: the one of a store that is encrypted already.
  std::optional<aa::Secret> fresh;
  if (!encrypted) fresh.emplace(aa::cli::read_new_passphrase());
  const aa::Secret& passphrase = fresh ? *fresh : aa::store_passphrase();
  // No store yet: an empty journal, so that all that is written from now on
  // is encrypted (a new store beside an encrypted one is).
  if (!plain && !encrypted) (void)aa::open_private_file(all.front().store.file, aa::PrivateAccess::append, "encrypt");
  const auto changes = aa::encrypt_stores(line_stores(all), passphrase,
                                          aa::cli::waiting_notice(program, all.front().store.file.parent_path()));
  return report(all, changes, "Encrypted");
}

int decrypt() {
  const auto all = stores();
  if (!any_in(all, aa::StoreForm::encrypted)) {
    aa::write_all(STDOUT_FILENO, "Your stores are not encrypted; nothing was changed.\n");
    return 0;
  }
  const auto changes =
      aa::decrypt_stores(line_stores(all), aa::cli::waiting_notice(program, all.front().store.file.parent_path()));
  return report(all, changes, "Decrypted");
}

int change_passphrase() {
  const auto all = stores();
  if (!any_in(all, aa::StoreForm::encrypted)) {
    aa::cli::report_line("There is no encrypted store; `aa-vault encrypt` makes them.\n");
    return aa::cli::exit_status(aa::Problem::not_found);
  }
  (void)aa::store_passphrase();  // the old one, asked before the new
  const aa::Secret passphrase = aa::cli::read_new_passphrase();
  const auto changes = aa::change_passphrase(line_stores(all), passphrase,
                                             aa::cli::waiting_notice(program, all.front().store.file.parent_path()));
  return report(all, changes, "New passphrase for");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Keep your journal and check history encrypted on disk, as age files that `age -d` opens too. The "
      "passphrase comes from AA_PASSPHRASE_FD, AA_PASSPHRASE_COMMAND or the terminal."};
  aa::cli::describe(
      app, program,
      {
          {"Encrypt the journal and the history, with a new passphrase", "aa-vault encrypt"},
          {"Which store is in which form, and where", "aa-vault status"},
          {"Take the passphrase from a password manager", "AA_PASSPHRASE_COMMAND='pass show aa' aa-journal --list"},
          {"Open the journal by hand, without aa", "age -d ~/.local/share/aa/journal.jsonl.age"},
      });
  app.require_subcommand(1, 1);
  std::vector<CLI::App*> subcommands = {
      app.add_subcommand("status", "For each store: plain, encrypted or absent, and its file"),
      app.add_subcommand("encrypt", "Encrypt the journal and the check history (a new passphrase, asked twice)"),
      app.add_subcommand("decrypt", "Make them plain files again"),
      app.add_subcommand("passphrase", "Change the passphrase (AA_NEW_PASSPHRASE_COMMAND, or asked twice)")};
  for (CLI::App* subcommand : subcommands) aa::cli::add_help_flag(*subcommand);
  app.footer(
      "Exit status: 0 success, 1 nothing to do, 2 usage error, 65 damaged encrypted file, "
      "70 out of memory, 74 read or write error, 77 wrong or missing passphrase. See "
      "aa-vault(1) for more.");
  std::exit(aa::cli::run(program, app, argc, argv, [&] {
    if (subcommands[0]->parsed()) return status();
    if (subcommands[1]->parsed()) return encrypt();
    if (subcommands[2]->parsed()) return decrypt();
    return change_passphrase();
  }));
}
