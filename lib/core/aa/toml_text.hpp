// Parsing TOML text with toml++, with errors as path:line:column. Include
// toml++ only through this header: the build patches it and compiles it once
// (cmake/tomlplusplus.cmake).
#pragma once

#include <string_view>

#include <toml++/toml.h>

namespace aa {

// Parses `text` as TOML. Throws Error(Problem::data) with
// "path:line:column: description" for invalid TOML, or for nesting deeper
// than max_toml_depth (aa/toml_depth.hpp), which is refused before toml++
// sees the text.
toml::table parse_toml(std::string_view text, std::string_view path);

}  // namespace aa
