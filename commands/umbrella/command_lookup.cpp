// SPDX-License-Identifier: MIT
#include "umbrella/command_lookup.hpp"

#include "aa/cli/environment.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace aa::cli {

namespace {

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// What a file is, for running it.
enum class FileKind { missing, other, regular, executable };

FileKind kind_of(const std::string& path) {
  struct stat info {};
  // stat, not lstat: a link to a program (as installers make) is that program.
  if (::stat(path.c_str(), &info) != 0) return FileKind::missing;
  if (!S_ISREG(info.st_mode)) return FileKind::other;
  // Effective ids, as execve() checks them.
  return ::faccessat(AT_FDCWD, path.c_str(), X_OK, AT_EACCESS) == 0 ? FileKind::executable : FileKind::regular;
}

std::string default_path() {
  const std::size_t size = ::confstr(_CS_PATH, nullptr, 0);
  if (size == 0) return "/usr/bin:/bin";
  std::string path(size, '\0');
  ::confstr(_CS_PATH, path.data(), size);
  path.resize(size - 1);
  return path;
}

std::optional<std::string> own_folder() {
  std::string target(4096, '\0');
  const ssize_t length = ::readlink("/proc/self/exe", target.data(), target.size());
  if (length <= 0 || static_cast<std::size_t>(length) >= target.size()) return std::nullopt;
  target.resize(static_cast<std::size_t>(length));
  // Also right for a program replaced while it runs ("/usr/bin/aa (deleted)").
  const std::size_t slash = target.rfind('/');
  if (target.front() != '/' || slash == std::string::npos) return std::nullopt;
  return slash == 0 ? "/" : target.substr(0, slash);
}

std::optional<std::string_view> path_variable(std::string& fallback) {
  if (const auto path = cli::environment_variable("PATH")) return path;
  fallback = default_path();
  return std::string_view(fallback);
}

std::string joined(const std::string& folder, std::string_view name) {
  return folder.ends_with('/') ? folder + std::string(name) : folder + "/" + std::string(name);
}

}  // namespace

bool is_command_name(std::string_view name) {
  if (name.empty() || name.size() > 100 || !is_ascii_alnum(name.front())) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return is_ascii_alnum(c) || c == '-' || c == '_' || c == '.'; });
}

std::vector<std::string> command_folders(const std::optional<std::string>& own, std::optional<std::string_view> path) {
  std::vector<std::string> folders;
  const auto add = [&folders](std::string_view folder) {
    if (!folder.starts_with('/')) return;
    if (std::find(folders.begin(), folders.end(), folder) == folders.end()) folders.emplace_back(folder);
  };
  if (own) add(*own);
  while (path) {
    const std::size_t colon = path->find(':');
    add(path->substr(0, colon));
    if (colon == std::string_view::npos) break;
    path->remove_prefix(colon + 1);
  }
  return folders;
}

std::vector<std::string> command_folders(const std::function<void()>& without_own_folder) {
  std::string fallback;
  const auto own = own_folder();
  if (!own && without_own_folder) without_own_folder();
  return command_folders(own, path_variable(fallback));
}

std::vector<std::string> path_folders() {
  std::string fallback;
  return command_folders(std::nullopt, path_variable(fallback));
}

ProgramLookup find_program(std::string_view name, std::span<const std::string> folders) {
  ProgramLookup found;
  for (const std::string& folder : folders) {
    std::string candidate = joined(folder, name);
    switch (kind_of(candidate)) {
      case FileKind::executable: found.path = std::move(candidate); return found;
      case FileKind::regular:
        if (found.not_executable.empty()) found.not_executable = std::move(candidate);
        break;
      case FileKind::missing:
      case FileKind::other: break;
    }
  }
  return found;
}

ProgramLookup find_command(std::string_view name, std::span<const std::string> folders) {
  return find_program(std::string(command_prefix) + std::string(name), folders);
}

std::vector<FoundCommand> list_commands(std::span<const std::string> folders) {
  std::vector<FoundCommand> commands;
  std::set<std::string, std::less<>> seen;
  for (const std::string& folder : folders) {
    DIR* dir = ::opendir(folder.c_str());
    if (dir == nullptr) continue;  // PATH often names folders that are not there
    while (const dirent* entry = ::readdir(dir)) {
      const std::string_view file = entry->d_name;
      if (!file.starts_with(command_prefix)) continue;
      const std::string_view name = file.substr(command_prefix.size());
      if (!is_command_name(name) || seen.count(name)) continue;
      std::string path = joined(folder, file);
      if (kind_of(path) != FileKind::executable) continue;
      seen.emplace(name);
      commands.push_back({std::string(name), std::move(path)});
    }
    ::closedir(dir);
  }
  std::sort(commands.begin(), commands.end(),
            [](const FoundCommand& a, const FoundCommand& b) { return a.name < b.name; });
  return commands;
}

}  // namespace aa::cli
