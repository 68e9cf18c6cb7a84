// SPDX-License-Identifier: MIT
#include "aa/io/io.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <fmt/core.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/random.h>
#include <unistd.h>

#include "aa/io/error.hpp"

namespace aa {

FileDescriptor::~FileDescriptor() {
  if (fd_ >= 0) ::close(fd_);
}

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

int FileDescriptor::close() noexcept {
  const int result = ::close(fd_);
  fd_ = -1;
  return result;
}

std::string describe_size(std::size_t bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return fmt::format("{} MiB", bytes / (1024 * 1024));
  if (bytes >= 1024 && bytes % 1024 == 0) return fmt::format("{} KiB", bytes / 1024);
  return fmt::format("{} bytes", bytes);
}

BoundedRead read_up_to(int fd, std::size_t limit) {
  BoundedRead result;
  char buffer[65536];
  while (true) {
    // One byte past the limit is enough to know that there is more.
    const std::size_t wanted = std::min(sizeof buffer, limit - result.text.size() + 1);
    const ssize_t n = ::read(fd, buffer, wanted);
    if (n == 0) return result;
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        pollfd ready{fd, POLLIN, 0};
        ::poll(&ready, 1, -1);
        continue;
      }
      result.error = errno;
      return result;
    }
    result.text.append(buffer, static_cast<std::size_t>(n));
    if (result.text.size() > limit) {
      result.text.resize(limit);
      result.over_limit = true;
      return result;
    }
  }
}

namespace {

[[noreturn]] void cannot(std::string_view doing, const std::filesystem::path& file, std::string_view reason) {
  throw Error(Problem::io, fmt::format("cannot {} {}: {}", doing, file.string(), reason));
}

// What a file that is not a regular one is, for a message.
std::string_view kind_of_file(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a regular file";
}

void require_regular_file(const struct stat& status, std::string_view doing, const std::filesystem::path& file) {
  if (!S_ISREG(status.st_mode)) {
    cannot(doing, file, fmt::format("it is {}, not a regular file", kind_of_file(status.st_mode)));
  }
}

std::string too_large(std::size_t limit) {
  return fmt::format("it is larger than {}, the most this file may hold", describe_size(limit));
}

// Takes the lock `operation` (LOCK_SH or LOCK_EX) on `fd`, and tells
// `on_wait` once when another process keeps it for more than a moment.
int lock(int fd, int operation, const LockWaitNotice& on_wait) {
  using Clock = std::chrono::steady_clock;
  const auto notice_at = Clock::now() + std::chrono::milliseconds(500);
  while (::flock(fd, operation | LOCK_NB) != 0) {
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK) return -1;
    if (Clock::now() >= notice_at) {
      if (on_wait) on_wait();
      int result = 0;
      while ((result = ::flock(fd, operation)) != 0 && errno == EINTR) {
      }
      return result;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return 0;
}

bool is_symbolic_link(int folder, const char* name) {
  struct stat status {};
  return ::fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(status.st_mode);
}

constexpr std::string_view never_followed = "it is a symbolic link, and a private file is never reached through one";

void require_ours(const struct stat& status, std::string_view doing, const std::filesystem::path& file,
                  const std::filesystem::path& offender) {
  if (status.st_uid != ::geteuid()) {
    cannot(doing, file,
           fmt::format("{} belongs to another user (uid {}), not to you", offender.string(), status.st_uid));
  }
}

// Sets the permission bits of `fd` to exactly `mode`, unless they are already.
void tighten(int fd, const struct stat& status, mode_t mode, std::string_view doing,
             const std::filesystem::path& file) {
  if ((status.st_mode & 07777) != mode && ::fchmod(fd, mode) != 0) cannot(doing, file, std::strerror(errno));
}

// Whether others could change what `status`, a folder above a private
// file, holds, as OpenSSH's safe_path() asks: it must belong to us or to
// root, and be writable by no one else. A sticky folder (/tmp) is the one
// exception: there, no one else can rename or remove what is ours.
std::optional<std::string> unsafe_because(const struct stat& status) {
  if (status.st_uid != ::geteuid() && status.st_uid != 0) {
    return fmt::format("belongs to another user (uid {})", status.st_uid);
  }
  if ((status.st_mode & (S_IWGRP | S_IWOTH)) != 0 && (status.st_mode & S_ISVTX) == 0) {
    return fmt::format("can be written by other users (mode {:04o})", status.st_mode & 07777);
  }
  return std::nullopt;
}

// `folder`, open, after checking every folder from `/` down to it by
// unsafe_because(): symbolic links on the way are resolved first, so what
// is checked is what is used. The missing folders at its end are made one
// by one, each mode 0700 whatever the umask, when `create`; otherwise
// nullopt. Nothing is made until every folder that exists has passed.
std::optional<FileDescriptor> open_safe_folder(const std::filesystem::path& folder, bool create, std::string_view doing,
                                               const std::filesystem::path& file) {
  const std::filesystem::path wanted = std::filesystem::absolute(folder).lexically_normal();
  // The folders that exist, resolved, and the names still to be made.
  std::filesystem::path existing = wanted;
  std::vector<std::string> missing;
  struct stat status {};
  while (::stat(existing.c_str(), &status) != 0) {
    if (errno != ENOENT || existing == existing.root_path()) cannot(doing, file, std::strerror(errno));
    if (!existing.filename().empty()) missing.push_back(existing.filename().string());
    existing = existing.parent_path();
  }
  char* resolved = ::realpath(existing.c_str(), nullptr);
  if (resolved == nullptr) cannot(doing, file, std::strerror(errno));
  const std::filesystem::path real(resolved);
  std::free(resolved);

  // O_PATH on the way down: a folder above may let us through without
  // letting us list it (mode 0711), and that is no danger.
  constexpr int on_the_way = O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
  FileDescriptor fd(::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC));
  std::filesystem::path walked = "/";
  const auto check = [&](const std::filesystem::path& shown) {
    if (!fd.is_open() || ::fstat(fd.get(), &status) != 0) cannot(doing, file, std::strerror(errno));
    if (const auto why = unsafe_because(status)) {
      cannot(doing, file, fmt::format("the folder {} {}, so it is not safe for private files", shown.string(), *why));
    }
  };
  check(walked);
  for (const auto& part : real.relative_path()) {
    walked /= part;
    fd = FileDescriptor(::openat(fd.get(), part.c_str(), on_the_way));
    check(walked);
  }
  if (!missing.empty() && !create) return std::nullopt;
  for (auto name = missing.rbegin(); name != missing.rend(); ++name) {
    walked /= *name;
    if (::mkdirat(fd.get(), name->c_str(), 0700) != 0 && errno != EEXIST) {
      cannot(doing, file, fmt::format("cannot create {}: {}", walked.string(), std::strerror(errno)));
    }
    FileDescriptor parent = std::move(fd);
    fd = FileDescriptor(::openat(parent.get(), name->c_str(), on_the_way));
    check(walked);
    // The umask has had its say in mkdir: the XDG spec asks for 0700.
    if ((status.st_mode & 07777) != 0700 && ::fchmodat(parent.get(), name->c_str(), 0700, 0) != 0) {
      cannot(doing, file, std::strerror(errno));
    }
  }
  FileDescriptor opened(::openat(fd.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!opened.is_open()) cannot(doing, file, std::strerror(errno));
  return opened;
}

// The folder of a private file, open; nullopt when it does not exist and
// `access` creates nothing. Every folder above it is checked first
// (open_safe_folder), and it must be ours itself.
std::optional<FileDescriptor> open_private_folder(const std::filesystem::path& folder, PrivateAccess access,
                                                  std::string_view doing, const std::filesystem::path& file) {
  const bool writing = access != PrivateAccess::read;
  // The folder itself is never reached through a link: it is opened as named.
  if (is_symbolic_link(AT_FDCWD, folder.c_str())) {
    cannot(doing, file, fmt::format("{}: {}", folder.string(), never_followed));
  }
  auto opened = open_safe_folder(folder, access == PrivateAccess::append, doing, file);
  if (!opened) return std::nullopt;
  FileDescriptor fd = std::move(*opened);
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0) cannot(doing, file, std::strerror(errno));
  require_ours(status, doing, file, folder);
  if (writing) tighten(fd.get(), status, 0700, doing, file);
  return fd;
}

// Whether the name of `file` in its folder still leads to the very file
// that is open: a rewrite renames a new file over it, and the old one may
// live on through another hard link.
bool still_named(const PrivateFile& file) {
  struct stat named {};
  return ::fstatat(file.folder.get(), file.name.c_str(), &named, AT_SYMLINK_NOFOLLOW) == 0 &&
         named.st_dev == file.status.st_dev && named.st_ino == file.status.st_ino;
}

}  // namespace

std::string read_open_file(int fd, std::size_t limit, const std::filesystem::path& shown_as) {
  struct stat status {};
  if (::fstat(fd, &status) != 0) cannot("read", shown_as, std::strerror(errno));
  require_regular_file(status, "read", shown_as);
  // Refuse a huge file before reading any of it.
  if (status.st_size > 0 && static_cast<std::uintmax_t>(status.st_size) > limit) {
    cannot("read", shown_as, too_large(limit));
  }
  BoundedRead read = read_up_to(fd, limit);
  if (read.error != 0) cannot("read", shown_as, std::strerror(read.error));
  if (read.over_limit) cannot("read", shown_as, too_large(limit));
  return std::move(read.text);
}

std::optional<std::string> read_regular_file_at(int folder, const std::filesystem::path& name, std::size_t limit,
                                                const std::filesystem::path& shown_as) {
  const int opened = ::openat(folder, name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (opened < 0) {
    const int error = errno;
    // Nothing there; but a link that points nowhere was put there by someone.
    if ((error == ENOENT && !is_symbolic_link(folder, name.c_str())) || error == ENOTDIR) return std::nullopt;
    cannot("read", shown_as, std::strerror(error));
  }
  const FileDescriptor fd(opened);
  return read_open_file(fd.get(), limit, shown_as);
}

std::optional<std::string> read_regular_file(const std::filesystem::path& path, std::size_t limit) {
  return read_regular_file_at(AT_FDCWD, path, limit, path);
}

std::optional<PrivateFile> open_private_file(const std::filesystem::path& path, PrivateAccess access,
                                             std::string_view doing, const LockWaitNotice& on_wait) {
  const bool writing = access != PrivateAccess::read;
  const std::filesystem::path folder_path = path.has_parent_path() ? path.parent_path() : ".";
  auto folder = open_private_folder(folder_path, access, doing, path);
  if (!folder) return std::nullopt;

  PrivateFile file;
  file.folder = std::move(*folder);
  file.name = path.filename().string();
  int flags = O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
  if (access == PrivateAccess::read) flags |= O_RDONLY;
  if (access == PrivateAccess::append) flags |= O_RDWR | O_APPEND | O_CREAT;  // read too: the last byte
  if (access == PrivateAccess::replace) flags |= O_RDWR;
  while (true) {
    const int opened = ::openat(file.folder.get(), file.name.c_str(), flags, 0600);
    if (opened < 0) {
      const int error = errno;
      if (error == ENOENT && access != PrivateAccess::append) return std::nullopt;
      if ((error == ELOOP || error == EMLINK) && is_symbolic_link(file.folder.get(), file.name.c_str())) {
        cannot(doing, path, never_followed);
      }
      cannot(doing, path, std::strerror(error));
    }
    file.file = FileDescriptor(opened);
    // The descriptor, not the path: what we check is what we use.
    struct stat status {};
    if (::fstat(file.file.get(), &status) != 0) cannot(doing, path, std::strerror(errno));
    require_regular_file(status, doing, path);
    require_ours(status, doing, path, path);
    if (writing) tighten(file.file.get(), status, 0600, doing, path);
    if (lock(file.file.get(), writing ? LOCK_EX : LOCK_SH, on_wait) != 0 ||
        ::fstat(file.file.get(), &file.status) != 0) {
      cannot(doing, path, std::strerror(errno));
    }
    // Deleted, or replaced by a rewrite, while we waited for the lock: the
    // name no longer leads to this file, so look again at what is there now.
    if (file.status.st_nlink > 0 && still_named(file)) return file;
  }
}

void delete_private_file(PrivateFile& file, const std::filesystem::path& path, std::string_view doing) {
  // Another hard link to the file would keep every record: empty it first.
  if (::ftruncate(file.file.get(), 0) != 0 || ::fsync(file.file.get()) != 0) {
    cannot(doing, path, std::strerror(errno));
  }
  if (::unlinkat(file.folder.get(), file.name.c_str(), 0) != 0) cannot(doing, path, std::strerror(errno));
  // Make the deletion itself last; the data is already gone, so a failure
  // here changes nothing for the person.
  ::fsync(file.folder.get());
}

std::optional<FileDescriptor> open_folder_of_private_file(const std::filesystem::path& path, std::string_view doing) {
  return open_private_folder(path.has_parent_path() ? path.parent_path() : ".", PrivateAccess::read, doing, path);
}

std::vector<std::string> names_in_folder(int folder, const std::function<bool(std::string_view name)>& matches,
                                         std::string_view doing, const std::filesystem::path& shown_as) {
  // fdopendir takes the descriptor it is given: a copy, so `folder` stays open.
  DIR* listing = ::fdopendir(::fcntl(folder, F_DUPFD_CLOEXEC, 0));
  if (listing == nullptr) cannot(doing, shown_as, std::strerror(errno));
  ::rewinddir(listing);  // the copy shares the offset of `folder`, which an earlier listing moved
  std::vector<std::string> names;
  errno = 0;
  while (const dirent* entry = ::readdir(listing)) {
    const std::string_view name = entry->d_name;
    if (name != "." && name != ".." && matches(name)) names.emplace_back(name);
  }
  const int listing_error = errno;
  ::closedir(listing);
  if (listing_error != 0) cannot(doing, shown_as, std::strerror(listing_error));
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::uintmax_t> private_file_size(const std::filesystem::path& path, std::string_view doing) {
  const auto file = open_private_file(path, PrivateAccess::read, doing);
  if (!file) return std::nullopt;
  return static_cast<std::uintmax_t>(file->status.st_size);
}

std::vector<std::string> remove_files_named(int folder, const std::function<bool(std::string_view name)>& matches,
                                            std::string_view doing, const std::filesystem::path& shown_as) {
  std::vector<std::string> removed;
  for (const std::string& name : names_in_folder(folder, matches, doing, shown_as)) {
    if (::unlinkat(folder, name.c_str(), 0) == 0) {
      removed.push_back(name);
    } else if (errno != ENOENT && errno != EISDIR) {
      cannot(doing, shown_as / name, std::strerror(errno));
    }
  }
  ::fsync(folder);
  return removed;
}

ScratchFile create_scratch_file(const std::filesystem::path& folder, std::string_view stem, std::string_view suffix,
                                std::string_view doing) {
  const FileDescriptor dir = *open_private_folder(folder, PrivateAccess::append, doing, folder);
  constexpr std::string_view letters = "abcdefghijklmnopqrstuvwxyz0123456789";
  // A name someone else may have guessed is simply taken: O_EXCL fails and
  // we draw another.
  for (int attempt = 0; attempt < 100; ++attempt) {
    unsigned char random[6] = {};
    if (::getrandom(random, sizeof random, 0) != static_cast<ssize_t>(sizeof random)) {
      cannot(doing, folder, std::strerror(errno));
    }
    std::string name(stem);
    for (unsigned char byte : random) name += letters[byte % letters.size()];
    name += suffix;
    const int opened =
        ::openat(dir.get(), name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600);
    if (opened < 0 && errno == EEXIST) continue;
    if (opened < 0) cannot(doing, folder / name, std::strerror(errno));
    ScratchFile scratch{FileDescriptor(opened), folder / name};
    // The umask may have taken more than 0600 leaves.
    if (::fchmod(scratch.file.get(), 0600) != 0) cannot(doing, scratch.path, std::strerror(errno));
    return scratch;
  }
  cannot(doing, folder, "no free name for a new file");
}

}  // namespace aa
