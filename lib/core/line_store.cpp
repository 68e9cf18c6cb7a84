// SPDX-License-Identifier: MIT
#include "aa/core/line_store.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aa/io/age.hpp"
#include "aa/io/error.hpp"
#include "aa/io/secret.hpp"
#include "store_file.hpp"

namespace aa {
namespace {

using store_file::cannot;
using store_file::empty_replaced;
using store_file::encrypted_store_beside;
using store_file::leftovers_of;
using store_file::open_store;
using store_file::OpenStore;
using store_file::PreparedFile;
using store_file::remove_leftovers;
using store_file::sealed;
using store_file::text_of;

[[noreturn]] void too_large(std::string_view doing, const LineStore& store) {
  cannot(doing, store.file,
         fmt::format("it would grow past {}, the most this file may hold", describe_size(store.limit)));
}

// `line` without its final newline; a newline inside would make two lines.
std::string_view one_line(std::string_view line) {
  if (line.ends_with('\n')) line.remove_suffix(1);
  if (line.find('\n') != std::string_view::npos) throw Error(Problem::internal, "a line of a store holds a newline");
  return line;
}

// Appends `text` (whole lines) to the store open as `store_file`, in one
// write, taking it back if it fails half-way.
void append_text(PrivateFile& store_file, const LineStore& store, std::string text, std::string_view doing) {
  const int fd = store_file.file.get();
  const off_t size = store_file.status.st_size;
  // A line edited by hand may have lost its newline; never glue a line to it.
  char last = '\n';
  if (size > 0 && ::pread(fd, &last, 1, size - 1) == 1 && last != '\n') text.insert(text.begin(), '\n');
  if (static_cast<std::uintmax_t>(size) + text.size() > store.limit) too_large(doing, store);
  // One write: the lock keeps other writers out, O_APPEND puts it at the
  // end. A short one (a full disk, RLIMIT_FSIZE) is followed by another,
  // whose failure names the real reason.
  if (!write_everything(fd, text)) {
    const int error = errno;
    // Take back a partial line, so the file holds whole lines only.
    if (::ftruncate(fd, size) != 0) {
      // Nothing more can be done here; the write error below says what went wrong.
    }
    cannot(doing, store.file, std::strerror(error));
  }
  if (::fsync(fd) != 0 || store_file.file.close() != 0) cannot(doing, store.file, std::strerror(errno));
}

// The lines of `text` that `drop` keeps, each ended by a newline, and how
// many went.
std::size_t keep_lines(std::string_view text, const LineFilter& drop, std::string& kept) {
  std::size_t dropped = 0;
  for_each_numbered_line(text, [&](std::string_view line, std::size_t) {
    if (drop(line)) {
      ++dropped;
    } else {
      kept.append(line);
      kept.push_back('\n');
    }
  });
  return dropped;
}

// The lines, each ended by a newline.
std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) {
    text.append(one_line(line));
    text.push_back('\n');
  }
  return text;
}

// Writes `text` as the store's new content, in the form it is in: to a new
// file beside it, synced, renamed over it, the old one emptied.
void replace_store(OpenStore& open, const LineStore& store, std::string_view text, std::string_view doing) {
  if (text.size() > store.limit) too_large(doing, store);
  const int folder = open.file.folder.get();
  remove_leftovers(folder, store, doing);
  std::string encrypted;
  if (open.encrypted) encrypted = sealed(text, store_passphrase(), open.work_factor);
  PreparedFile next(folder, store, open.encrypted ? std::string_view(encrypted) : text, doing);
  next.commit(open.file.name, true);
  // The old file may live on through another hard link: nothing taken out
  // may stay there. The runs waiting for its lock will find the new one.
  empty_replaced(open.file, open.path, doing);
}

// A new store in a folder whose other stores are encrypted: encrypted too,
// with the passphrase that opens them. False when another run made it first.
bool create_encrypted(const LineStore& store, const std::filesystem::path& sibling, std::string_view text,
                      std::string_view doing) {
  auto folder = open_folder_of_private_file(store.file, doing);
  if (!folder) cannot(doing, store.file, "its folder went away");
  const Secret& passphrase = store_passphrase();
  const std::optional<std::string> other = read_regular_file(sibling, std::size_t{128} << 20);
  if (other) {
    try {
      (void)age::open(*other, passphrase.view());
    } catch (const age::AgeError& error) {
      throw Error(error.code(), fmt::format("cannot open {}: {}", sibling.string(), error.what()));
    }
  }
  PreparedFile next(folder->get(), store, sealed(text, passphrase, age::default_work_factor), doing);
  return next.commit(encrypted_path(store.file).filename().string(), false);
}

}  // namespace

std::filesystem::path encrypted_path(const std::filesystem::path& file) {
  std::filesystem::path encrypted = file;
  encrypted += ".age";
  return encrypted;
}

void append_line(const LineStore& store, std::string_view line, std::string_view doing, const LockWaitNotice& on_wait) {
  const std::string whole(one_line(line));
  append_lines(
      store, [&](std::string_view) { return std::vector<std::string>{whole}; }, doing, on_wait);
}

std::size_t append_lines(const LineStore& store, const LinesToAppend& choose, std::string_view doing,
                         const LockWaitNotice& on_wait) {
  // Only a store that exists can be looked at without creating it; for one
  // that does not, the choice is made on "" and the file made only if needed.
  std::optional<OpenStore> open = open_store(store, PrivateAccess::replace, doing, on_wait);
  if (open && open->encrypted) {
    // An age file cannot grow at its end: it is written anew, whole.
    std::string text = text_of(*open, store);
    const std::vector<std::string> lines = choose(text);
    if (lines.empty()) return 0;
    if (!text.empty() && !text.ends_with('\n')) text.push_back('\n');
    text += joined(lines);
    replace_store(*open, store, text, doing);
    return lines.size();
  }
  if (!open) {
    const std::vector<std::string> lines = choose("");
    if (lines.empty()) return 0;
    if (const auto sibling = encrypted_store_beside(store)) {
      if (create_encrypted(store, *sibling, joined(lines), doing)) return lines.size();
      return append_lines(store, choose, doing, on_wait);
    }
    open = open_store(store, PrivateAccess::append, doing, on_wait);
    // Another run made the store meanwhile: choose again on what it holds.
    if (open->encrypted || open->file.status.st_size != 0) {
      open.reset();
      return append_lines(store, choose, doing, on_wait);
    }
    append_text(open->file, store, joined(lines), doing);
    return lines.size();
  }
  const std::vector<std::string> lines = choose(text_of(*open, store));
  if (lines.empty()) return 0;
  // A store opened for replace has no O_APPEND: the write goes where the
  // offset is, which is the end, and nobody else writes while we hold the lock.
  if (::lseek(open->file.file.get(), 0, SEEK_END) < 0) cannot(doing, store.file, std::strerror(errno));
  append_text(open->file, store, joined(lines), doing);
  return lines.size();
}

std::string read_store(const LineStore& store, const LockWaitNotice& on_wait) {
  // A shared lock: an append or a deletion in progress finishes before we read.
  auto open = open_store(store, PrivateAccess::read, "read", on_wait);
  if (!open) return {};
  text_of(*open, store);
  return std::move(*open->text);
}

Forgotten forget_store(const LineStore& store, std::string_view doing, const LockWaitNotice& on_wait,
                       const NameFilter& also) {
  Forgotten forgotten;
  // The exclusive lock waits for an append in progress, so that it is not lost half-way.
  auto open = open_store(store, PrivateAccess::replace, doing, on_wait);
  if (open) {
    delete_private_file(open->file, open->path, doing);
    forgotten.store = true;
    forgotten.file = open->path;
    forgotten.leftovers = remove_leftovers(open->file.folder.get(), store, doing, also);
    return forgotten;
  }
  // No store: what a killed run or an editor left may be there all the same.
  if (auto folder = open_folder_of_private_file(store.file, doing)) {
    forgotten.leftovers = remove_leftovers(folder->get(), store, doing, also);
  }
  return forgotten;
}

std::vector<std::string> store_leftovers(const LineStore& store, const NameFilter& also) {
  auto folder = open_folder_of_private_file(store.file, "read");
  if (!folder) return {};
  return names_in_folder(folder->get(), leftovers_of(store, also), "read", store.file.parent_path());
}

bool rewrite_store(const LineStore& store, const Rewrite& rewrite, std::string_view doing,
                   const LockWaitNotice& on_wait) {
  auto open = open_store(store, PrivateAccess::replace, doing, on_wait);
  if (!open) return false;
  const std::optional<std::string> text = rewrite(text_of(*open, store));
  if (!text) return false;
  replace_store(*open, store, *text, doing);
  return true;
}
std::size_t remove_lines(const LineStore& store, const LineFilter& drop, std::string_view doing,
                         const LockWaitNotice& on_wait) {
  std::size_t dropped = 0;
  rewrite_store(
      store,
      [&](std::string_view text) -> std::optional<std::string> {
        std::string kept;
        dropped = keep_lines(text, drop, kept);
        if (dropped == 0) return std::nullopt;
        return kept;
      },
      doing, on_wait);
  return dropped;
}

}  // namespace aa
