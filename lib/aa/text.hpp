// UTF-8 text measured in display columns, and wrapped to a width.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aa {

// One character of UTF-8 text: its code point, or -1 for a byte that does
// not start a valid sequence (strict: no overlong forms, no surrogates,
// nothing past U+10FFFF), and the bytes it takes (1 for an invalid byte).
struct Decoded {
  std::int32_t codepoint;
  std::size_t length;
};
Decoded decode_utf8(std::string_view text, std::size_t at);

// Appends the UTF-8 encoding of a valid code point.
void append_utf8(std::string& out, std::int32_t codepoint);

// Columns `text` takes on a terminal: most characters one, East Asian wide
// ones two, combining marks zero. A byte that is not valid UTF-8 counts one.
std::size_t display_width(std::string_view text);

// `text` broken into lines of at most `width` columns, joined by '\n' (no
// final newline). Words are split on spaces and never broken unless longer
// than a line. The first line starts with `first_indent`, later ones with
// `rest_indent` (for list items); both count towards the width. A width of
// 0 means no wrapping: the words on one line.
std::string wrap_paragraph(std::string_view text, std::size_t width, std::string_view first_indent = "",
                           std::string_view rest_indent = "");

// Lower-cased, case-folded form of `text` for case-insensitive matching
// (invalid bytes are kept as they are).
std::string fold_case(std::string_view text);

// fold_case(text), with where each of its bytes came from: origin[i] is the
// offset in `text` of the character that byte i of the folded text belongs
// to, and origin[folded.size()] is text.size(). Folding can change a
// character's length in bytes, so a match found in the folded text needs
// this to be located in the original.
struct FoldedText {
  std::string folded;
  std::vector<std::size_t> origin;
};
FoldedText fold_case_mapped(std::string_view text);

// Whether `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

// Whether a terminal may act on `codepoint` rather than show it: C0 and C1
// controls and DEL (U+009B starts a control sequence, as ESC [ does), the
// bidirectional embeddings, overrides, isolates and marks that reorder what
// is shown, and the line and paragraph separators that end a line.
bool is_terminal_control(std::int32_t codepoint);

// `text` made safe to show on a terminal: every character that
// is_terminal_control() names is written as an escape (\x1b, \u{202e}), and
// so is every byte that is not valid UTF-8. Everything else is kept.
std::string terminal_safe(std::string_view text);

}  // namespace aa
