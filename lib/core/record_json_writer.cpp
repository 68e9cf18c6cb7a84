// SPDX-License-Identifier: MIT
#include "aa/core/record_json_writer.hpp"

#include <string_view>

#include <fmt/format.h>

#include "aa/content/text.hpp"

namespace aa {
namespace {

// Two spaces a level, as dump_json() indents.
void new_line(std::string& out, std::size_t depth) {
  out += '\n';
  out.append(2 * depth, ' ');
}

bool is_plain(unsigned char byte) { return byte >= 0x20 && byte < 0x7f && byte != '"' && byte != '\\'; }

// `text` as a JSON string: nlohmann's escapes (the quote, the backslash, the
// C0 controls, lower-case hexadecimal), then json.cpp's for DEL, the C1
// controls and the other characters a terminal would act on. The strings
// of a record are valid UTF-8: the reader and the content checks see to it.
void append_string(std::string& out, std::string_view text) {
  out += '"';
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t plain = at;
    while (at < text.size() && is_plain(static_cast<unsigned char>(text[at]))) ++at;
    out.append(text, plain, at - plain);
    if (at == text.size()) break;
    const auto byte = static_cast<unsigned char>(text[at]);
    switch (byte) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const Decoded d = decode_utf8(text, at);
        if (d.codepoint >= 0 && is_terminal_control(d.codepoint)) {
          out += fmt::format("\\u{:04x}", d.codepoint);
        } else if (d.codepoint >= 0) {
          out.append(text, at, d.length);
        } else {
          out += "\xEF\xBF\xBD";  // U+FFFD, as nlohmann writes a byte that is not UTF-8
        }
        at += d.length;
        continue;
      }
    }
    ++at;
  }
  out += '"';
}

void append_string_or_null(std::string& out, std::string_view text) {
  if (text.empty()) {
    out += "null";
  } else {
    append_string(out, text);
  }
}

void append_member(std::string& out, std::string_view key, std::size_t depth, bool first = false) {
  if (!first) out += ',';
  new_line(out, depth);
  out += '"';
  out += key;
  out += "\": ";
}

void append_strings(std::string& out, const std::vector<std::string>& texts, std::size_t depth) {
  if (texts.empty()) {
    out += "[]";
    return;
  }
  out += '[';
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) out += ',';
    new_line(out, depth + 1);
    append_string(out, texts[i]);
  }
  new_line(out, depth);
  out += ']';
}

}  // namespace

void append_record_json(std::string& out, const CheckRecord& record, std::size_t depth) {
  const std::size_t inner = depth + 1;
  out += '{';
  append_member(out, "id", inner, true);
  append_string_or_null(out, record.id);
  append_member(out, "date", inner);
  append_string(out, record.date);
  append_member(out, "time", inner);
  append_string_or_null(out, record.time);
  append_member(out, "answers", inner);
  if (record.answers.empty()) {
    out += "[]";
  } else {
    out += '[';
    for (std::size_t i = 0; i < record.answers.size(); ++i) {
      const Rating& rating = record.answers[i];
      if (i > 0) out += ',';
      new_line(out, inner + 1);
      out += '{';
      append_member(out, "id", inner + 2, true);
      append_string(out, rating.id);
      append_member(out, "sign", inner + 2);
      append_string(out, rating.sign);
      append_member(out, "value", inner + 2);
      fmt::format_to(std::back_inserter(out), "{}", rating.value);
      new_line(out, inner + 1);
      out += '}';
    }
    new_line(out, inner);
    out += ']';
  }
  append_member(out, "total", inner);
  fmt::format_to(std::back_inserter(out), "{}", record.total);
  append_member(out, "max", inner);
  fmt::format_to(std::back_inserter(out), "{}", record.max);
  append_member(out, "stand_out", inner);
  append_strings(out, record.stand_out, inner);
  append_member(out, "read_next", inner);
  append_strings(out, record.read_next, inner);
  append_member(out, "note", inner);
  append_string_or_null(out, record.note);
  new_line(out, depth);
  out += '}';
}

}  // namespace aa
