// SPDX-License-Identifier: MIT
#include "aa/content/text.hpp"

#include <cstdlib>
#include <vector>

#include <fmt/core.h>
#include <utf8proc.h>

namespace aa {

Decoded decode_utf8(std::string_view text, std::size_t at) {
  // ASCII is most of what is decoded, and is its own code point.
  if (static_cast<unsigned char>(text[at]) < 0x80) return {static_cast<unsigned char>(text[at]), 1};
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
  if (codepoint >= 0x20 && codepoint < 0x7f) return 1;  // printable ASCII, without the table
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

namespace {

// wrap_paragraph(), where a word longer than a line is broken between
// characters only if `break_long_words`.
std::string wrap_words(std::string_view text, std::size_t width, std::string_view first_indent,
                       std::string_view rest_indent, bool break_long_words) {
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
    if (column + word_width <= width || !break_long_words) {
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

}  // namespace

std::string wrap_paragraph(std::string_view text, std::size_t width, std::string_view first_indent,
                           std::string_view rest_indent) {
  return wrap_words(text, width, first_indent, rest_indent, true);
}

std::string shell_word(std::string_view text) {
  if (!text.empty() &&
      text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-+:,=@%") ==
          std::string_view::npos) {
    return std::string(text);
  }
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string fit_lines(std::string_view text, std::size_t width) {
  if (width == 0) return std::string(text);
  std::string out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (display_width(line) <= width) {
      out += line;
    } else {
      const std::size_t words = line.find_first_not_of(' ');
      const std::string_view indent = line.substr(0, words == std::string_view::npos ? line.size() : words);
      out += wrap_paragraph(line.substr(indent.size()), width, indent, indent);
      // A question keeps its space before the answer.
      if (line.ends_with(' ')) out += ' ';
    }
    if (end == std::string_view::npos) break;
    out += '\n';
    text.remove_prefix(end + 1);
  }
  return out;
}

std::string fold_case(std::string_view text, Quotes quotes) { return fold_case_mapped(text, quotes).folded; }

namespace {

// The ASCII quote a typographic one stands for, or 0.
char plain_quote(std::int32_t codepoint) {
  switch (codepoint) {
    case 0x2018:  // LEFT SINGLE QUOTATION MARK
    case 0x2019:  // RIGHT SINGLE QUOTATION MARK, the apostrophe of "can’t"
      return '\'';
    case 0x201C:  // LEFT DOUBLE QUOTATION MARK
    case 0x201D:  // RIGHT DOUBLE QUOTATION MARK
      return '"';
    default: return 0;
  }
}

// Folds one grapheme cluster (valid UTF-8) onto the end of `out`.
void fold_cluster(std::string_view cluster, Quotes quotes, std::string& out) {
  if (cluster.size() == 1) {
    // ASCII, by far the most of any text: no need for the tables.
    const char c = cluster[0];
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return;
  }
  if (quotes == Quotes::plain) {
    const Decoded d = decode_utf8(cluster, 0);
    if (d.length == cluster.size()) {
      if (const char quote = plain_quote(d.codepoint)) {
        out += quote;
        return;
      }
    }
  }
  utf8proc_uint8_t* folded = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
  const utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(cluster.data()),
                                               static_cast<utf8proc_ssize_t>(cluster.size()), &folded, options);
  if (length < 0) {
    // Out of memory, or a code point utf8proc does not know: keep it as it is.
    out += cluster;
  } else {
    out.append(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(length));
  }
  std::free(folded);
}

}  // namespace

FoldedText fold_case_mapped(std::string_view text, Quotes quotes) {
  FoldedText out;
  out.folded.reserve(text.size());
  out.origin.reserve(text.size() + 1);
  // The text is folded one grapheme cluster at a time, so that composition
  // (e + U+0301 into é) happens where it can and every folded byte comes
  // from one cluster: origin points at the cluster's first byte.
  for (std::size_t at = 0; at < text.size();) {
    Decoded d = decode_utf8(text, at);
    std::size_t end = at + d.length;
    if (d.codepoint < 0) {
      out.folded += text[at];  // a stray byte stands for itself
    } else {
      utf8proc_int32_t state = 0;
      while (end < text.size()) {
        const Decoded next = decode_utf8(text, end);
        if (next.codepoint < 0 || utf8proc_grapheme_break_stateful(d.codepoint, next.codepoint, &state)) break;
        d = next;
        end += next.length;
      }
      fold_cluster(text.substr(at, end - at), quotes, out.folded);
    }
    out.origin.resize(out.folded.size(), at);
    at = end;
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
    case 0x061c:  // arabic letter mark
    case 0x200e:
    case 0x200f:  // left-to-right and right-to-left marks
    case 0x2028:
    case 0x2029:  // line and paragraph separators
      return true;
    default: break;
  }
  return (codepoint >= 0x202a && codepoint <= 0x202e)      // embeddings and overrides
         || (codepoint >= 0x2066 && codepoint <= 0x2069);  // isolates
}

bool is_invisible(std::int32_t codepoint) {
  const utf8proc_property_t* property = utf8proc_get_property(codepoint);
  switch (property->category) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF: return true;
    default: return property->ignorable;
  }
}

bool starts_or_ends_with_space(std::string_view text) {
  if (text.empty()) return false;
  std::size_t last = text.size() - 1;
  while (last > 0 && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
  for (std::size_t at : {std::size_t{0}, last}) {
    const Decoded d = decode_utf8(text, at);
    if (d.codepoint >= 0 && utf8proc_get_property(d.codepoint)->category == UTF8PROC_CATEGORY_ZS) return true;
  }
  return false;
}

bool has_visible_character(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decode_utf8(text, at);
    if (d.codepoint < 0 || !is_invisible(d.codepoint)) return true;
    at += d.length;
  }
  return false;
}

std::size_t find_terminal_control(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decode_utf8(text, at);
    if (d.codepoint >= 0 && is_terminal_control(d.codepoint)) return at;
    at += d.length;
  }
  return std::string_view::npos;
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    // Printable ASCII, most of any text, is copied a run at a time.
    const std::size_t plain = at;
    while (at < text.size() && text[at] >= 0x20 && text[at] < 0x7f) ++at;
    out.append(text, plain, at - plain);
    if (at == text.size()) break;
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

std::string printable(std::string_view text, std::size_t max_bytes) {
  std::string out = terminal_safe(text);
  if (out.size() <= max_bytes) return out;
  out.resize(max_bytes);
  // Do not cut a UTF-8 sequence in half.
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  return out + "...";
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether text[i] ends a number that is a word of its own ("3." or "3)"),
// which at the start of a line would begin a numbered list.
bool ends_leading_number(std::string_view text, std::size_t i) {
  if (text[i] != '.' && text[i] != ')') return false;
  if (i + 1 < text.size() && text[i + 1] != ' ') return false;
  std::size_t start = i;
  while (start > 0 && is_digit(text[start - 1])) --start;
  return start < i && (start == 0 || text[start - 1] == ' ');
}

}  // namespace

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool word_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool line_marker = word_start && std::string_view("#+-=").find(c) != std::string_view::npos;
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      const bool inline_marker = std::string_view("\\`*_[]|~").find(c) != std::string_view::npos;
      if (inline_marker || line_marker || ends_leading_number(text, i)) out += '\\';
      out += c;
    }
    word_start = c == ' ';
  }
  return out;
}

std::string markdown_paragraph(std::string_view text, std::size_t width, std::string_view first_indent,
                               std::string_view rest_indent) {
  return wrap_words(escape_markdown(text), width, first_indent, rest_indent, false);
}

}  // namespace aa
