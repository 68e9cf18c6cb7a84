// SPDX-License-Identifier: MIT
// A store in either of its forms, for line_store.cpp (which reads and
// changes its lines) and store_vault.cpp (which changes its form): the plain
// file (journal.jsonl), or the age file beside it (journal.jsonl.age).
// Both are private files (io.hpp), and the lock is taken on the file of the
// form the store is in.
//
// A change of form writes the new file in full under a temporary name,
// renames it into place, then removes the old one, holding the old one's
// lock throughout. Between the rename and the removal both forms are there,
// holding the same lines. A run that finds both therefore takes the lock of
// the plain file too: if a change of form is under way, it waits for it to
// end; if one was killed there, the plain file is removed once it is known
// to hold what the encrypted one holds. Either way the store is in one form
// again, and nothing is lost.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "aa/core/line_store.hpp"
#include "aa/io/age.hpp"
#include "aa/io/io.hpp"
#include "aa/io/secret.hpp"
#include "aa/io/signal_cleanup.hpp"

namespace aa::store_file {

// Whether anything has the name `path` (a link to nowhere too).
bool is_there(const std::filesystem::path& path);

[[noreturn]] void cannot(std::string_view doing, const std::filesystem::path& file, std::string_view reason);

// A store, open and locked in the form it is in.
struct OpenStore {
  PrivateFile file;
  std::filesystem::path path;  // the file open: the store's own, or its .age
  bool encrypted = false;
  std::optional<std::string> text;             // its plain text, once read
  int work_factor = age::default_work_factor;  // of the age file, once read
};

// Opens the store in the form it is in: with a shared lock for read, an
// exclusive one for replace; append is replace for an encrypted store, and
// makes a plain store when there is none. nullopt when there is none.
std::optional<OpenStore> open_store(const LineStore& store, PrivateAccess access, std::string_view doing,
                                    const LockWaitNotice& on_wait);

// An encrypted store (of any name) in the folder of `store`, if there is
// one: a new store there is made encrypted too, with its passphrase.
std::optional<std::filesystem::path> encrypted_store_beside(const LineStore& store);

// The store's plain text: read once, and opened with store_passphrase()
// when it is encrypted. A wrong passphrase is Error(Problem::passphrase), a
// damaged file Error(Problem::data); both name the file.
const std::string& text_of(OpenStore& open, const LineStore& store);

// `text` as the bytes of the store's file: itself, or an age file for
// `passphrase` when the store is encrypted.
std::string sealed(std::string_view text, const Secret& passphrase, int work_factor);

// A new version of one of the store's files, written in full and synced
// under a temporary name in `folder`, waiting to be renamed into place.
// Removed when it goes without having been, and if a signal ends the
// command meanwhile.
class PreparedFile {
 public:
  PreparedFile(int folder, const LineStore& store, std::string_view bytes, std::string_view doing);
  ~PreparedFile();
  PreparedFile(const PreparedFile&) = delete;
  PreparedFile& operator=(const PreparedFile&) = delete;

  // Renames it to `name`: over what is there with `replace`, else only if
  // nothing is (false when something is). Then syncs the folder, so that
  // the name lasts.
  bool commit(const std::string& name, bool replace);

 private:
  int folder_;
  std::filesystem::path shown_as_;
  std::string doing_;
  std::string temporary_;
  std::unique_ptr<RemovedOnSignal> guard_;
  bool committed_ = false;
};

// Removes the temporary copies that runs killed on the way left beside the
// store (ours are removed on every other way out); `also` picks more.
std::vector<std::string> remove_leftovers(int folder, const LineStore& store, std::string_view doing,
                                          const NameFilter& also = {});

// Whether `name` is one of those copies, or one `also` picks.
NameFilter leftovers_of(const LineStore& store, const NameFilter& also);

// Empties the old file of a store that a new one replaced, so that nothing
// taken out stays through another hard link.
void empty_replaced(PrivateFile& old, const std::filesystem::path& shown_as, std::string_view doing);

// Takes the plain file of a store away for good, once its lines are in the
// encrypted one: unlinked, then overwritten with zeros and synced, then
// emptied. Returns errno of an overwrite that failed (the file is gone all
// the same), else 0.
int shred(PrivateFile& plain);

}  // namespace aa::store_file
