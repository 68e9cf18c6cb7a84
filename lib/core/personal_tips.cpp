// SPDX-License-Identifier: MIT
#include "aa/personal_tips.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>

#include <dirent.h>
#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aa/error.hpp"
#include "aa/io.hpp"
#include "aa/text.hpp"

namespace aa {
namespace {

[[noreturn]] void cannot_read(const std::filesystem::path& dir, int error) {
  throw Error(Problem::io, fmt::format("cannot read personal tips folder {}: {}", dir.string(), std::strerror(error)));
}

// "the built-in tips" or "FILE:LINE:COLUMN".
std::string place(const Origin& origin) {
  if (origin.file.empty()) return "a built-in tip";
  return fmt::format("{}:{}:{}", terminal_safe(origin.file), origin.line, origin.column);
}

// Owns the merged list of tips.
struct MergedTips {
  std::vector<Tip> tips;
};

}  // namespace

std::string personal_tips_dir_in(std::string data_dir) {
  if (!data_dir.ends_with('/')) data_dir += '/';
  return data_dir + "aa/tips";
}

std::vector<std::string> personal_tip_file_names(int folder, const std::filesystem::path& shown_as) {
  // readdir() on a descriptor of our own: closedir() closes it.
  const int listed = ::openat(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (listed < 0) cannot_read(shown_as, errno);
  DIR* stream = ::fdopendir(listed);
  if (!stream) {
    const int error = errno;
    ::close(listed);
    cannot_read(shown_as, error);
  }
  std::vector<std::string> names;
  errno = 0;
  while (const dirent* entry = ::readdir(stream)) {
    const std::string_view name = entry->d_name;
    // Hidden files are an editor's or a sync tool's, not tips.
    if (name.starts_with('.') || !name.ends_with(".toml")) continue;
    names.emplace_back(name);
    errno = 0;
  }
  const int error = errno;
  ::closedir(stream);
  if (error != 0) cannot_read(shown_as, error);
  std::sort(names.begin(), names.end());
  return names;
}

void add_personal_tips(Content& content, const std::string& dir_name, ContentProblems* problems) {
  const int opened = ::open(dir_name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (opened < 0) {
    const int error = errno;
    if (error == ENOENT) return;  // no tips of one's own: the usual case, and one system call
    // A folder that is there but cannot be read is an error; one behind a
    // folder we may not search (or a file) may not be there at all.
    struct stat status {};
    if (::stat(dir_name.c_str(), &status) != 0) return;
    cannot_read(dir_name, S_ISDIR(status.st_mode) ? error : ENOTDIR);
  }
  const std::filesystem::path dir = dir_name;
  const FileDescriptor folder(opened);
  const std::vector<std::string> names = personal_tip_file_names(folder.get(), dir);
  if (names.empty()) return;

  auto merged = std::make_shared<MergedTips>();
  merged->tips.assign(content.tips.begin(), content.tips.end());
  // Where each id was given first, for a collision's message.
  std::unordered_map<std::string_view, Origin> taken;
  for (const Tip& tip : content.tips) taken.emplace(tip.id, tip.origin);

  for (const std::string& name : names) {
    const std::filesystem::path path = dir / name;
    const auto text = read_regular_file_at(folder.get(), name, content_file_limit, path);
    if (!text) continue;  // gone since it was listed
    Content file;
    file.sections = content.sections;  // what its tips may refer to
    load_content_text(file, ContentKind::tips, *text, path.string(), problems);
    for (const Tip& tip : file.tips) {
      if (tip.id.empty()) continue;  // a problem already listed
      const auto [first, inserted] = taken.emplace(tip.id, tip.origin);
      if (!inserted) {
        ContentProblem problem{std::string(tip.origin.file), tip.origin.line, tip.origin.column,
                               fmt::format("tip id '{}' is taken already, by {}", tip.id, place(first->second))};
        if (!problems) throw Error(Problem::data, located(problem));
        problems->push_back(std::move(problem));
        continue;
      }
      merged->tips.push_back(tip);
    }
    for (auto& owner : file.storage) content.storage.push_back(std::move(owner));
  }
  content.tips = merged->tips;
  content.storage.push_back(std::move(merged));
}

}  // namespace aa
