// SPDX-License-Identifier: MIT
#include "aa/core/config.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "aa/content/toml_text.hpp"
#include "aa/io/error.hpp"
#include "aa/io/io.hpp"

namespace aa {

std::filesystem::path config_file_in(const std::filesystem::path& config_dir) {
  return config_dir / "aa" / "config.toml";
}

namespace {

// The setting `key` into `setting`, if the file has it.
void read_bool(const toml::table& root, std::string_view key, std::string_view path, bool& setting) {
  const toml::node* node = root.get(key);
  if (!node) return;
  const auto value = node->value<bool>();
  if (!node->is_boolean() || !value) {
    const auto& at = node->source().begin;
    throw Error(Problem::data, fmt::format("{}:{}:{}: '{}' must be true or false", path, at.line, at.column, key));
  }
  setting = *value;
}

// The keys this version reads.
constexpr std::string_view known_settings[] = {"save", "tip_hint"};

bool known(std::string_view key) {
  return std::find(std::begin(known_settings), std::end(known_settings), key) != std::end(known_settings);
}

}  // namespace

Config parse_config(std::string_view toml_text, std::string_view path) {
  const toml::table root = parse_toml(toml_text, path);
  Config config;
  read_bool(root, "save", path, config.save);
  read_bool(root, "tip_hint", path, config.tip_hint);
  // Every setting is a top-level key: a table is unknown as a whole.
  for (const auto& [key, node] : root) {
    if (known(key.str())) continue;
    const auto& at = key.source().begin;
    config.unknown.push_back({std::string(key.str()), at.line, at.column});
  }
  std::sort(config.unknown.begin(), config.unknown.end(), [](const UnknownSetting& a, const UnknownSetting& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  return config;
}

Config read_config(const std::filesystem::path& file) {
  // No file (or no directory for it) just means no settings.
  const auto text = read_regular_file(file, config_file_limit);
  return text ? parse_config(*text, file.string()) : Config{};
}

}  // namespace aa
