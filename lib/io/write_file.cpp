// SPDX-License-Identifier: MIT
// Writing a whole file at once: a temporary file, fsync, rename.
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aa/io/error.hpp"
#include "aa/io/io.hpp"
#include "aa/io/signal_cleanup.hpp"

namespace aa {
namespace {

[[noreturn]] void cannot_write(const std::filesystem::path& file, std::string_view reason) {
  throw Error(Problem::io, fmt::format("cannot write {}: {}", file.string(), reason));
}

// A new, empty file with a name of its own beside `name`, and that name.
// O_EXCL: nothing that is already there, a link planted in advance
// included, is ever opened.
FileDescriptor create_temporary(int folder, const std::string& name, std::string& temporary,
                                const std::filesystem::path& shown_as, mode_t mode) {
  static std::atomic<unsigned> counter{0};
  for (int tries = 0; tries < 100; ++tries) {
    temporary = fmt::format(".{}.{}-{}.partial", name, ::getpid(), counter++);
    const int fd = ::openat(folder, temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd >= 0) return FileDescriptor(fd);
    if (errno != EEXIST) cannot_write(shown_as, std::strerror(errno));
  }
  cannot_write(shown_as, "cannot find a free name for a temporary file beside it");
}

}  // namespace

bool write_everything(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return false;
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// Puts `temporary` in place as `name`, failing with EEXIST when `name` is there.
int rename_without_replacing(int folder, const std::string& temporary, const std::string& name) {
  if (::renameat2(folder, temporary.c_str(), folder, name.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return -1;
  // A file system without RENAME_NOREPLACE: a hard link is as exclusive.
  if (::linkat(folder, temporary.c_str(), folder, name.c_str(), 0) != 0) return -1;
  ::unlinkat(folder, temporary.c_str(), 0);
  return 0;
}

void write_file_atomically(int folder, const std::string& name, std::string_view text, bool replace,
                           const std::filesystem::path& shown_as, mode_t mode) {
  std::string temporary;
  FileDescriptor file = create_temporary(folder, name, temporary, shown_as, mode);
  const RemovedOnSignal removed_on_signal(folder, temporary);
  int error = 0;
  if (!write_everything(file.get(), text) || ::fsync(file.get()) != 0) error = errno;
  // close() is where some file systems report a write that failed late.
  if (file.close() != 0 && error == 0) error = errno;
  if (error == 0) {
    const int renamed = replace ? ::renameat(folder, temporary.c_str(), folder, name.c_str())
                                : rename_without_replacing(folder, temporary, name);
    if (renamed == 0) {
      // The new name lasts only once the folder is on disk too; the file is
      // whole either way, so a failure here loses nothing.
      ::fsync(folder);
      return;
    }
    error = errno;
  }
  ::unlinkat(folder, temporary.c_str(), 0);
  if (error == EEXIST) cannot_write(shown_as, "it exists already, and is left as it is");
  cannot_write(shown_as, std::strerror(error));
}

void write_private_copy(const std::filesystem::path& path, std::string_view text) {
  const std::filesystem::path parent = path.has_parent_path() ? path.parent_path() : ".";
  const std::string name = path.filename().string();
  if (name.empty() || name == "." || name == "..") cannot_write(path, std::strerror(EISDIR));
  const FileDescriptor folder(::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!folder.is_open()) cannot_write(path, std::strerror(errno));
  // The rename below would replace a link rather than write through it;
  // but whoever planted one meant something else by it: say so.
  struct stat status {};
  if (::fstatat(folder.get(), name.c_str(), &status, AT_SYMLINK_NOFOLLOW) == 0) {
    if (S_ISLNK(status.st_mode)) cannot_write(path, "it is a symbolic link, which is never written through");
    if (!S_ISREG(status.st_mode)) cannot_write(path, "it is not a regular file");
    if (status.st_uid != ::geteuid()) cannot_write(path, "it belongs to someone else");
  } else if (errno != ENOENT) {
    cannot_write(path, std::strerror(errno));
  }
  write_file_atomically(folder.get(), name, text, true, path, 0600);
}

}  // namespace aa
