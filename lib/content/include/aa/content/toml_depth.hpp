// SPDX-License-Identifier: MIT
// How deep a TOML text nests, found before the parser sees it: toml++
// builds and destroys the tables named by a header or a dotted key by
// recursion, with no bound of its own, so `[a.a.a...]` with a few hundred
// thousand keys runs out of stack.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace aa {

// How deep tables, arrays and inline tables may nest. Every table a header
// or dotted key names counts as a level, and so does every array (an array
// of tables too) and inline table.
constexpr std::size_t max_toml_depth = 64;

struct TomlPosition {
  std::uint32_t line;
  std::uint32_t column;  // in code points from 1, as toml++ counts
};

// Where `text` first nests deeper than `limit` levels, by a lexical scan
// that knows strings and comments and tells the dots of a key from those of
// a number; nothing within the limit. Exact for valid TOML; for invalid TOML
// a guess, which toml++'s own error follows.
std::optional<TomlPosition> find_excess_nesting(std::string_view text, std::size_t limit);

}  // namespace aa
