// SPDX-License-Identifier: MIT
#include "aa/cli/help_format.hpp"

#include <algorithm>

#include "aa/content/text.hpp"

namespace aa::cli {

std::size_t help_description_column(std::size_t width) { return std::min<std::size_t>(30, width / 2); }

namespace {

// The widest word of `text`, in columns.
std::size_t widest_word(std::string_view text) {
  std::size_t widest = 0;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find(' '), text.size());
    widest = std::max(widest, display_width(text.substr(0, end)));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return widest;
}

}  // namespace

std::string help_entry(std::string_view names, std::string_view description, std::size_t width) {
  std::size_t column = help_description_column(width);
  std::string head = "  " + std::string(names);
  // A word too wide for the column ("id<TAB>section<TAB>sign<TAB>text" at
  // 60 columns) would be broken: the description goes beneath the names,
  // less indented, instead.
  const bool beneath = widest_word(description) > width - column;
  if (beneath) column = std::min(column, help_hanging_indent);
  const std::string indent(column, ' ');
  // At least two spaces between the names and the description.
  if (beneath || display_width(head) + 2 > column) {
    if (description.empty()) return head + "\n";
    return head + "\n" + wrap_paragraph(description, width, indent, indent) + "\n";
  }
  if (description.empty()) return head + "\n";
  head += std::string(column - display_width(head), ' ');
  return wrap_paragraph(description, width, head, indent) + "\n";
}

std::string help_paragraphs(std::string_view text, std::size_t width) {
  std::string out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    out += wrap_paragraph(text.substr(0, end), width) + "\n";
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

std::string help_examples(std::span<const Example> examples, std::size_t width) {
  if (examples.empty()) return "";
  std::string out = "\nExamples:\n";
  for (const Example& example : examples) {
    out += wrap_paragraph(std::string(example.what) + ":", width, "  ", "  ") + "\n";
    // A command is broken only if it cannot fit, and then between words.
    out += wrap_paragraph(example.command, width, "    ", "      ") + "\n";
  }
  return out;
}

}  // namespace aa::cli
