// SPDX-License-Identifier: MIT
#include "tip/fast_path.hpp"

namespace aa::cli {

bool is_only_flag(int argc, const char* const* argv, std::string_view names) {
  if (argc != 2 || argv == nullptr || argv[1] == nullptr) return false;
  const std::string_view argument = argv[1];
  while (!names.empty()) {
    const std::size_t comma = names.find(',');
    const std::string_view name = names.substr(0, comma);
    // A name without a dash would be a positional argument, not a flag.
    if (name.size() > 1 && name[0] == '-' && argument == name) return true;
    if (comma == std::string_view::npos) break;
    names.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace aa::cli
