// SPDX-License-Identifier: MIT
#include "aa/content/check.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>

#include "aa/content/dump.hpp"
#include "aa/content/personal_tips.hpp"
#include "aa/io/error.hpp"
#include "aa/io/io.hpp"

namespace aa {
namespace {

bool is_content_file_name(std::string_view name) {
  const auto kinds = content_kinds();
  return std::any_of(kinds.begin(), kinds.end(), [&](ContentKind kind) { return content_file_name(kind) == name; });
}

// The folder, open for listing; usage errors as --content-dir has them.
FileDescriptor open_checked_folder(const std::filesystem::path& dir) {
  const int opened = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (opened >= 0) return FileDescriptor(opened);
  const int error = errno;
  if (error == ENOENT) throw Error(Problem::usage, fmt::format("'{}': no such directory", dir.string()));
  if (error == ENOTDIR) throw Error(Problem::usage, fmt::format("'{}': not a directory", dir.string()));
  throw Error(Problem::io, fmt::format("cannot read {}: {}", dir.string(), std::strerror(error)));
}

}  // namespace

ContentCheck check_content_dir(const Content& base, const std::filesystem::path& dir) {
  ContentCheck check;
  check.content = overlay_content_dir(base, dir, &check.problems);
  const FileDescriptor folder = open_checked_folder(dir);
  check.files = content_files_present(folder.get());
  for (const std::string& name : personal_tip_file_names(folder.get(), dir)) {
    if (!is_content_file_name(name)) check.ignored.push_back(name);
  }
  return check;
}

ContentCheck check_personal_tips_dir(const Content& base, const std::string& dir) {
  ContentCheck check;
  const FileDescriptor folder = open_checked_folder(dir);
  check.files = personal_tip_file_names(folder.get(), dir);
  check.content = base;
  add_personal_tips(check.content, dir, &check.problems);
  return check;
}

bool looks_like_personal_tips_dir(const std::filesystem::path& dir) {
  const FileDescriptor folder = open_checked_folder(dir);
  if (!content_files_present(folder.get()).empty()) return false;
  return !personal_tip_file_names(folder.get(), dir).empty();
}

}  // namespace aa
