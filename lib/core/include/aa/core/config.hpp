// SPDX-License-Identifier: MIT
// The user's settings, from $XDG_CONFIG_HOME/aa/config.toml. Every setting
// is optional; keys this version does not know are left alone, so a newer
// config file still works, and returned with where they are, so that a
// command can warn about a misspelt one.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aa {

// A key this version does not know, and where it is.
struct UnknownSetting {
  std::string key;  // a top-level key, as written
  std::size_t line = 0;
  std::size_t column = 0;
};

struct Config {
  bool save = false;                    // `save = true`: aa-check keeps every result, as if given --save
  bool tip_hint = true;                 // `tip_hint = false`: aa-tip shows no hint line, as if given --no-hint
  std::vector<UnknownSetting> unknown;  // in the order they appear in the file
};

// `config_dir`/aa/config.toml.
std::filesystem::path config_file_in(const std::filesystem::path& config_dir);

// Settings from TOML text; `path` names the file in messages. Throws
// Error(Problem::data) "path:line:column: what is wrong".
Config parse_config(std::string_view toml_text, std::string_view path);

// The most a config file may hold: far more than any settings need.
inline constexpr std::size_t config_file_limit = 64 * 1024;

// Settings from `file`; the defaults when it does not exist. Throws
// Error(Problem::io) when it cannot be read (not a regular file, or larger
// than config_file_limit), Error(Problem::data) when it is bad.
Config read_config(const std::filesystem::path& file);

}  // namespace aa
