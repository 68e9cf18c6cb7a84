// SPDX-License-Identifier: MIT
#include "aa/cli/environment.hpp"

#include <cstdlib>

#include <fmt/core.h>
#include <linux/magic.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "aa/content/personal_tips.hpp"
#include "aa/core/config.hpp"
#include "aa/core/history.hpp"
#include "aa/core/xdg.hpp"
#include "aa/io/error.hpp"

namespace aa::cli {

std::optional<std::string_view> environment_variable(const char* name) {
  const char* value = std::getenv(name);
  if (!value) return std::nullopt;
  return std::string_view(value);
}

std::optional<std::filesystem::path> user_data_dir() {
  return xdg_base_dir(environment_variable("XDG_DATA_HOME"), environment_variable("HOME"), ".local/share");
}

std::optional<std::filesystem::path> user_config_dir() {
  return xdg_base_dir(environment_variable("XDG_CONFIG_HOME"), environment_variable("HOME"), ".config");
}

std::optional<std::string> personal_tips_dir() {
  auto dir = xdg_base_string(environment_variable("XDG_DATA_HOME"), environment_variable("HOME"), ".local/share");
  if (!dir) return std::nullopt;
  return personal_tips_dir_in(std::move(*dir));
}

std::filesystem::path history_file() {
  const auto dir = user_data_dir();
  if (!dir) {
    throw Error(Problem::io,
                "cannot tell where to keep your results: neither XDG_DATA_HOME nor HOME is set to an absolute path");
  }
  return history_file_in(*dir);
}

std::filesystem::path journal_file() {
  const auto dir = user_data_dir();
  if (!dir) {
    throw Error(Problem::io,
                "cannot tell where to keep your journal: neither XDG_DATA_HOME nor HOME is set to an absolute path");
  }
  return *dir / "aa" / "journal.jsonl";
}

std::optional<std::filesystem::path> config_file() {
  const auto dir = user_config_dir();
  if (!dir) return std::nullopt;
  return config_file_in(*dir);
}

std::optional<std::filesystem::path> memory_draft_folder(const std::optional<std::string_view>& runtime_dir,
                                                         const std::filesystem::path& shared_memory) {
  const auto in_memory = [](const std::filesystem::path& folder) {
    struct statfs status {};
    return folder.is_absolute() && ::statfs(folder.c_str(), &status) == 0 &&
           (status.f_type == TMPFS_MAGIC || status.f_type == RAMFS_MAGIC);
  };
  if (runtime_dir && in_memory(*runtime_dir)) return std::filesystem::path(*runtime_dir) / "aa";
  if (in_memory(shared_memory)) return shared_memory / fmt::format("aa-{}", ::getuid());
  return std::nullopt;
}

}  // namespace aa::cli
