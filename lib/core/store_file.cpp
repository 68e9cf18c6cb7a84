// SPDX-License-Identifier: MIT
#include "store_file.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <fmt/core.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aa/io/error.hpp"
#include "aa/io/secret.hpp"

namespace aa::store_file {
namespace {

// The most an age file of a store may take: the store's limit, a tag for
// each chunk, the header, and ASCII armor (a third more) for a file someone
// armored by hand.
std::size_t sealed_limit(std::size_t limit) { return limit / 3 * 4 + limit / 4096 + 64 * 1024; }

// Both forms are there: waits for a change of form under way (it holds the
// plain file's lock), then removes a plain file left by one that was killed,
// once it is known to hold what the encrypted one holds.
void settle_plain_beside(OpenStore& open, const LineStore& store, std::string_view doing,
                         const LockWaitNotice& on_wait) {
  if (!is_there(store.file)) return;
  auto plain = open_private_file(store.file, PrivateAccess::replace, doing, on_wait);
  if (!plain) return;
  if (plain->status.st_size != 0 &&
      read_open_file(plain->file.get(), store.limit, store.file) != text_of(open, store)) {
    cannot(doing, store.file,
           fmt::format("both it and {} are there, and they differ; keep the one you want and move the other away "
                       "(see aa-vault(1))",
                       open.path.string()));
  }
  shred(*plain);
}

// SIGHUP, SIGTERM and SIGINT wait while this holds them: they arrive when
// it lets go (release(), or when it goes).
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t ending;
    sigemptyset(&ending);
    for (int signal : {SIGHUP, SIGTERM, SIGINT}) sigaddset(&ending, signal);
    held_ = ::pthread_sigmask(SIG_BLOCK, &ending, &previous_) == 0;
  }
  ~SignalsHeld() { release(); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;
  void release() {
    if (held_) ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    held_ = false;
  }

 private:
  sigset_t previous_{};
  bool held_ = false;
};

// A temporary copy of the store `name`: .NAME.PID-N.tmp.
std::string temporary_name(std::string_view name, unsigned attempt) {
  return fmt::format(".{}.{}-{}.tmp", name, ::getpid(), attempt);
}

}  // namespace

bool is_there(const std::filesystem::path& path) {
  struct stat status {};
  return ::lstat(path.c_str(), &status) == 0;
}

void cannot(std::string_view doing, const std::filesystem::path& file, std::string_view reason) {
  throw Error(Problem::io, fmt::format("cannot {} {}: {}", doing, file.string(), reason));
}

std::optional<OpenStore> open_store(const LineStore& store, PrivateAccess access, std::string_view doing,
                                    const LockWaitNotice& on_wait) {
  const std::filesystem::path encrypted = encrypted_path(store.file);
  // Each turn follows a change of form that another run made meanwhile.
  for (int turn = 0; turn < 100; ++turn) {
    if (is_there(encrypted)) {
      auto file =
          open_private_file(encrypted, access == PrivateAccess::read ? access : PrivateAccess::replace, doing, on_wait);
      if (!file) continue;
      OpenStore open{std::move(*file), encrypted, true, std::nullopt, age::default_work_factor};
      settle_plain_beside(open, store, doing, on_wait);
      return open;
    }
    auto file = open_private_file(store.file, access, doing, on_wait);
    if (!file) {
      if (is_there(encrypted)) continue;
      return std::nullopt;
    }
    if (!is_there(encrypted)) return OpenStore{std::move(*file), store.file, false, std::nullopt, 0};
    // Encrypted meanwhile: an empty plain file (an append's, made just now)
    // holds nothing to keep.
    if (access != PrivateAccess::read && file->status.st_size == 0) {
      ::unlinkat(file->folder.get(), file->name.c_str(), 0);
    }
  }
  cannot(doing, store.file, "it keeps changing between plain and encrypted");
}

std::optional<std::filesystem::path> encrypted_store_beside(const LineStore& store) {
  // Names only: the files are opened, by the private-file rules, only when used.
  std::error_code error;
  for (std::filesystem::directory_iterator entry(store.file.parent_path(), error), end; !error && entry != end;
       entry.increment(error)) {
    if (entry->path().filename().string().ends_with(".jsonl.age")) return entry->path();
  }
  return std::nullopt;
}

const std::string& text_of(OpenStore& open, const LineStore& store) {
  if (open.text) return *open.text;
  if (!open.encrypted) return open.text.emplace(read_open_file(open.file.file.get(), store.limit, open.path));
  const std::string bytes = read_open_file(open.file.file.get(), sealed_limit(store.limit), open.path);
  try {
    age::Opened opened = age::open(bytes, store_passphrase().view());
    if (opened.plain.size() > store.limit) {
      cannot("read", open.path,
             fmt::format("it holds more than {}, the most this store may", describe_size(store.limit)));
    }
    open.work_factor = opened.work_factor;
    return open.text.emplace(std::move(opened.plain));
  } catch (const age::AgeError& error) {
    throw Error(error.code(), fmt::format("cannot open {}: {}", open.path.string(), error.what()));
  }
}

std::string sealed(std::string_view text, const Secret& passphrase, int work_factor) {
  if (passphrase.empty()) throw Error(Problem::passphrase, "an empty passphrase protects nothing");
  return age::encrypt(text, passphrase.view(), work_factor);
}

PreparedFile::PreparedFile(int folder, const LineStore& store, std::string_view bytes, std::string_view doing)
    : folder_(folder), shown_as_(store.file), doing_(doing) {
  // No signal between making the file and guarding it: it would be left.
  SignalsHeld held;
  FileDescriptor file;
  for (unsigned attempt = 0; attempt < 100 && !file.is_open(); ++attempt) {
    temporary_ = temporary_name(store.file.filename().string(), attempt);
    const int opened =
        ::openat(folder, temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600);
    if (opened >= 0) {
      file = FileDescriptor(opened);
    } else if (errno != EEXIST) {
      cannot(doing, shown_as_, std::strerror(errno));
    }
  }
  if (!file.is_open()) cannot(doing, shown_as_, "cannot find a free name for a temporary file beside it");
  guard_ = std::make_unique<RemovedOnSignal>(folder, temporary_);
  held.release();
  int error = 0;
  // Exactly 0600, whatever the umask: the store must stay readable to us.
  if (::fchmod(file.get(), 0600) != 0) error = errno;
  if (error == 0 && !write_everything(file.get(), bytes)) error = errno;
  if (error == 0 && (::fsync(file.get()) != 0 || file.close() != 0)) error = errno;
  if (error != 0) {
    ::unlinkat(folder, temporary_.c_str(), 0);
    committed_ = true;  // nothing left to remove
    cannot(doing, shown_as_, std::strerror(error));
  }
}

PreparedFile::~PreparedFile() {
  if (!committed_) ::unlinkat(folder_, temporary_.c_str(), 0);
}

bool PreparedFile::commit(const std::string& name, bool replace) {
  const int renamed = replace ? ::renameat(folder_, temporary_.c_str(), folder_, name.c_str())
                              : rename_without_replacing(folder_, temporary_, name);
  if (renamed != 0) {
    if (errno == EEXIST && !replace) return false;
    cannot(doing_, shown_as_, std::strerror(errno));
  }
  committed_ = true;
  if (::fsync(folder_) != 0) cannot(doing_, shown_as_, std::strerror(errno));
  return true;
}

NameFilter leftovers_of(const LineStore& store, const NameFilter& also) {
  const std::string prefix = fmt::format(".{}.", store.file.filename().string());
  return [prefix, also](std::string_view candidate) {
    const bool temporary =
        candidate.size() > prefix.size() + 4 && candidate.starts_with(prefix) && candidate.ends_with(".tmp");
    return temporary || (also && also(candidate));
  };
}

std::vector<std::string> remove_leftovers(int folder, const LineStore& store, std::string_view doing,
                                          const NameFilter& also) {
  return remove_files_named(folder, leftovers_of(store, also), doing, store.file.parent_path());
}

void empty_replaced(PrivateFile& old, const std::filesystem::path& shown_as, std::string_view doing) {
  if (::ftruncate(old.file.get(), 0) != 0 || ::fsync(old.file.get()) != 0)
    cannot(doing, shown_as, std::strerror(errno));
}

int shred(PrivateFile& plain) {
  // Unlinked first: a kill from here on leaves no plain file that differs
  // from the encrypted one.
  ::unlinkat(plain.folder.get(), plain.name.c_str(), 0);
  const int fd = plain.file.get();
  static constexpr std::array<char, 64 * 1024> zeros{};
  int error = 0;
  for (off_t at = 0; error == 0 && at < plain.status.st_size;) {
    const auto size = static_cast<std::size_t>(std::min<off_t>(plain.status.st_size - at, zeros.size()));
    const ssize_t written = ::pwrite(fd, zeros.data(), size, at);
    if (written > 0) {
      at += written;
    } else if (written == 0 || errno != EINTR) {
      error = written == 0 ? ENOSPC : errno;
    }
  }
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (::ftruncate(fd, 0) != 0 && error == 0) error = errno;
  return error;
}

}  // namespace aa::store_file
