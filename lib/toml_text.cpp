#include "aa/toml_text.hpp"

#include <fmt/core.h>

#include "aa/error.hpp"

namespace aa {

toml::table parse_toml(std::string_view text, std::string_view path) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    const toml::source_position& at = error.source().begin;
    throw Error(Exit::data, fmt::format("{}:{}:{}: {}", path, at.line, at.column, error.description()));
  }
}

}  // namespace aa
