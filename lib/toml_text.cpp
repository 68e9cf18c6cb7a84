#include "aa/toml_text.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <vector>

#include <fmt/core.h>

#include "aa/error.hpp"
#include "aa/text.hpp"

namespace aa {
namespace {

constexpr std::int32_t replacement_character = 0xFFFD;
constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
// The columns a \uXXXX escape adds in place of one code point.
constexpr std::uint32_t escape_extra_columns = 5;

// The non-ASCII code points toml++ takes for horizontal whitespace.
bool is_non_ascii_blank(char32_t c) {
  return c == 0xA0 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
         (c >= 0x205F && c <= 0x2060) || c == 0x3000 || c == 0xFEFF;
}

bool is_blank(char32_t c) { return c == ' ' || c == '\t'; }

std::string utf8(char32_t c) {
  std::string out;
  append_utf8(out, static_cast<std::int32_t>(c));
  return out;
}

// Where the scanner is, in TOML's lexical terms, for a document toml++ has
// found valid: there, non-ASCII characters sit only in strings and comments.
enum class Place {
  outside,
  comment,
  basic_string,
  basic_string_escape,      // the character after a backslash
  literal_string,
  multi_line_literal,
  multi_line_basic,
  multi_line_basic_escape,  // the character after a backslash
  line_ending_backslash,    // blanks after a backslash, before the line break
  skipping_blanks,          // after a line-ending backslash, until the text resumes
};

enum class Rewrite {
  mask_all,        // every code point toml++ cannot classify becomes U+FFFD
  escape_skipped,  // only those where a line-ending backslash's skip ends become \uXXXX
};

class Rewriter {
 public:
  Rewriter(std::string_view text, Rewrite rewrite) : text_(text), rewrite_(rewrite) {
    out_.text.reserve(text.size());
  }

  GuardedToml run() && {
    // toml++ skips a byte order mark before it starts counting columns.
    if (text_.starts_with(byte_order_mark)) {
      out_.text.append(byte_order_mark);
      at_ = byte_order_mark.size();
    }
    while (at_ < text_.size()) {
      const Decoded decoded = decode_utf8(text_, at_);
      // toml++ reports the first byte that is not UTF-8 before it reads on.
      if (decoded.codepoint < 0) break;
      if (rewrite_ == Rewrite::mask_all) {
        if (toml_cannot_classify(static_cast<char32_t>(decoded.codepoint))) {
          replace(decoded, false);
        } else {
          copy(decoded.length, decoded.codepoint == '\n');
        }
      } else {
        step(decoded);
      }
    }
    out_.text.append(text_.substr(at_));
    return std::move(out_);
  }

 private:
  void step(const Decoded& decoded) {
    const auto c = static_cast<char32_t>(decoded.codepoint);
    switch (place_) {
      case Place::outside:
        if (c == '#') {
          place_ = Place::comment;
        } else if (c == '"' || c == '\'') {
          if (text_.substr(at_, 3) == (c == '"' ? std::string_view(R"(""")") : "'''")) {
            place_ = c == '"' ? Place::multi_line_basic : Place::multi_line_literal;
            return copy(3, false);
          }
          place_ = c == '"' ? Place::basic_string : Place::literal_string;
        }
        break;
      case Place::comment:
        if (c == '\n') place_ = Place::outside;
        break;
      case Place::basic_string:
        if (c == '\\') place_ = Place::basic_string_escape;
        if (c == '"') place_ = Place::outside;
        break;
      case Place::basic_string_escape:
        place_ = Place::basic_string;
        break;
      case Place::literal_string:
        if (c == '\'') place_ = Place::outside;
        break;
      case Place::multi_line_literal:
        if (c == '\'') return close_multi_line('\'');
        break;
      case Place::multi_line_basic:
      case Place::skipping_blanks:
        if (c == '"') return close_multi_line('"');
        if (c == '\\') {
          place_ = Place::multi_line_basic_escape;
        } else if (place_ == Place::skipping_blanks && !is_blank(c) && c != '\n' && c != '\r' &&
                   !is_non_ascii_blank(c)) {
          // toml++ asks whether this character is a blank to skip.
          place_ = Place::multi_line_basic;
          if (toml_cannot_classify(c)) return replace(decoded, true);
        }
        break;
      case Place::multi_line_basic_escape:
        if (c == '\n') {
          place_ = Place::skipping_blanks;
        } else if (is_blank(c) || c == '\r') {
          place_ = Place::line_ending_backslash;
        } else {
          place_ = Place::multi_line_basic;
        }
        break;
      case Place::line_ending_backslash:
        if (c == '\n') place_ = Place::skipping_blanks;
        break;
    }
    copy(decoded.length, c == '\n');
  }

  // Three to five quotes end a multi-line string (the fourth and fifth are
  // part of it); one or two are text.
  void close_multi_line(char quote) {
    std::size_t run = 0;
    while (at_ + run < text_.size() && text_[at_ + run] == quote) ++run;
    if (run >= 3) {
      place_ = Place::outside;
      run = std::min<std::size_t>(run, 5);
    } else if (place_ == Place::skipping_blanks) {
      place_ = Place::multi_line_basic;
    }
    copy(run, false);
  }

  void copy(std::size_t bytes, bool line_break) {
    out_.text.append(text_.substr(at_, bytes));
    advance(bytes, line_break);
  }

  void replace(const Decoded& decoded, bool escape) {
    out_.edits.push_back({line_, column_, static_cast<char32_t>(decoded.codepoint), escape});
    if (escape) {
      out_.text += fmt::format("\\u{:04X}", decoded.codepoint);
    } else {
      append_utf8(out_.text, replacement_character);
    }
    advance(decoded.length, false);
  }

  // Moves past `bytes` bytes of ASCII or one code point.
  void advance(std::size_t bytes, bool line_break) {
    at_ += bytes;
    if (line_break) {
      ++line_;
      column_ = 1;
    } else {
      column_ += bytes == 0 || static_cast<unsigned char>(text_[at_ - bytes]) < 0x80
                     ? static_cast<std::uint32_t>(bytes)
                     : 1;
    }
  }

  std::string_view text_;
  Rewrite rewrite_;
  GuardedToml out_;
  std::size_t at_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
  Place place_ = Place::outside;
};

// The position and description of a toml++ error in the guarded text, told
// in terms of the original text.
struct Explained {
  std::uint32_t column;
  std::string description;
};

Explained explain(const GuardedToml& guarded, std::uint32_t line, std::uint32_t column,
                  std::string description) {
  std::uint32_t shift = 0;
  for (const TomlEdit& edit : guarded.edits) {
    if (edit.line != line) continue;
    const std::uint32_t edit_column = edit.column + shift;  // in the guarded text
    if (edit_column > column) break;
    if (edit_column == column) {
      if (!edit.escaped) {
        const std::string stand_in = utf8(replacement_character);
        for (auto at = description.find(stand_in); at != std::string::npos;
             at = description.find(stand_in, at)) {
          description.replace(at, stand_in.size(), utf8(edit.original));
        }
      }
      break;
    }
    if (edit.escaped) shift += escape_extra_columns;
  }
  return {column - shift, std::move(description)};
}

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
      case '\'':
        line_start_ = false;
        return skip_string(c);
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
      case '\r':
        return bump();
      default:
        break;
    }
    const bool header = c == '[' && line_start_ && open_.empty();
    line_start_ = false;
    switch (c) {
      case '[':
        return header ? open_header() : open_value(false);
      case '{':
        return open_value(true);
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
      case '}':
        close_value(true);
        break;
      default:
        break;
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

bool toml_cannot_classify(char32_t c) {
  // Measured from toml++ 3.3's whitespace table: these fall to the
  // "unreachable" branch of is_non_ascii_horizontal_whitespace.
  return (c >= 0xA1 && c <= 0x499) || (c >= 0x2C5E && c <= 0x3057 && c != 0x3000) || (c >= 0xFB26 && c <= 0xFEFE);
}

GuardedToml mask_unclassifiable(std::string_view text) { return Rewriter(text, Rewrite::mask_all).run(); }

GuardedToml escape_after_line_ending_backslashes(std::string_view text) {
  return Rewriter(text, Rewrite::escape_skipped).run();
}

namespace {

toml::table parse_guarded(const GuardedToml& guarded, std::string_view path) {
  try {
    return toml::parse(guarded.text, path);
  } catch (const toml::parse_error& error) {
    const auto& at = error.source().begin;
    const Explained explained = explain(guarded, static_cast<std::uint32_t>(at.line),
                                        static_cast<std::uint32_t>(at.column), std::string(error.description()));
    // toml++ quotes the text it stopped at, which may be anything.
    throw Error(Exit::data, fmt::format("{}:{}:{}: {}", terminal_safe(path), at.line, explained.column,
                                        terminal_safe(explained.description)));
  }
}

}  // namespace

toml::table parse_toml(std::string_view text, std::string_view path) {
  if (const auto excess = find_excess_nesting(text, max_toml_depth)) {
    throw Error(Exit::data, fmt::format("{}:{}:{}: nested more than {} levels deep", terminal_safe(path), excess->line,
                                        excess->column, max_toml_depth));
  }
  GuardedToml masked = mask_unclassifiable(text);
  if (masked.edits.empty()) return parse_guarded(masked, path);
  // U+FFFD means to toml++ what each masked character means, whitespace
  // aside: the masked text is valid exactly when the text is, and an error
  // is found at the same place.
  parse_guarded(masked, path);
  // Valid, so those characters sit in strings and comments, where toml++
  // asks about them only at the end of a line-ending backslash's skip.
  return parse_guarded(escape_after_line_ending_backslashes(text), path);
}

}  // namespace aa
