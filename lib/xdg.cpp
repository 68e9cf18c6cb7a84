#include "aa/xdg.hpp"

#include <cstdlib>

namespace aa {
namespace {

std::optional<std::string_view> environment(const char* name) {
  const char* value = std::getenv(name);
  if (!value) return std::nullopt;
  return std::string_view(value);
}

}  // namespace

std::optional<std::filesystem::path> xdg_base_dir(std::optional<std::string_view> value,
                                                  std::optional<std::string_view> home,
                                                  std::string_view under_home) {
  // A relative path would depend on where the command happens to run.
  auto absolute = [](std::optional<std::string_view> path) { return path && path->starts_with('/'); };
  if (absolute(value)) return std::filesystem::path(*value);
  // $HOME rather than getpwuid(): the commands may be linked statically,
  // where glibc's user database lookups do not work reliably.
  if (absolute(home)) return std::filesystem::path(*home) / under_home;
  return std::nullopt;
}

std::optional<std::filesystem::path> user_data_dir() {
  return xdg_base_dir(environment("XDG_DATA_HOME"), environment("HOME"), ".local/share");
}

std::optional<std::filesystem::path> user_config_dir() {
  return xdg_base_dir(environment("XDG_CONFIG_HOME"), environment("HOME"), ".config");
}

}  // namespace aa
