// SPDX-License-Identifier: MIT
// The text wrapper on random UTF-8 (and not) at random widths: no line is
// wider than asked, and no text is lost or reordered.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aa/content/text.hpp"

namespace {

std::string without_whitespace(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out += c;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t width = data[0] % 120;  // 0 means unwrapped
  const bool indented = data[1] & 1;
  const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
  const std::string wrapped = aa::wrap_paragraph(text, width, indented ? "- " : "", indented ? "  " : "");
  if (without_whitespace(wrapped) != without_whitespace(std::string(indented ? "-" : "") + std::string(text))) {
    __builtin_trap();
  }
  // Below the indent plus the widest character, no width can be kept.
  if (width < (indented ? 2u : 0u) + 2) return 0;
  std::size_t start = 0;
  while (start <= wrapped.size()) {
    std::size_t end = wrapped.find('\n', start);
    if (end == std::string::npos) end = wrapped.size();
    if (aa::display_width(std::string_view(wrapped).substr(start, end - start)) > width) __builtin_trap();
    start = end + 1;
  }
  return 0;
}
