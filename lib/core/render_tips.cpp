// SPDX-License-Identifier: MIT
#include "aa/core/render_tips.hpp"

#include <vector>

#include <fmt/color.h>
#include <fmt/core.h>

#include "aa/content/text.hpp"
#include "aa/core/json.hpp"
#include "aa/core/markdown.hpp"
#include "aa/core/render_table.hpp"
#include "aa/core/tips.hpp"

namespace aa {
namespace {

std::string tip_text(const Tip& tip, const TipStyle& style) {
  std::string out = wrap_paragraph(tip.text, style.width);
  out += '\n';
  if (style.show_source) {
    const std::string source =
        wrap_paragraph(fmt::format("— {}, more in: {} {}", tip.category, style.references.section_reader, tip.section),
                       style.width, "  ", "    ");
    out += style.color ? fmt::format(fmt::emphasis::faint, "{}", source) : source;
    out += '\n';
  }
  return out;
}

// One fortune(6) entry. strfile(1) ends an entry at a line holding only
// '%', so where wrapping puts a lone '%' on a line of its own, the line
// break before it (after it, on the first line) becomes a space again.
// Validation refuses a tip that is only '%'.
std::string fortune_entry(const Tip& tip, std::size_t width) {
  std::string wrapped = wrap_paragraph(tip.text, width);
  for (std::size_t start = 0; start < wrapped.size();) {
    std::size_t end = wrapped.find('\n', start);
    if (end == std::string::npos) end = wrapped.size();
    if (wrapped.compare(start, end - start, "%") == 0) {
      if (start > 0) {
        wrapped[start - 1] = ' ';
      } else if (end < wrapped.size()) {
        wrapped[end] = ' ';
      }
    }
    start = end + 1;
  }
  return wrapped + "\n%\n";
}

}  // namespace

std::string render_tips(std::span<const Tip* const> tips, Format format, const TipStyle& style) {
  std::string out;
  switch (format) {
    case Format::json: return tips_json(tips);
    case Format::markdown:
      out = markdown_title("Anxious attachment: tips");
      for (const Tip* tip : tips) out += markdown_paragraph(tip->text, style.width, "- ", "  ") + "\n";
      return out;
    case Format::fortune:
      for (const Tip* tip : tips) out += fortune_entry(*tip, style.width);
      return out;
    case Format::text:
      for (const Tip* tip : tips) {
        // On a terminal, a blank line keeps wrapped tips apart.
        if (!out.empty() && style.width > 0) out += '\n';
        out += tip_text(*tip, style);
      }
      return out;
  }
  return out;
}

std::string render_tip_table(std::span<const Tip* const> tips, std::size_t table, bool color, bool source) {
  if (table > 0) {
    std::vector<TableRow> rows;
    for (const Tip* tip : tips) {
      TableRow& row = rows.emplace_back(TableRow{{std::string(tip->id), std::string(tip->category)}, tip->text});
      if (source) row.keys.push_back(terminal_safe(tip_source(*tip)));
    }
    static constexpr fmt::text_style key_styles[] = {fmt::fg(fmt::terminal_color::magenta)};
    return aligned_table(rows, {table, color, key_styles});
  }
  std::string out;
  for (const Tip* tip : tips) {
    out += fmt::format("{}\t{}\t{}", tip->id, tip->category, tip->text);
    // A file's name may hold a tab or a line break: escaped, it stays one field.
    if (source) out += fmt::format("\t{}", terminal_safe(tip_source(*tip)));
    out += '\n';
  }
  return out;
}

std::string render_categories(std::span<const std::string_view> categories, Format format) {
  if (format == Format::json) return strings_json(categories);
  std::string out = format == Format::markdown ? markdown_title("Anxious attachment: tip categories") : "";
  for (std::string_view category : categories) {
    out += format == Format::markdown ? "- " + escape_markdown(category) + "\n" : std::string(category) + "\n";
  }
  return out;
}

}  // namespace aa
