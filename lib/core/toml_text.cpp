#include "aa/toml_text.hpp"

#include <fmt/core.h>

#include "aa/error.hpp"
#include "aa/text.hpp"
#include "aa/toml_depth.hpp"

namespace aa {

toml::table parse_toml(std::string_view text, std::string_view path) {
  if (const auto excess = find_excess_nesting(text, max_toml_depth)) {
    throw Error(Problem::data, fmt::format("{}:{}:{}: nested more than {} levels deep", terminal_safe(path),
                                           excess->line, excess->column, max_toml_depth));
  }
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    const toml::source_position& at = error.source().begin;
    // toml++ quotes the text it stopped at, which may be anything.
    throw Error(Problem::data, fmt::format("{}:{}:{}: {}", terminal_safe(path), at.line, at.column,
                                           terminal_safe(error.description())));
  }
}

}  // namespace aa
