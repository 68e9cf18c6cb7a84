// SPDX-License-Identifier: MIT
#include "aa/content/dump.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aa/content/load.hpp"
#include "aa/content/toml_file.hpp"
#include "aa/io/error.hpp"

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
                                                       const std::filesystem::path& dir, bool replace,
                                                       std::string (*header)(ContentKind)) {
  std::vector<std::string> names;
  for (ContentKind kind : content_kinds()) names.emplace_back(content_file_name(kind));
  // A rename refuses a name in the way (a folder; any file without
  // `replace`), but only after those renamed before it are in place: look
  // first, so that nothing is written.
  for (const std::string& name : names) {
    struct stat status {};
    if (::fstatat(folder, name.c_str(), &status, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (!replace || S_ISDIR(status.st_mode)) {
      throw Error(Problem::io, fmt::format("cannot write {}: {}; nothing was written", (dir / name).string(),
                                           std::strerror(replace ? EISDIR : EEXIST)));
    }
  }
  // All or nothing: every file is written under a hidden name first and
  // renamed into place only once all are written, so that a failure
  // partway (a full disk, a name taken) leaves the folder as it was.
  std::vector<std::string> staged;
  const auto remove_staged = [&](std::size_t from) {
    for (std::size_t i = from; i < staged.size(); ++i) ::unlinkat(folder, staged[i].c_str(), 0);
  };
  try {
    for (std::size_t i = 0; i < names.size(); ++i) {
      std::string hidden = "." + names[i] + ".aa-dump";
      // Replaced, never followed, if a dump that was killed left it.
      const ContentKind kind = content_kinds()[i];
      write_file_atomically(folder, hidden, content_file_text(content, kind, header(kind)), true, dir / names[i]);
      staged.push_back(std::move(hidden));
    }
  } catch (const Error&) {
    remove_staged(0);
    throw;
  }
  std::vector<std::filesystem::path> written;
  for (std::size_t i = 0; i < names.size(); ++i) {
    // Without `replace`, a file that appeared since the caller looked stays.
    if (::renameat2(folder, staged[i].c_str(), folder, names[i].c_str(), replace ? 0 : RENAME_NOREPLACE) != 0) {
      const int error = errno;
      remove_staged(i);
      throw Error(Problem::io, fmt::format("cannot write {}: {}", (dir / names[i]).string(), std::strerror(error)));
    }
    written.push_back(dir / names[i]);
  }
  return written;
}

}  // namespace aa
