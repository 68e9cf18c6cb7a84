#include "aa/history.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aa/check_json.hpp"
#include "aa/error.hpp"
#include "aa/xdg.hpp"

namespace aa {
namespace {

[[noreturn]] void cannot(std::string_view doing, const std::filesystem::path& file, int error,
                         std::string_view detail = "") {
  throw Error(Exit::io, fmt::format("cannot {} {}: {}{}", doing, file.string(), detail, std::strerror(error)));
}

// Closes the descriptor on every path out, errors included.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  // Closes now, returning close()'s result: a late write error shows up here.
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

int lock(int fd, int operation) {
  int result = 0;
  while ((result = ::flock(fd, operation)) != 0 && errno == EINTR) {
  }
  return result;
}

// Creates `dir` and any missing parents, each mode 0700: the spec asks for
// that, and a person's answers are nobody else's business.
// std::filesystem::create_directories would use 0777 less the umask.
bool make_private_dirs(const std::filesystem::path& dir) {
  if (dir.empty()) return true;
  if (::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST) return true;
  if (errno != ENOENT || dir.parent_path() == dir || dir.parent_path().empty()) return false;
  if (!make_private_dirs(dir.parent_path())) return false;
  return ::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST;
}

// Opens the history for appending and locks it. A file that --forget
// deleted while we waited for the lock is gone for good; start a new one.
int open_locked_for_append(const std::filesystem::path& file, struct stat& status) {
  while (true) {
    // Read access too, to look at the last byte before appending.
    const int fd = ::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) cannot("save your result to", file, errno);
    if (lock(fd, LOCK_EX) != 0 || ::fstat(fd, &status) != 0) {
      const int error = errno;
      ::close(fd);
      cannot("save your result to", file, error);
    }
    if (status.st_nlink > 0) return fd;
    ::close(fd);
  }
}

}  // namespace

std::filesystem::path history_file_in(const std::filesystem::path& data_dir) {
  return data_dir / "aa" / "checks.jsonl";
}

std::filesystem::path history_file() {
  const auto dir = user_data_dir();
  if (!dir) {
    throw Error(Exit::io, "cannot tell where to keep your results: neither XDG_DATA_HOME nor HOME is set");
  }
  return history_file_in(*dir);
}

void append_to_history(const std::filesystem::path& file, const CheckRecord& record) {
  if (!make_private_dirs(file.parent_path())) {
    cannot("save your result to", file, errno, fmt::format("cannot create {}: ", file.parent_path().string()));
  }
  struct stat status {};
  FileDescriptor fd(open_locked_for_append(file, status));
  // A umask may have taken the owner's write bit, or a stray chmod given
  // others read access; a history file is for its owner only.
  if (status.st_size == 0 && (status.st_mode & 0777) != 0600 && ::fchmod(fd.get(), 0600) != 0) {
    cannot("save your result to", file, errno);
  }
  std::string line = check_json_line(record);
  // A line edited by hand may have lost its newline; never glue a record to it.
  char last = '\n';
  if (status.st_size > 0 && ::pread(fd.get(), &last, 1, status.st_size - 1) == 1 && last != '\n') {
    line.insert(line.begin(), '\n');
  }
  // One write: the lock keeps other writers out, O_APPEND puts it at the end.
  ssize_t written = 0;
  while ((written = ::write(fd.get(), line.data(), line.size())) < 0 && errno == EINTR) {
  }
  if (written != static_cast<ssize_t>(line.size())) {
    const int error = written < 0 ? errno : ENOSPC;
    // Take back a partial record, so the file holds whole lines only.
    if (::ftruncate(fd.get(), status.st_size) != 0) {
      // Nothing more can be done here; the write error below says what went wrong.
    }
    cannot("save your result to", file, error);
  }
  if (::fsync(fd.get()) != 0 || fd.close() != 0) cannot("save your result to", file, errno);
}

History parse_history(std::string_view text) {
  History history;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    try {
      history.records.push_back(parse_check_json(line));
    } catch (const Error& error) {
      history.problems.push_back({line_number, error.what()});
    }
  }
  return history;
}

History read_history(const std::filesystem::path& file) {
  const int opened = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (opened < 0) {
    if (errno == ENOENT) return {};
    cannot("read", file, errno);
  }
  FileDescriptor fd(opened);
  // A shared lock: an append in progress finishes before we read.
  if (lock(fd.get(), LOCK_SH) != 0) cannot("read", file, errno);
  std::string text;
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      cannot("read", file, errno);
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return parse_history(text);
}

bool forget_history(const std::filesystem::path& file) {
  const int opened = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (opened < 0) {
    if (errno == ENOENT) return false;
    cannot("delete", file, errno);
  }
  FileDescriptor fd(opened);
  // Wait for an append in progress, so that it is not lost half-way.
  if (lock(fd.get(), LOCK_EX) != 0) cannot("delete", file, errno);
  if (::unlink(file.c_str()) != 0) {
    if (errno == ENOENT) return false;
    cannot("delete", file, errno);
  }
  return true;
}

}  // namespace aa
