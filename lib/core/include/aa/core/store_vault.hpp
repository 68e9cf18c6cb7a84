// SPDX-License-Identifier: MIT
// Changing the form of the stores, as aa-vault does: plain to encrypted,
// encrypted to plain, and from one passphrase to another.
//
// Each change is all or nothing over all the stores it is given: every
// store is locked, and its new file written in full and synced under a
// temporary name, before any is renamed into place; only then are the old
// files taken away (a plain one is overwritten with zeros first). A failure
// before the renames leaves every store as it was; a kill between them
// leaves each store whole, in its old form or its new one (store_file.hpp
// says how a run that finds both settles it).
#pragma once

#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

#include "aa/core/line_store.hpp"
#include "aa/io/secret.hpp"

namespace aa {

enum class StoreForm { absent, plain, encrypted, both };

// The form of `store`, by the names in its folder: no lock, no passphrase.
// `both` is a change of form under way, or one that was killed.
StoreForm store_form(const LineStore& store);

// The file that holds `store` now: its age file when it is encrypted (or
// both are there), else its own.
std::filesystem::path current_file(const LineStore& store);

// Whether what is written to `store` next is encrypted: it is, or it is
// not there yet and another store in its folder is.
bool writes_encrypted(const LineStore& store);

// One store whose form changed.
struct FormChange {
  std::filesystem::path from, to;
  int shred_error = 0;  // errno of overwriting the old plain file, else 0
};

// Encrypts each plain store for `passphrase`, at the default work factor.
// A store that is encrypted already is left as it is, but must open with
// store_passphrase(), which must be `passphrase`: all stores share one.
std::vector<FormChange> encrypt_stores(std::span<const LineStore> stores, const Secret& passphrase,
                                       const LockWaitNotice& on_wait = {});

// Decrypts each encrypted store, opened with store_passphrase().
std::vector<FormChange> decrypt_stores(std::span<const LineStore> stores, const LockWaitNotice& on_wait = {});

// Encrypts each encrypted store anew for `passphrase` (opened with
// store_passphrase()), at the default work factor or the file's own if it
// is higher.
std::vector<FormChange> change_passphrase(std::span<const LineStore> stores, const Secret& passphrase,
                                          const LockWaitNotice& on_wait = {});

}  // namespace aa
