#include "aa/config.hpp"

#include <string>

#include <fmt/core.h>

#include "aa/error.hpp"
#include "aa/io.hpp"
#include "aa/toml_text.hpp"

namespace aa {

std::filesystem::path config_file_in(const std::filesystem::path& config_dir) {
  return config_dir / "aa" / "config.toml";
}

Config parse_config(std::string_view toml_text, std::string_view path) {
  const toml::table root = parse_toml(toml_text, path);
  Config config;
  if (const toml::node* save = root.get("save")) {
    const auto value = save->value<bool>();
    if (!save->is_boolean() || !value) {
      const auto& at = save->source().begin;
      throw Error(Problem::data, fmt::format("{}:{}:{}: 'save' must be true or false", path, at.line, at.column));
    }
    config.save = *value;
  }
  return config;
}

Config read_config(const std::filesystem::path& file) {
  // No file (or no directory for it) just means no settings.
  const auto text = read_regular_file(file, config_file_limit);
  return text ? parse_config(*text, file.string()) : Config{};
}

}  // namespace aa
