// SPDX-License-Identifier: MIT
// A quick reader for plain JSON, the kind every line of our stores is:
// strings with no escapes but those of one character (\n, \"), whole
// numbers of at most 18 digits, no more than a few levels of nesting. It
// sends a handler the events nlohmann-json's SAX parser
// (nlohmann::json::sax_parse) would send for the same text, and returns
// true, only when the whole text is such JSON (strings and keys come as a
// std::string_view, good until the next event, where nlohmann's parser
// gives a std::string: the handler needs both). At anything else, valid
// JSON or not, it stops and returns false, perhaps half-way through: the
// caller then reads the text again with nlohmann's parser, which has the
// last word on what is valid and how an error is worded. So a line someone
// edited by hand reads exactly as before, and the lines we wrote ourselves
// read several times faster: nlohmann's lexer copies each character into a
// token and into an error context, one at a time.
#pragma once

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace aa {

template <class Handler>
class PlainJsonReader {
 public:
  PlainJsonReader(std::string_view text, Handler& handler) : text_(text), handler_(handler) {}

  // Whether the whole text was plain JSON, and every event was sent.
  bool read() {
    if (!value(0)) return false;
    skip_space();
    return at_ == text_.size();
  }

 private:
  static constexpr int deepest = 8;
  // What nlohmann's parser tells start_object() and start_array(): the size is unknown.
  static constexpr std::size_t unknown_size = static_cast<std::size_t>(-1);

  char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }

  void skip_space() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r'))
      ++at_;
  }

  bool value(int depth) {
    skip_space();
    switch (peek()) {
      case '{': return depth < deepest && object(depth);
      case '[': return depth < deepest && array(depth);
      case '"': return string() && handler_.string(string_);
      case 't': return literal("true") && handler_.boolean(true);
      case 'f': return literal("false") && handler_.boolean(false);
      case 'n': return literal("null") && handler_.null();
      default: return number();
    }
  }

  bool object(int depth) {
    ++at_;
    if (!handler_.start_object(unknown_size)) return false;
    skip_space();
    if (peek() == '}') {
      ++at_;
      return handler_.end_object();
    }
    for (;;) {
      skip_space();
      if (peek() != '"' || !string() || !handler_.key(string_)) return false;
      skip_space();
      if (peek() != ':') return false;
      ++at_;
      if (!value(depth + 1)) return false;
      skip_space();
      const char next = peek();
      ++at_;
      if (next == '}') return handler_.end_object();
      if (next != ',') return false;
    }
  }

  bool array(int depth) {
    ++at_;
    if (!handler_.start_array(unknown_size)) return false;
    skip_space();
    if (peek() == ']') {
      ++at_;
      return handler_.end_array();
    }
    for (;;) {
      if (!value(depth + 1)) return false;
      skip_space();
      const char next = peek();
      ++at_;
      if (next == ']') return handler_.end_array();
      if (next != ',') return false;
    }
  }

  bool literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  // A string into string_: a view of the text, or of buffer_ when it has
  // escapes. Only the escapes of one character are read here (\" \\ \/ \b
  // \f \n \r \t): \u is left to nlohmann's parser, with its surrogate
  // pairs. The text must be well-formed UTF-8 exactly as nlohmann's lexer
  // requires it (RFC 3629: no overlong forms, no surrogates, nothing above
  // U+10FFFF).
  bool string() {
    const char* const end = text_.data() + text_.size();
    const char* at = text_.data() + at_ + 1;
    const char* run = at;  // the start of what is not yet in buffer_
    bool escaped = false;  // whether buffer_ holds the string so far
    for (;;) {
      // Nearly every byte needs no more than a look.
      while (at != end && plain[static_cast<unsigned char>(*at)]) ++at;
      if (at == end) return false;
      const auto c = static_cast<unsigned char>(*at);
      if (c == '"') break;
      if (c == '\\') {
        const char meaning = end - at < 2 ? '\0' : unescaped(at[1]);
        if (meaning == '\0') return false;
        if (!escaped) buffer_.clear();
        escaped = true;
        buffer_.append(run, at);
        buffer_ += meaning;
        at += 2;
        run = at;
        continue;
      }
      if (c < 0x80) return false;  // a control character
      const std::size_t length = utf8_length(at, end);
      if (length == 0) return false;
      at += length;
    }
    if (escaped) {
      buffer_.append(run, at);
      string_ = buffer_;
    } else {
      string_ = std::string_view(run, static_cast<std::size_t>(at - run));
    }
    at_ = static_cast<std::size_t>(at - text_.data()) + 1;
    return true;
  }

  // The bytes that stand for themselves in a JSON string and are a whole
  // character: ASCII but the controls, the quote and the backslash.
  static constexpr std::array<bool, 256> plain = [] {
    std::array<bool, 256> table{};
    for (int c = 0x20; c < 0x80; ++c) table[c] = c != '"' && c != '\\';
    return table;
  }();

  // What the escape \`letter` stands for; '\0' for \u and for what is no escape.
  static char unescaped(char letter) {
    switch (letter) {
      case '"': return '"';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      default: return '\0';
    }
  }

  // The length of the multi-byte UTF-8 sequence at `at`, or 0 when it is
  // not one.
  static std::size_t utf8_length(const char* at, const char* end) {
    const auto lead = static_cast<unsigned char>(*at);
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    std::size_t length = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return 0;
    }
    if (static_cast<std::size_t>(end - at) < length) return 0;
    for (std::size_t i = 1; i < length; ++i) {
      const auto c = static_cast<unsigned char>(at[i]);
      if (c < (i == 1 ? low : 0x80) || c > (i == 1 ? high : 0xBF)) return 0;
    }
    return length;
  }

  // -?(0|[1-9][0-9]*) of at most 18 digits, so that it fits either type;
  // nlohmann's parser reads it as signed when it has a minus sign.
  bool number() {
    const bool negative = peek() == '-';
    if (negative) ++at_;
    const std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
    const std::size_t digits = at_ - start;
    if (digits == 0 || digits > 18 || (text_[start] == '0' && digits > 1)) return false;
    const char next = peek();
    if (next == '.' || next == 'e' || next == 'E') return false;
    std::uint64_t magnitude = 0;
    std::from_chars(text_.data() + start, text_.data() + at_, magnitude);
    if (negative) return handler_.number_integer(-static_cast<std::int64_t>(magnitude));
    return handler_.number_unsigned(magnitude);
  }

  std::string_view text_;
  Handler& handler_;
  std::size_t at_ = 0;
  std::string_view string_;  // the last string read
  std::string buffer_;       // its text, when it had escapes
};

}  // namespace aa
