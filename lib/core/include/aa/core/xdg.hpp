// SPDX-License-Identifier: MIT
// Where a user's configuration and data live, by the XDG base directory
// specification.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace aa {

// The base directory named by an XDG variable's `value`, else `home` /
// `under_home`. The spec ignores a value that is empty or not absolute, and
// so do we for `home`; nullopt when there is no absolute home either.
std::optional<std::filesystem::path> xdg_base_dir(std::optional<std::string_view> value,
                                                  std::optional<std::string_view> home, std::string_view under_home);

// xdg_base_dir() as a plain string: for the login path (aa-tip --daily),
// where std::filesystem::path's parsing of each component costs more than
// the rest of looking for the personal tips.
std::optional<std::string> xdg_base_string(std::optional<std::string_view> value, std::optional<std::string_view> home,
                                           std::string_view under_home);

}  // namespace aa
