// SPDX-License-Identifier: MIT
#include "aa/content/toml_depth.hpp"

#include <vector>

namespace aa {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// Follows TOML's structure closely enough to count how deep each key and
// value sits: every table a header or dotted key names is a level, and so
// is every array and inline table. Keys are read at the start of a line,
// in a header, and after '{' or ',' in an inline table; everything else is
// a value, where a '.' belongs to a number or a time.
class NestingScan {
 public:
  NestingScan(std::string_view text, std::size_t limit) : text_(text), limit_(limit) {}

  std::optional<TomlPosition> run() && {
    // toml++ skips a byte order mark before it starts counting columns.
    if (text_.starts_with(byte_order_mark)) at_ = byte_order_mark.size();
    while (at_ < text_.size() && !excess_) step();
    return excess_;
  }

 private:
  struct Open {
    bool inline_table;  // else an array
    std::size_t depth;  // levels down to and including this one
  };

  void step() {
    const char c = text_[at_];
    switch (c) {
      case '#':
        while (at_ < text_.size() && text_[at_] != '\n') bump();
        return;
      case '"':
      case '\'': line_start_ = false; return skip_string(c);
      case '\n':
        bump();
        // A newline ends a key/value pair, except inside an array.
        if (open_.empty()) {
          in_header_ = false;
          line_start_ = true;
          start_key(table_depth_);
        }
        return;
      case ' ':
      case '\t':
      case '\r': return bump();
      default: break;
    }
    const bool header = c == '[' && line_start_ && open_.empty();
    line_start_ = false;
    switch (c) {
      case '[': return header ? open_header() : open_value(false);
      case '{': return open_value(true);
      case '.':
        if (in_key_ && !deeper(key_depth_ + 1)) return;
        break;
      case '=':
        if (in_key_ && !in_header_) {
          in_key_ = false;
          value_depth_ = key_depth_;
        }
        break;
      case ',':
        if (!open_.empty() && open_.back().inline_table) {
          start_key(open_.back().depth);
        } else if (!open_.empty()) {
          value_depth_ = open_.back().depth;
        }
        break;
      case ']':
        if (in_header_) return close_header();
        close_value(false);
        break;
      case '}': close_value(true); break;
      default: break;
    }
    bump();
  }

  void open_header() {
    // The table the header names is a level, and so is the array that
    // holds it when it is [[...]].
    const std::size_t depth = text_.substr(at_, 2) == "[[" ? 2 : 1;
    in_header_ = true;
    start_key(0);
    if (!deeper(depth)) return;
    for (std::size_t i = 0; i < depth; ++i) bump();
  }

  void close_header() {
    bump();
    if (at_ < text_.size() && text_[at_] == ']') bump();
    in_header_ = false;
    in_key_ = false;
    table_depth_ = key_depth_;
  }

  void open_value(bool inline_table) {
    const std::size_t depth = value_depth_ + 1;
    in_key_ = false;
    if (!deeper(depth)) return;
    bump();
    open_.push_back({inline_table, depth});
    if (inline_table) {
      start_key(depth);
    } else {
      value_depth_ = depth;
    }
  }

  void close_value(bool inline_table) {
    if (open_.empty() || open_.back().inline_table != inline_table) return;
    open_.pop_back();
    in_key_ = false;
    if (!open_.empty()) value_depth_ = open_.back().depth;
  }

  void start_key(std::size_t table_depth) {
    in_key_ = true;
    key_depth_ = table_depth;
  }

  // Records `depth` as the depth of the key read so far, if one is being
  // read; false, with the position, when it is too deep.
  bool deeper(std::size_t depth) {
    if (in_key_) key_depth_ = depth;
    if (depth <= limit_) return true;
    excess_ = TomlPosition{line_, column_};
    return false;
  }

  // A string is a key or a value of its own: none of its characters count.
  void skip_string(char quote) {
    const std::string_view triple = quote == '"' ? std::string_view(R"(""")") : std::string_view("'''");
    const bool escapes = quote == '"';
    if (text_.substr(at_, 3) == triple) {
      for (std::size_t i = 0; i < 3; ++i) bump();
      while (at_ < text_.size()) {
        if (escapes && text_[at_] == '\\') {
          bump();
          if (at_ < text_.size()) bump();
        } else if (text_.substr(at_, 3) == triple) {
          // Up to two more quotes are part of the string.
          for (std::size_t i = 0; i < 5 && at_ < text_.size() && text_[at_] == quote; ++i) bump();
          return;
        } else {
          bump();
        }
      }
      return;
    }
    bump();
    // A one-line string ends at its line's end, closed or not.
    while (at_ < text_.size() && text_[at_] != '\n') {
      const char c = text_[at_];
      bump();
      if (c == quote) return;
      if (escapes && c == '\\' && at_ < text_.size() && text_[at_] != '\n') bump();
    }
  }

  // Moves past one byte; a column is a code point.
  void bump() {
    const auto byte = static_cast<unsigned char>(text_[at_++]);
    if (byte == '\n') {
      ++line_;
      column_ = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++column_;
    }
  }

  std::string_view text_;
  std::size_t limit_;
  std::size_t at_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
  std::vector<Open> open_;       // arrays and inline tables, innermost last
  std::size_t table_depth_ = 0;  // of the table the last header named
  std::size_t key_depth_ = 0;    // of the table the key read so far names
  std::size_t value_depth_ = 0;  // of the table or array the next value goes into
  bool in_key_ = true;
  bool in_header_ = false;
  bool line_start_ = true;
  std::optional<TomlPosition> excess_;
};

}  // namespace

std::optional<TomlPosition> find_excess_nesting(std::string_view text, std::size_t limit) {
  return NestingScan(text, limit).run();
}

}  // namespace aa
