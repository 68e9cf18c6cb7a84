// SPDX-License-Identifier: MIT
#include "aa/content_dump.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>

#include "aa/content_toml.hpp"
#include "aa/error.hpp"
#include "aa/load.hpp"

namespace aa {

FileDescriptor open_dump_folder(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  // Something other than a folder in the way shows up as ENOTDIR or
  // EEXIST: open() below says which.
  if (error && error != std::errc::not_a_directory && error != std::errc::file_exists) {
    throw Error(Problem::io, fmt::format("cannot create {}: {}", dir.string(), error.message()));
  }
  const int opened = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (opened < 0) {
    const int reason = errno;
    if (reason == ENOTDIR || reason == EEXIST) {
      throw Error(Problem::usage, fmt::format("{} is not a directory", dir.string()));
    }
    throw Error(Problem::io, fmt::format("cannot open {}: {}", dir.string(), std::strerror(reason)));
  }
  return FileDescriptor(opened);
}

std::vector<std::string> content_files_present(int folder) {
  std::vector<std::string> present;
  for (ContentKind kind : content_kinds()) {
    const std::string name(content_file_name(kind));
    struct stat status {};
    // Not followed: a link that points nowhere is in the way too.
    if (::fstatat(folder, name.c_str(), &status, AT_SYMLINK_NOFOLLOW) == 0 || errno != ENOENT) {
      present.push_back(name);
    }
  }
  return present;
}

std::vector<std::filesystem::path> write_content_files(const Content& content, int folder,
                                                       const std::filesystem::path& dir, bool replace) {
  std::vector<std::filesystem::path> written;
  for (ContentKind kind : content_kinds()) {
    const std::string name(content_file_name(kind));
    const std::filesystem::path path = dir / name;
    write_file_atomically(folder, name, content_file_text(content, kind), replace, path);
    written.push_back(path);
  }
  return written;
}

}  // namespace aa
