#include "aa/text.hpp"

#include <vector>

#include <fmt/core.h>
#include <utf8proc.h>

namespace aa {

Decoded decode_utf8(std::string_view text, std::size_t at) {
  utf8proc_int32_t codepoint = -1;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at);
  const utf8proc_ssize_t length = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - at), &codepoint);
  if (length <= 0) return {-1, 1};
  return {codepoint, static_cast<std::size_t>(length)};
}

void append_utf8(std::string& out, std::int32_t codepoint) {
  utf8proc_uint8_t buffer[4];
  const utf8proc_ssize_t length = utf8proc_encode_char(codepoint, buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

namespace {

std::size_t codepoint_width(utf8proc_int32_t codepoint) {
  if (codepoint < 0) return 1;
  const int width = utf8proc_charwidth(codepoint);
  return width < 0 ? 0 : static_cast<std::size_t>(width);
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < text.size()) {
    start = text.find_first_not_of(" \t\n\r", start);
    if (start == std::string_view::npos) break;
    std::size_t end = text.find_first_of(" \t\n\r", start);
    if (end == std::string_view::npos) end = text.size();
    words.push_back(text.substr(start, end - start));
    start = end;
  }
  return words;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decode_utf8(text, at);
    width += codepoint_width(d.codepoint);
    at += d.length;
  }
  return width;
}

std::string wrap_paragraph(std::string_view text, std::size_t width, std::string_view first_indent,
                           std::string_view rest_indent) {
  std::string out(first_indent);
  std::size_t column = display_width(first_indent);
  const std::size_t rest_width = display_width(rest_indent);
  bool line_has_word = false;

  auto new_line = [&] {
    out += '\n';
    out += rest_indent;
    column = rest_width;
    line_has_word = false;
  };

  for (std::string_view word : split_words(text)) {
    const std::size_t word_width = display_width(word);
    const std::size_t needed = word_width + (line_has_word ? 1 : 0);
    if (width == 0 || column + needed <= width) {
      if (line_has_word) out += ' ';
      out += word;
      column += needed;
      line_has_word = true;
      continue;
    }
    if (line_has_word) new_line();
    if (column + word_width <= width) {
      out += word;
      column += word_width;
      line_has_word = true;
      continue;
    }
    // Longer than a whole line: break it between characters.
    for (std::size_t at = 0; at < word.size();) {
      const Decoded d = decode_utf8(word, at);
      const std::size_t w = codepoint_width(d.codepoint);
      if (column + w > width && line_has_word) new_line();
      out.append(word.substr(at, d.length));
      column += w;
      line_has_word = true;
      at += d.length;
    }
  }
  return out;
}

std::string fold_case(std::string_view text) { return fold_case_mapped(text).folded; }

FoldedText fold_case_mapped(std::string_view text) {
  FoldedText out;
  out.folded.reserve(text.size());
  out.origin.reserve(text.size() + 1);
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decode_utf8(text, at);
    if (d.codepoint < 0) {
      out.folded += text[at];
    } else {
      append_utf8(out.folded, utf8proc_tolower(d.codepoint));
    }
    out.origin.resize(out.folded.size(), at);
    at += d.length;
  }
  out.origin.push_back(text.size());
  return out;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decode_utf8(text, at);
    if (d.codepoint < 0) return false;
    at += d.length;
  }
  return true;
}

bool is_terminal_control(std::int32_t codepoint) {
  if (codepoint < 0x20 || (codepoint >= 0x7f && codepoint <= 0x9f)) return true;
  switch (codepoint) {
    case 0x061c:                  // arabic letter mark
    case 0x200e: case 0x200f:     // left-to-right and right-to-left marks
    case 0x2028: case 0x2029:     // line and paragraph separators
      return true;
    default:
      break;
  }
  return (codepoint >= 0x202a && codepoint <= 0x202e)     // embeddings and overrides
         || (codepoint >= 0x2066 && codepoint <= 0x2069);  // isolates
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decode_utf8(text, at);
    if (d.codepoint < 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[at]));
    } else if (d.codepoint < 0x80 && is_terminal_control(d.codepoint)) {
      out += fmt::format("\\x{:02x}", d.codepoint);
    } else if (is_terminal_control(d.codepoint)) {
      out += fmt::format("\\u{{{:04x}}}", d.codepoint);
    } else {
      out.append(text.substr(at, d.length));
    }
    at += d.length;
  }
  return out;
}

}  // namespace aa
