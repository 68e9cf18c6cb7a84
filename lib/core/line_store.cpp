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

#include "aa/io/error.hpp"
#include "aa/io/signal_cleanup.hpp"

namespace aa {
namespace {

[[noreturn]] void cannot(std::string_view doing, const std::filesystem::path& file, std::string_view reason) {
  throw Error(Problem::io, fmt::format("cannot {} {}: {}", doing, file.string(), reason));
}

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

// Writes all of `data`, however many writes it takes; 0 or errno.
int write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (written == 0) return ENOSPC;
    data.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
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
  if (const int error = write_all(fd, text); error != 0) {
    // Take back a partial line, so the file holds whole lines only.
    if (::ftruncate(fd, size) != 0) {
      // Nothing more can be done here; the write error below says what went wrong.
    }
    cannot(doing, store.file, std::strerror(error));
  }
  if (::fsync(fd) != 0 || store_file.file.close() != 0) cannot(doing, store.file, std::strerror(errno));
}

// A rewrite's temporary copy of the store `name`: .NAME.PID-N.tmp.
std::string temporary_name(std::string_view name, unsigned attempt) {
  return fmt::format(".{}.{}-{}.tmp", name, ::getpid(), attempt);
}

// Whether `candidate` is a temporary copy of the store `name`, ours or
// one a killed run left.
bool is_temporary_of(std::string_view name, std::string_view candidate) {
  const std::string prefix = fmt::format(".{}.", name);
  return candidate.size() > prefix.size() + 4 && candidate.starts_with(prefix) && candidate.ends_with(".tmp");
}

// Picks the temporary copies of the store `name` and the names `also` picks.
NameFilter leftovers_of(const std::string& name, const NameFilter& also) {
  return [name, also](std::string_view candidate) {
    return is_temporary_of(name, candidate) || (also && also(candidate));
  };
}

// Removes what rewrites killed on the way (SIGKILL) left: under the
// exclusive lock no other rewrite of the store is under way, so every
// temporary copy there is a leftover.
std::vector<std::string> remove_leftovers(const PrivateFile& store_file, const LineStore& store, std::string_view doing,
                                          const NameFilter& also = {}) {
  return remove_files_named(store_file.folder.get(), leftovers_of(store_file.name, also), doing,
                            store.file.parent_path());
}

// A new private file in the folder of `store_file`, for a rewrite: made
// here and now (O_EXCL), never through a link. Its name goes in `name`.
FileDescriptor make_temporary(const PrivateFile& store_file, std::string& name, std::string_view doing,
                              const std::filesystem::path& shown_as) {
  for (unsigned attempt = 0; attempt < 100; ++attempt) {
    name = temporary_name(store_file.name, attempt);
    const int opened = ::openat(store_file.folder.get(), name.c_str(),
                                O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600);
    if (opened >= 0) {
      FileDescriptor fd(opened);
      // Exactly 0600, whatever the umask: the store must stay readable to us.
      if (::fchmod(fd.get(), 0600) != 0) {
        const int error = errno;
        ::unlinkat(store_file.folder.get(), name.c_str(), 0);
        cannot(doing, shown_as, std::strerror(error));
      }
      return fd;
    }
    // Another run of ours in this process: another name.
    if (errno != EEXIST) cannot(doing, shown_as, std::strerror(errno));
  }
  cannot(doing, shown_as, "cannot find a free name for a temporary file beside it");
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

}  // namespace

void append_line(const LineStore& store, std::string_view line, std::string_view doing, const LockWaitNotice& on_wait) {
  std::string text(one_line(line));
  text.push_back('\n');
  PrivateFile store_file = *open_private_file(store.file, PrivateAccess::append, doing, on_wait);
  append_text(store_file, store, std::move(text), doing);
}

std::size_t append_lines(const LineStore& store, const LinesToAppend& choose, std::string_view doing,
                         const LockWaitNotice& on_wait) {
  // Only a store that exists can be looked at without creating it; for one
  // that does not, the choice is made on "" and the file made only if needed.
  std::optional<PrivateFile> store_file = open_private_file(store.file, PrivateAccess::replace, doing, on_wait);
  std::string current;
  if (store_file) current = read_open_file(store_file->file.get(), store.limit, store.file);
  const std::vector<std::string> lines = choose(current);
  if (lines.empty()) return 0;
  std::string text;
  for (const std::string& line : lines) {
    text.append(one_line(line));
    text.push_back('\n');
  }
  if (!store_file) {
    store_file = open_private_file(store.file, PrivateAccess::append, doing, on_wait);
    // Another run made the store meanwhile: choose again on what it holds.
    if (store_file->status.st_size != 0) {
      store_file.reset();
      return append_lines(store, choose, doing, on_wait);
    }
  } else if (::lseek(store_file->file.get(), 0, SEEK_END) < 0) {
    cannot(doing, store.file, std::strerror(errno));
  }
  // A store opened for replace has no O_APPEND: the write goes where the
  // offset is, which is the end, and nobody else writes while we hold the lock.
  append_text(*store_file, store, std::move(text), doing);
  return lines.size();
}

std::string read_store(const LineStore& store, const LockWaitNotice& on_wait) {
  // A shared lock: an append or a deletion in progress finishes before we read.
  const auto store_file = open_private_file(store.file, PrivateAccess::read, "read", on_wait);
  if (!store_file) return {};
  return read_open_file(store_file->file.get(), store.limit, store.file);
}

Forgotten forget_store(const LineStore& store, std::string_view doing, const LockWaitNotice& on_wait,
                       const NameFilter& also) {
  Forgotten forgotten;
  // The exclusive lock waits for an append in progress, so that it is not lost half-way.
  auto store_file = open_private_file(store.file, PrivateAccess::replace, doing, on_wait);
  if (store_file) {
    delete_private_file(*store_file, store.file, doing);
    forgotten.store = true;
    forgotten.leftovers = remove_leftovers(*store_file, store, doing, also);
    return forgotten;
  }
  // No store: what a killed run or an editor left may be there all the same.
  if (auto folder = open_folder_of_private_file(store.file, doing)) {
    forgotten.leftovers = remove_files_named(folder->get(), leftovers_of(store.file.filename().string(), also), doing,
                                             store.file.parent_path());
  }
  return forgotten;
}

std::vector<std::string> store_leftovers(const LineStore& store, const NameFilter& also) {
  auto folder = open_folder_of_private_file(store.file, "read");
  if (!folder) return {};
  return names_in_folder(folder->get(), leftovers_of(store.file.filename().string(), also), "read",
                         store.file.parent_path());
}

bool rewrite_store(const LineStore& store, const Rewrite& rewrite, std::string_view doing,
                   const LockWaitNotice& on_wait) {
  auto store_file = open_private_file(store.file, PrivateAccess::replace, doing, on_wait);
  if (!store_file) return false;
  const std::optional<std::string> text = rewrite(read_open_file(store_file->file.get(), store.limit, store.file));
  if (!text) return false;
  if (text->size() > store.limit) too_large(doing, store);
  remove_leftovers(*store_file, store, doing);

  const int folder = store_file->folder.get();
  std::string temporary_name;
  FileDescriptor temporary = make_temporary(*store_file, temporary_name, doing, store.file);
  const RemovedOnSignal removed_on_signal(folder, temporary_name);
  const auto fail = [&](int error) {
    ::unlinkat(folder, temporary_name.c_str(), 0);
    cannot(doing, store.file, std::strerror(error));
  };
  if (const int error = write_all(temporary.get(), *text); error != 0) fail(error);
  if (::fsync(temporary.get()) != 0 || temporary.close() != 0) fail(errno);
  if (::renameat(folder, temporary_name.c_str(), folder, store_file->name.c_str()) != 0) fail(errno);
  // The new store is in place; make its name last on disk.
  const int folder_error = ::fsync(folder) == 0 ? 0 : errno;
  // The old file may live on through another hard link: nothing taken out
  // may stay there. The runs waiting for its lock will find the new one.
  if (::ftruncate(store_file->file.get(), 0) != 0 || ::fsync(store_file->file.get()) != 0) {
    cannot(doing, store.file, std::strerror(errno));
  }
  if (folder_error != 0) cannot(doing, store.file, std::strerror(folder_error));
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
