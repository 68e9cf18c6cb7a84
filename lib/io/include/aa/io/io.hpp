// SPDX-License-Identifier: MIT
// Files, opened with care. Three things every command shares:
// - FileDescriptor, which closes itself on every path out;
// - the reading helper, for every file we read (content, config, stores):
//   it never blocks on a FIFO, reads regular files only, and never more
//   than a limit, so /dev/zero or a huge file costs nothing;
// - the private-file rules, for files that hold a person's data: never
//   through a symbolic link, only a regular file that belongs to the user,
//   mode 0600 in a folder of mode 0700 that belongs to the user too,
//   locked while in use.
// Every failure is an Error(Problem::io) that names the file and the reason.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/stat.h>

namespace aa {

// Owns one file descriptor; closes it when it goes.
class FileDescriptor {
 public:
  FileDescriptor() = default;
  explicit FileDescriptor(int fd) noexcept : fd_(fd) {}
  ~FileDescriptor();
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  FileDescriptor& operator=(FileDescriptor&& other) noexcept;
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;

  int get() const noexcept { return fd_; }
  bool is_open() const noexcept { return fd_ >= 0; }
  // Closes now and returns close()'s result, where a late write error shows.
  int close() noexcept;

 private:
  int fd_ = -1;
};

// "1 MiB", "64 KiB", "100 bytes": a limit, for messages and man pages.
std::string describe_size(std::size_t bytes);

// What read_up_to() found.
struct BoundedRead {
  std::string text;         // at most `limit` bytes
  bool over_limit = false;  // there was more than `limit`: the rest was not read
  int error = 0;            // errno of a read that failed, else 0
};

// Reads `fd` to its end, but stops as soon as it holds more than `limit`
// bytes. Retries on EINTR, and waits on a descriptor that was left
// non-blocking (a pipe on stdin may be), so that only a real failure ends
// it early. Never throws but std::bad_alloc.
BoundedRead read_up_to(int fd, std::size_t limit);

// The whole of the file `name`, looked up in the folder open as `folder`
// (AT_FDCWD: the working directory; an absolute `name` ignores it), or
// nullopt when nothing is there. `shown_as` names the file in messages.
// Opens without blocking and without becoming our terminal, and reads only
// a regular file of at most `limit` bytes (checked up front, and again
// while reading, since files in /proc say they are empty). Throws
// Error(Problem::io) "cannot read PATH: reason" otherwise, a symbolic link
// that points nowhere included.
std::optional<std::string> read_regular_file_at(int folder, const std::filesystem::path& name, std::size_t limit,
                                                const std::filesystem::path& shown_as);
std::optional<std::string> read_regular_file(const std::filesystem::path& path, std::size_t limit);

// The same checks and reading for a file already open as `fd`.
std::string read_open_file(int fd, std::size_t limit, const std::filesystem::path& shown_as);

// Writes all of `text` to `fd`, however many writes it takes; false, with
// errno set, when one fails.
bool write_everything(int fd, std::string_view text);

// Renames `temporary` to `name` in the folder open as `folder` only if
// nothing has that name (-1 and EEXIST otherwise), also on file systems
// without RENAME_NOREPLACE; 0 or -1 with errno, as rename does.
int rename_without_replacing(int folder, const std::string& temporary, const std::string& name);

// Writes `text` as the file `name` in the folder open as `folder`, whole or
// not at all: into a new temporary file beside it (created exclusively, so
// never through a link), synced to disk, then renamed into place, so that
// a full disk or a crash leaves the old file or none, never part of one.
// Without `replace`, a `name` that exists in any form (a symbolic link that
// points nowhere too) is left as it is and is an error; with it, `name`
// itself is replaced, never what a link there points to. The new file's
// mode is `mode` (0666 unless given) less the umask, as any new file's.
// Throws Error(Problem::io) "cannot write SHOWN_AS: reason", and leaves no
// temporary file behind.
void write_file_atomically(int folder, const std::string& name, std::string_view text, bool replace,
                           const std::filesystem::path& shown_as, mode_t mode = 0666);

// Writes `text` as the file `path` where a person asked for a copy of
// their data (aa-report -o): as write_file_atomically() writes, replacing
// what is there, with mode 0600. A symbolic link at `path` is refused, and
// so is anything there but a regular file of the user's; a missing folder
// is an error, never made. Throws Error(Problem::io) as it does.
void write_private_copy(const std::filesystem::path& path, std::string_view text);

// What a private file is opened for.
enum class PrivateAccess {
  read,     // as it is: nothing created or changed; a shared lock
  append,   // created when missing (with its folders, mode 0700), opened
            // read-write at the end; an exclusive lock
  replace,  // an existing file, read-write, to change or delete; an exclusive lock
};

// Called once when another process holds the lock for more than a moment,
// so that the command can say why it waits. The library never prints.
using LockWaitNotice = std::function<void()>;

// A private file, open and locked.
struct PrivateFile {
  FileDescriptor folder;  // the folder it is in
  FileDescriptor file;
  std::string name;       // its name in `folder`
  struct stat status {};  // of `file`, once locked
};

// Opens the private file `path` for `access`, by the rules above: its
// folder and the file must belong to the user; when writing (append,
// replace) both are tightened to 0700 and 0600 every time. A file that a
// deletion took away, or a rewrite renamed another file over, while we
// waited for the lock is not used: the name is looked up again, so append
// writes to the file that is there now (or starts a new one). `doing` words the failure: "cannot DOING PATH: reason".
// Returns nullopt for read and replace when there is no file (or folder).
std::optional<PrivateFile> open_private_file(const std::filesystem::path& path, PrivateAccess access,
                                             std::string_view doing, const LockWaitNotice& on_wait = {});

// The folder of the private file `path`, open and checked as
// open_private_file() checks it, for reading; nullopt when there is none.
std::optional<FileDescriptor> open_folder_of_private_file(const std::filesystem::path& path, std::string_view doing);

// The names in the folder open as `folder` that `matches` picks, sorted.
std::vector<std::string> names_in_folder(int folder, const std::function<bool(std::string_view name)>& matches,
                                         std::string_view doing, const std::filesystem::path& shown_as);

// The size of the private file `path`, opened and checked as for reading;
// nullopt when there is none.
std::optional<std::uintmax_t> private_file_size(const std::filesystem::path& path, std::string_view doing);

// Removes each file in the folder open as `folder` whose name `matches`
// picks (a link itself, never what it points to; never a folder), and
// returns their names, sorted. `shown_as` names the folder in a failure.
std::vector<std::string> remove_files_named(int folder, const std::function<bool(std::string_view name)>& matches,
                                            std::string_view doing, const std::filesystem::path& shown_as);

// A new private file, made for a moment: a draft being written.
struct ScratchFile {
  FileDescriptor file;
  std::filesystem::path path;
};

// Creates a new file named `stem`, six random letters and `suffix` in
// `folder` (made as append makes a private file's folder: mode 0700, and
// refused when it belongs to someone else or is a symbolic link). The file
// is created exclusively (O_EXCL, never an existing file or a link) with
// mode 0600, and left unlocked. `doing` words a failure.
ScratchFile create_scratch_file(const std::filesystem::path& folder, std::string_view stem, std::string_view suffix,
                                std::string_view doing);

// Deletes a private file opened for replace. It is emptied first, so that
// nothing of it is left through another hard link, then unlinked.
void delete_private_file(PrivateFile& file, const std::filesystem::path& path, std::string_view doing);

}  // namespace aa
