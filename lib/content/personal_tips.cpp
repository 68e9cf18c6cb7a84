// SPDX-License-Identifier: MIT
#include "aa/content/personal_tips.hpp"

#include <cerrno>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>

#include "aa/content/text.hpp"
#include "aa/io/error.hpp"
#include "aa/io/io.hpp"

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
  // Hidden files are an editor's or a sync tool's, not tips.
  const auto is_tips_file = [](std::string_view name) { return !name.starts_with('.') && name.ends_with(".toml"); };
  return names_in_folder(folder, is_tips_file, "read personal tips folder", shown_as);
}

namespace {

// The tips of one personal file, checked against `taken` (and added there):
// its problems go to `problems`.
std::vector<Tip> file_tips(Content& content, int folder, const std::filesystem::path& dir, const std::string& name,
                           std::unordered_map<std::string_view, Origin>& taken, ContentProblems& problems) {
  const std::filesystem::path path = dir / name;
  const auto text = read_regular_file_at(folder, name, content_file_limit, path);
  if (!text) return {};  // gone since it was listed
  Content file;
  file.sections = content.sections;  // what its tips may refer to
  load_content_text(file, ContentKind::tips, *text, path.string(), &problems);
  std::vector<Tip> tips;
  for (const Tip& tip : file.tips) {
    if (tip.id.empty()) continue;  // a problem already listed
    const auto [first, inserted] = taken.emplace(tip.id, tip.origin);
    if (!inserted) {
      problems.push_back({std::string(tip.origin.file), tip.origin.line, tip.origin.column,
                          fmt::format("tip id '{}' is taken already, by {}", tip.id, place(first->second))});
      continue;
    }
    tips.push_back(tip);
  }
  for (auto& owner : file.storage) content.storage.push_back(std::move(owner));
  return tips;
}

// add_personal_tips(), and with `left_out` add_usable_personal_tips().
void add_tips(Content& content, const std::string& dir_name, ContentProblems* problems,
              std::vector<std::string>* left_out) {
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
    ContentProblems found;
    std::vector<Tip> tips;
    if (!left_out) {
      tips = file_tips(content, folder.get(), dir, name, taken, found);
      if (!found.empty() && !problems) throw Error(Problem::data, located(found.front()));
      if (problems) problems->insert(problems->end(), found.begin(), found.end());
      merged->tips.insert(merged->tips.end(), tips.begin(), tips.end());
      continue;
    }
    // A file is taken whole or not at all, so that a half-read file never
    // shifts which tip a day shows; the ids it took are given back.
    auto kept = taken;
    try {
      tips = file_tips(content, folder.get(), dir, name, taken, found);
    } catch (const Error& error) {
      left_out->push_back(error.what());
      taken = std::move(kept);
      continue;
    }
    if (!found.empty()) {
      const std::size_t more = found.size() - 1;
      left_out->push_back(located(found.front()) +
                          (more == 0 ? "" : fmt::format(" (and {} more problem{})", more, more == 1 ? "" : "s")));
      taken = std::move(kept);
      continue;
    }
    merged->tips.insert(merged->tips.end(), tips.begin(), tips.end());
  }
  content.tips = merged->tips;
  content.storage.push_back(std::move(merged));
}

}  // namespace

void add_personal_tips(Content& content, const std::string& dir, ContentProblems* problems) {
  add_tips(content, dir, problems, nullptr);
}

std::vector<std::string> add_usable_personal_tips(Content& content, const std::string& dir) {
  std::vector<std::string> left_out;
  try {
    add_tips(content, dir, nullptr, &left_out);
  } catch (const Error& error) {
    left_out.push_back(error.what());  // the folder itself
  }
  return left_out;
}

}  // namespace aa
