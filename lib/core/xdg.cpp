// SPDX-License-Identifier: MIT
#include "aa/core/xdg.hpp"

namespace aa {

std::optional<std::string> xdg_base_string(std::optional<std::string_view> value, std::optional<std::string_view> home,
                                           std::string_view under_home) {
  // A relative path would depend on where the command happens to run.
  auto absolute = [](std::optional<std::string_view> path) { return path && path->starts_with('/'); };
  if (absolute(value)) return std::string(*value);
  // $HOME rather than getpwuid(): the commands may be linked statically,
  // where glibc's user database lookups do not work reliably.
  if (absolute(home)) {
    std::string dir(*home);
    if (!dir.ends_with('/')) dir += '/';
    return dir.append(under_home);
  }
  return std::nullopt;
}

std::optional<std::filesystem::path> xdg_base_dir(std::optional<std::string_view> value,
                                                  std::optional<std::string_view> home, std::string_view under_home) {
  const auto dir = xdg_base_string(value, home, under_home);
  if (!dir) return std::nullopt;
  return std::filesystem::path(*dir);
}

}  // namespace aa
