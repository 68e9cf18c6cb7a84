// SPDX-License-Identifier: MIT
// Rows of short keys and a longer text, laid out for a person at a
// terminal: the keys in aligned columns, the text wrapped under itself.
// (For a script, each command prints its own tab- or colon-separated
// lines instead.)
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/color.h>

#include "aa/core/search.hpp"

namespace aa {

struct TableRow {
  std::vector<std::string> keys;          // the short columns: a number, an id, a name
  std::string_view text;                  // the last column
  std::span<const ByteRange> marks = {};  // parts of `text` to highlight, in order
};

struct TableStyle {
  std::size_t width = 0;                             // 0: no wrapping
  bool color = false;                                // ANSI styles
  std::span<const fmt::text_style> key_styles = {};  // a style for each key column, when colour is on
  fmt::text_style mark_style = {};                   // for the marks, when colour is on
};

// One row a line (more when the text wraps): each key column padded to its
// widest cell (right-aligned when every cell is a number), two spaces
// between columns, and the text wrapped to the width with later lines
// hanging under its first. Where the keys leave the text too little room
// (under 30 columns, or half the width), the keys take a line of their own
// and the text is wrapped, indented, below them. No line is wider than
// asked; words are never split unless longer than a line.
std::string aligned_table(std::span<const TableRow> rows, const TableStyle& style);

}  // namespace aa
