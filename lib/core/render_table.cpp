// SPDX-License-Identifier: MIT
#include "aa/core/render_table.hpp"

#include <algorithm>

#include <fmt/core.h>

#include "aa/content/text.hpp"

namespace aa {
namespace {

// The text hangs beside the keys when that leaves it this many columns,
// or half the width on a narrow terminal; otherwise it goes below them.
constexpr std::size_t min_hanging_width = 30;
constexpr std::string_view stacked_indent = "    ";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_number(std::string_view cell) {
  return !cell.empty() && std::all_of(cell.begin(), cell.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `wrapped`, which is `source` with runs of blanks replaced (by a space, or
// a line break and an indent) and line breaks put into over-long words,
// with each of its characters styled as the byte of `source` it came from
// (`styles[i]`: 0 for none, else an index into `palette` plus one). Each
// run is styled on its own line, so that whatever line a pager shows first
// looks right; blanks are never styled.
std::string restyle(std::string_view wrapped, std::string_view source, const std::vector<unsigned char>& styles,
                    std::span<const fmt::text_style> palette) {
  std::string out;
  std::string run;
  unsigned char run_style = 0;
  const auto flush = [&] {
    if (run.empty()) return;
    out += run_style == 0 ? run : fmt::format(palette[run_style - 1], "{}", run);
    run.clear();
  };
  std::size_t from = 0;
  for (const char c : wrapped) {
    if (is_blank(c)) {
      flush();
      out += c;
      while (from < source.size() && is_blank(source[from])) ++from;
      continue;
    }
    const unsigned char style = from < source.size() && source[from] == c ? styles[from] : 0;
    if (from < source.size() && source[from] == c) ++from;
    if (style != run_style) flush();
    run_style = style;
    run += c;
  }
  flush();
  return out;
}

}  // namespace

std::string aligned_table(std::span<const TableRow> rows, const TableStyle& style) {
  std::size_t columns = 0;
  for (const TableRow& row : rows) columns = std::max(columns, row.keys.size());
  std::vector<std::size_t> widths(columns, 0);
  std::vector<bool> numeric(columns, true);
  for (const TableRow& row : rows) {
    for (std::size_t i = 0; i < row.keys.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row.keys[i]));
      numeric[i] = numeric[i] && is_number(row.keys[i]);
    }
  }
  // The palette: the key styles, then the mark style.
  std::vector<fmt::text_style> palette(style.key_styles.begin(), style.key_styles.end());
  palette.resize(columns);
  palette.push_back(style.mark_style);
  const auto mark_index = static_cast<unsigned char>(columns + 1);

  std::string out;
  for (const TableRow& row : rows) {
    std::string first;
    std::vector<unsigned char> styles;
    for (std::size_t i = 0; i < columns; ++i) {
      const std::string_view key = i < row.keys.size() ? std::string_view(row.keys[i]) : std::string_view();
      const std::string padding(widths[i] - display_width(key), ' ');
      const std::string cell = numeric[i] ? padding + std::string(key) : std::string(key) + padding;
      const bool styled = i < style.key_styles.size();
      for (const char c : cell) styles.push_back(styled && !is_blank(c) ? static_cast<unsigned char>(i + 1) : 0);
      first += cell + "  ";
      styles.insert(styles.end(), 2, 0);
    }
    const std::size_t indent = display_width(first);
    std::string wrapped;
    if (style.width == 0 || style.width >= indent + std::min(min_hanging_width, style.width / 2)) {
      wrapped = wrap_paragraph(row.text, style.width, first, std::string(indent, ' '));
    } else {
      // Too little room beside the keys: they get a line of their own (or
      // more, where even they are too wide), the text the lines below.
      std::string keys = first.substr(0, first.find_last_not_of(' ') + 1);
      if (display_width(keys) > style.width) keys = wrap_paragraph(keys, style.width);
      wrapped = keys + "\n" + wrap_paragraph(row.text, style.width, stacked_indent, stacked_indent);
    }
    if (!style.color) {
      out += wrapped + '\n';
      continue;
    }
    const std::string source = first + std::string(row.text);
    styles.resize(source.size(), 0);
    for (const ByteRange& mark : row.marks) {
      for (std::size_t i = mark.begin; i < mark.end && first.size() + i < styles.size(); ++i) {
        styles[first.size() + i] = mark_index;
      }
    }
    out += restyle(wrapped, source, styles, palette) + '\n';
  }
  return out;
}

}  // namespace aa
