#include "aa/xdg.hpp"

namespace aa {

std::optional<std::filesystem::path> xdg_base_dir(std::optional<std::string_view> value,
                                                  std::optional<std::string_view> home, std::string_view under_home) {
  // A relative path would depend on where the command happens to run.
  auto absolute = [](std::optional<std::string_view> path) { return path && path->starts_with('/'); };
  if (absolute(value)) return std::filesystem::path(*value);
  // $HOME rather than getpwuid(): the commands may be linked statically,
  // where glibc's user database lookups do not work reliably.
  if (absolute(home)) return std::filesystem::path(*home) / under_home;
  return std::nullopt;
}

}  // namespace aa
