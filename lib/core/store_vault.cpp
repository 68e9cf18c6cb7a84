// SPDX-License-Identifier: MIT
#include "aa/core/store_vault.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/io/age.hpp"
#include "store_file.hpp"

namespace aa {
namespace {

using store_file::is_there;
using store_file::OpenStore;
using store_file::PreparedFile;

constexpr std::string_view doing = "change the form of";

// One store's change, ready to be renamed into place.
struct Change {
  const LineStore* store = nullptr;
  OpenStore open;
  std::unique_ptr<PreparedFile> next;
  std::filesystem::path to;
};

// What a change makes of a store's plain text.
enum class Target { encrypted, plain };

// Locks every store that `wanted` picks, in order, and writes its new
// file; then renames each into place and takes the old files away.
template <typename Wanted>
std::vector<FormChange> change_all(std::span<const LineStore> stores, Target target, const Secret* passphrase,
                                   const LockWaitNotice& on_wait, Wanted wanted) {
  std::vector<Change> changes;
  for (const LineStore& store : stores) {
    auto open = store_file::open_store(store, PrivateAccess::replace, doing, on_wait);
    if (!open) continue;
    const std::string& text = store_file::text_of(*open, store);
    if (!wanted(*open)) continue;
    std::filesystem::path to = store.file;
    std::string bytes;
    if (target == Target::encrypted) {
      bytes = store_file::sealed(text, *passphrase,
                                 std::max(age::default_work_factor, open->encrypted ? open->work_factor : 0));
      to = encrypted_path(store.file);
    }
    auto next = std::make_unique<PreparedFile>(open->file.folder.get(), store,
                                               target == Target::encrypted ? std::string_view(bytes) : text, doing);
    Change change{&store, std::move(*open), std::move(next), std::move(to)};
    changes.push_back(std::move(change));
  }
  std::vector<FormChange> done;
  for (Change& change : changes) {
    const bool same_name = change.to == change.open.path;
    // A new name must be free: nothing can have taken it while we hold the
    // lock of the store's only form.
    if (!change.next->commit(change.to.filename().string(), same_name)) {
      store_file::cannot(doing, change.store->file, fmt::format("{} is there already", change.to.string()));
    }
  }
  for (Change& change : changes) {
    FormChange result{change.open.path, change.to, 0};
    if (change.to == change.open.path) {
      store_file::empty_replaced(change.open.file, change.open.path, doing);
    } else if (!change.open.encrypted) {
      result.shred_error = store_file::shred(change.open.file);
    } else {
      delete_private_file(change.open.file, change.open.path, doing);
    }
    done.push_back(std::move(result));
  }
  return done;
}

}  // namespace

StoreForm store_form(const LineStore& store) {
  const bool plain = is_there(store.file), encrypted = is_there(encrypted_path(store.file));
  if (plain && encrypted) return StoreForm::both;
  if (encrypted) return StoreForm::encrypted;
  return plain ? StoreForm::plain : StoreForm::absent;
}

std::filesystem::path current_file(const LineStore& store) {
  const StoreForm form = store_form(store);
  return form == StoreForm::encrypted || form == StoreForm::both ? encrypted_path(store.file) : store.file;
}

bool writes_encrypted(const LineStore& store) {
  const StoreForm form = store_form(store);
  if (form == StoreForm::absent) return store_file::encrypted_store_beside(store).has_value();
  return form != StoreForm::plain;
}

std::vector<FormChange> encrypt_stores(std::span<const LineStore> stores, const Secret& passphrase,
                                       const LockWaitNotice& on_wait) {
  return change_all(stores, Target::encrypted, &passphrase, on_wait,
                    [](const OpenStore& open) { return !open.encrypted; });
}

std::vector<FormChange> decrypt_stores(std::span<const LineStore> stores, const LockWaitNotice& on_wait) {
  return change_all(stores, Target::plain, nullptr, on_wait, [](const OpenStore& open) { return open.encrypted; });
}

std::vector<FormChange> change_passphrase(std::span<const LineStore> stores, const Secret& passphrase,
                                          const LockWaitNotice& on_wait) {
  return change_all(stores, Target::encrypted, &passphrase, on_wait,
                    [](const OpenStore& open) { return open.encrypted; });
}

}  // namespace aa
