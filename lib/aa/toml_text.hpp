// Parsing TOML text with toml++, safely, with errors as path:line:column.
//
// toml++ 3.3 (Debian 12's libtomlplusplus-dev) reaches __builtin_unreachable,
// which is undefined behaviour, when it asks whether certain non-ASCII code
// points are whitespace (upstream issues #190 and #295, fixed after 3.3).
// It asks that only where TOML allows no such character at all (outside
// strings and comments, right after a backslash in a multi-line basic string)
// and where a line-ending backslash skips the start of the next line. So
// before toml++ sees the text, guard_toml_text puts in place of each such
// code point one that means the same to the parser and that it can classify:
// U+FFFD where the text is invalid anyway (the parser reports the same error
// there), and a \uXXXX escape where the text is valid (same string value).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

namespace aa {

// True for the code points that toml++ 3.3 cannot test for whitespace.
bool toml_cannot_classify(char32_t code_point);

// One code point guard_toml_text replaced, at its line and column (counted
// in code points from 1, as toml++ counts them) in the original text.
struct TomlEdit {
  std::uint32_t line;
  std::uint32_t column;
  char32_t original;
  bool escaped;  // replaced by a 6-column \uXXXX escape, not by U+FFFD
};

struct GuardedToml {
  std::string text;
  std::vector<TomlEdit> edits;
};

GuardedToml guard_toml_text(std::string_view text);

// Parses `text` as TOML. Throws Error(Exit::data) with
// "path:line:column: description" for invalid TOML, the position and the
// description told in terms of `text` itself.
toml::table parse_toml(std::string_view text, std::string_view path);

}  // namespace aa
