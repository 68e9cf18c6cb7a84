// SPDX-License-Identifier: MIT
#include "aa/content/toml_depth.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace aa {
namespace {

// Where byte `at` of a text that starts at `start` is, as toml++ counts: a column is a code point.
TomlPosition position_of(std::string_view text, std::size_t start, std::size_t at) {
  TomlPosition position{1, 1};
  for (std::size_t i = start; i < at; ++i) {
    if (text[i] == '\n') position = {position.line + 1, 1};
    if (text[i] != '\n' && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++position.column;
  }
  return position;
}

// Where the string that starts at `i` ends: none of its characters count.
std::size_t string_end(std::string_view text, std::size_t i) {
  const char quote = text[i];
  const bool multi_line = text.substr(i, 3) == std::string(3, quote);
  for (i += multi_line ? 3 : 1; i < text.size(); ++i) {
    if (multi_line ? text.substr(i, 3) == std::string(3, quote) : text[i] == quote) break;
    if (!multi_line && text[i] == '\n') return i;  // a one-line string ends at its line's end, closed or not
    if (quote == '"' && text[i] == '\\' && i + 1 < text.size() && (multi_line || text[i + 1] != '\n')) ++i;
  }
  // The closing quotes; up to two more after a multi-line string's are part of it.
  for (int n = 0; n < (multi_line ? 5 : 1) && i < text.size() && text[i] == quote; ++n) ++i;
  return i;
}

}  // namespace

std::optional<TomlPosition> find_excess_nesting(std::string_view text, std::size_t limit) {
  // The depth of the table the key so far names, or where the next value goes.
  std::size_t depth = 0, table_depth = 0;
  bool in_key = true, in_header = false, line_start = true;
  std::vector<std::pair<std::size_t, bool>> open;                      // arrays and inline tables: depth, is inline
  const std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // toml++ skips a byte order mark
  for (std::size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    const bool header = c == '[' && line_start && open.empty();  // [[...]] is an array of tables too
    line_start = line_start && (c == ' ' || c == '\t' || c == '\r');
    if (header) depth = 0;
    if ((c == '[' || c == '{' || (c == '.' && in_key)) &&
        (depth += header && text.substr(i, 2) == "[[" ? 2 : 1) > limit)
      return position_of(text, start, i);
    if (c == '#') i = std::min(text.find('\n', i), text.size()) - 1;
    if (c == '"' || c == '\'') i = string_end(text, i) - 1;
    if (c == '=') in_key = in_key && in_header;
    if (c == ',' && !open.empty()) std::tie(depth, in_key) = open.back();  // the next key or value
    if (header) {
      in_header = in_key = true;
      i += text.substr(i, 2) == "[[" ? 1 : 0;
    } else if (c == '[' || c == '{') {
      open.emplace_back(depth, c == '{');
      in_key = c == '{';
    } else if (c == ']' && in_header) {
      i += text.substr(i, 2) == "]]" ? 1 : 0;
      in_header = in_key = false;
      table_depth = depth;
    } else if ((c == ']' || c == '}') && !open.empty() && open.back().second == (c == '}')) {
      open.pop_back();
      in_key = false;
      if (!open.empty()) depth = open.back().first;
    } else if (c == '\n' && open.empty()) {  // a newline ends a key/value pair, except inside an array
      in_header = false;
      line_start = in_key = true;
      depth = table_depth;
    }
  }
  return std::nullopt;
}

}  // namespace aa
