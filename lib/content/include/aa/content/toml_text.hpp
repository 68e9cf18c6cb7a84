// SPDX-License-Identifier: MIT
// Parsing TOML text with toml++, with errors as path:line:column. Include
// toml++ only through this header: the build patches it and compiles it once
// (cmake/tomlplusplus.cmake).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include <toml++/toml.h>

namespace aa {

// Parses `text` as TOML. Throws Error(Problem::data) with
// "path:line:column: description" for invalid TOML, or for nesting deeper
// than max_toml_depth (aa/toml_depth.hpp), which is refused before toml++
// sees the text.
// description": the description is in plain words for the common
// mistakes (plain_toml_description()).
toml::table parse_toml(std::string_view text, std::string_view path);

// Why a text is not TOML that we read, and where: what parse_toml() words.
struct TomlSyntaxError {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string description;  // in plain words, safe for a terminal
};

// parse_toml() for a caller that goes on after a bad file (aa-content
// check): the table, or why there is none.
std::variant<toml::table, TomlSyntaxError> parse_toml_or_error(std::string_view text, std::string_view path);

// toml++'s description of a syntax error ("Error while parsing boolean:
// expected 'true', saw 'tru\n'") in words a person who does not know the
// TOML grammar can act on; toml++'s own reason, without its prefix, for
// the rarer ones.
std::string plain_toml_description(std::string_view description);

}  // namespace aa
