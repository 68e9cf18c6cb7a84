// SPDX-License-Identifier: MIT
#include "aa/cli/help_format.hpp"

#include "aa/content/text.hpp"

namespace aa::cli {

std::string help_entry(std::string_view names, std::string_view description) {
  const std::string indent(help_description_column, ' ');
  std::string head = "  " + std::string(names);
  // At least two spaces between the names and the description.
  if (display_width(head) + 2 > help_description_column) {
    if (description.empty()) return head + "\n";
    return head + "\n" + wrap_paragraph(description, help_width, indent, indent) + "\n";
  }
  if (description.empty()) return head + "\n";
  head += std::string(help_description_column - display_width(head), ' ');
  return wrap_paragraph(description, help_width, head, indent) + "\n";
}

std::string help_paragraphs(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    out += wrap_paragraph(text.substr(0, end), help_width) + "\n";
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace aa::cli
