#include "aa/history.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/check_json.hpp"
#include "aa/error.hpp"

namespace aa {

std::filesystem::path history_file_in(const std::filesystem::path& data_dir) {
  return data_dir / "aa" / "checks.jsonl";
}

void append_to_history(const std::filesystem::path& file, const CheckRecord& record, const LockWaitNotice& on_wait) {
  constexpr std::string_view doing = "save your result to";
  PrivateFile history = *open_private_file(file, PrivateAccess::append, doing, on_wait);
  const int fd = history.file.get();
  const off_t size = history.status.st_size;
  std::string line = check_json_line(record);
  // A line edited by hand may have lost its newline; never glue a record to it.
  char last = '\n';
  if (size > 0 && ::pread(fd, &last, 1, size - 1) == 1 && last != '\n') line.insert(line.begin(), '\n');
  // One write: the lock keeps other writers out, O_APPEND puts it at the end.
  ssize_t written = 0;
  while ((written = ::write(fd, line.data(), line.size())) < 0 && errno == EINTR) {
  }
  if (written != static_cast<ssize_t>(line.size())) {
    const int error = written < 0 ? errno : ENOSPC;
    // Take back a partial record, so the file holds whole lines only.
    if (::ftruncate(fd, size) != 0) {
      // Nothing more can be done here; the write error below says what went wrong.
    }
    throw Error(Problem::io, fmt::format("cannot {} {}: {}", doing, file.string(), std::strerror(error)));
  }
  if (::fsync(fd) != 0 || history.file.close() != 0) {
    throw Error(Problem::io, fmt::format("cannot {} {}: {}", doing, file.string(), std::strerror(errno)));
  }
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

History read_history(const std::filesystem::path& file, const LockWaitNotice& on_wait) {
  // A shared lock: an append or a deletion in progress finishes before we read.
  const auto history = open_private_file(file, PrivateAccess::read, "read", on_wait);
  if (!history) return {};
  return parse_history(read_open_file(history->file.get(), history_file_limit, file));
}

bool forget_history(const std::filesystem::path& file, const LockWaitNotice& on_wait) {
  constexpr std::string_view doing = "delete";
  // The exclusive lock waits for an append in progress, so that it is not lost half-way.
  auto history = open_private_file(file, PrivateAccess::replace, doing, on_wait);
  if (!history) return false;
  delete_private_file(*history, file, doing);
  return true;
}

}  // namespace aa
