// Parsing TOML text with toml++, safely, with errors as path:line:column.
//
// toml++ 3.3 (Debian 12's libtomlplusplus-dev) reaches __builtin_unreachable,
// which is undefined behaviour, when it asks whether certain non-ASCII code
// points are whitespace (upstream issues #190 and #295, fixed after 3.3).
// It asks that wherever TOML allows no such character (outside strings and
// comments, after a backslash in a multi-line basic string), and in one
// place where it is valid: where a line-ending backslash's skip of blanks
// ends. parse_toml first parses the text with every such code point masked
// as U+FFFD, which toml++ treats the same way but can classify: that finds
// every error, at its place. A valid text is then parsed with the code
// points where a skip ends written as \uXXXX escapes, which make the same
// strings. (A value after such an escape on the same line, in an array,
// gets a source column 5 too far; the text itself is read exactly.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// toml++ 3.3 asserts things about its input that some invalid documents
// break (a table header "[[[" reaches parse_key() on a '[') and then rejects
// them cleanly. So its assertions stay off in every build, as NDEBUG turns
// them off in a release build: the sanitizer build tests the parser as it
// ships. Include toml++ only through this header.
#ifndef TOML_ASSERT
#define TOML_ASSERT(expr) static_assert(true)
#endif
#include <toml++/toml.h>

namespace aa {

// True for the code points that toml++ 3.3 cannot test for whitespace.
bool toml_cannot_classify(char32_t code_point);

// One code point replaced, at its line and column in the original text
// (counted in code points from 1, as toml++ counts them).
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

// Every code point toml++ cannot classify, as U+FFFD.
GuardedToml mask_unclassifiable(std::string_view text);

// For valid TOML: each such code point where a line-ending backslash's skip
// of blanks ends, as a \uXXXX escape.
GuardedToml escape_after_line_ending_backslashes(std::string_view text);

// How deep tables, arrays and inline tables may nest. toml++ builds and
// destroys tables named by a header or a dotted key by recursion, with no
// bound of its own, so `[a.a.a...]` with a few hundred thousand keys runs
// out of stack. Every table a header or dotted key names counts as a level,
// and so does every array (an array of tables too) and inline table.
constexpr std::size_t max_toml_depth = 64;

struct TomlPosition {
  std::uint32_t line;
  std::uint32_t column;  // in code points from 1, as toml++ counts
};

// Where `text` first nests deeper than `limit` levels: a lexical scan that
// knows strings and comments, and tells the dots of a key from those of a
// number. Nothing for a text within the limit. For valid TOML the count is
// exact; for invalid TOML it is a guess that toml++'s own error follows.
std::optional<TomlPosition> find_excess_nesting(std::string_view text, std::size_t limit);

// Parses `text` as TOML. Throws Error(Exit::data) with
// "path:line:column: description" for invalid TOML or for nesting deeper
// than max_toml_depth, the position and the description told in terms of
// `text` itself.
toml::table parse_toml(std::string_view text, std::string_view path);

}  // namespace aa
