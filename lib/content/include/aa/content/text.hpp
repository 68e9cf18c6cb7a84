// SPDX-License-Identifier: MIT
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

// `text` with each of its lines that is wider than `width` columns wrapped
// as wrap_paragraph() wraps, its continuation lines indented as the line
// itself was; lines that fit are left exactly as they are, trailing space
// and all (a question waiting on the same line for its answer). Width 0
// leaves everything as it is. For text already laid out that must fit a
// terminal: a message, a confirmation.
std::string fit_lines(std::string_view text, std::size_t width);

// `text` as one word for sh, to show a command a person can paste: as it
// is when that is safe, else in single quotes.
std::string shell_word(std::string_view text);

// Whether folding reads the typographic quotes ‘ ’ “ ” as the ASCII ' and "
// a person types.
enum class Quotes { keep, plain };

// `text` in the form two texts are compared in, ignoring case: Unicode
// case folding with canonical composition (utf8proc's CASEFOLD, COMPOSE and
// STABLE), done one grapheme cluster at a time, so "STRASSE" and "straße",
// or "É" and "e" + U+0301, fold alike. Bytes that are not valid UTF-8 are
// kept as they are. With Quotes::plain, a cluster that is one typographic
// quote becomes its ASCII twin.
std::string fold_case(std::string_view text, Quotes quotes = Quotes::keep);

// fold_case(text), with where each of its bytes came from: origin[i] is the
// offset in `text` of the grapheme cluster that byte i of the folded text
// belongs to (a character's start), and origin[folded.size()] is
// text.size(). Folding can change a cluster's length in bytes, so a match
// found in the folded text needs this to be located in the original.
struct FoldedText {
  std::string folded;
  std::vector<std::size_t> origin;
};
FoldedText fold_case_mapped(std::string_view text, Quotes quotes = Quotes::keep);

// Whether `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

// U+FEFF as UTF-8. At the start of a file or of stdin it says only that the
// text is UTF-8 (some editors on Windows put it there): it is not text.
inline constexpr std::string_view utf8_byte_order_mark = "\xef\xbb\xbf";

// `text` without the byte-order mark at its start, if it has one.
constexpr std::string_view without_byte_order_mark(std::string_view text) {
  if (text.starts_with(utf8_byte_order_mark)) text.remove_prefix(utf8_byte_order_mark.size());
  return text;
}

// Whether a terminal may act on `codepoint` rather than show it: C0 and C1
// controls and DEL (U+009B starts a control sequence, as ESC [ does), the
// bidirectional embeddings, overrides, isolates and marks that reorder what
// is shown, and the line and paragraph separators that end a line.
bool is_terminal_control(std::int32_t codepoint);

// `text` made safe for a one-line message: terminal_safe(), and cut short
// (with "...") past `max_bytes`.
std::string printable(std::string_view text, std::size_t max_bytes = 60);

// Whether `codepoint` shows nothing on its own: a space (Unicode category
// Zs), a line or paragraph separator, a control or format character (Cc,
// Cf, such as U+200B ZERO WIDTH SPACE), or a character Unicode says to
// ignore when it cannot be shown (a variation selector, a Hangul filler).
bool is_invisible(std::int32_t codepoint);

// Whether the first or the last character of `text` is a space (Unicode
// category Zs: ' ', U+00A0 NO-BREAK SPACE, U+3000 IDEOGRAPHIC SPACE...).
bool starts_or_ends_with_space(std::string_view text);

// Whether `text` has at least one character that is not invisible.
bool has_visible_character(std::string_view text);

// The offset of the first character in `text` that is_terminal_control()
// names, or npos.
std::size_t find_terminal_control(std::string_view text);

// `text` made safe to show on a terminal: every character that
// is_terminal_control() names is written as an escape (\x1b, \u{202e}), and
// so is every byte that is not valid UTF-8. Everything else is kept.
std::string terminal_safe(std::string_view text);

// `text` as Markdown that shows it as it is: HTML and Markdown syntax
// cannot take effect. '<', '>' and '&' become entities (so there is no raw
// tag or autolink), inline markers are backslash-escaped (so no link,
// emphasis or code), and so is whatever, at the start of a word (which
// wrapping may put at the start of a line), would begin a heading, quote,
// list or rule.
std::string escape_markdown(std::string_view text);

// escape_markdown(text) wrapped as wrap_paragraph() wraps, except that a
// word longer than a line is left whole: breaking it could part an escape
// (a backslash from the '[' it escapes, "&l" from "t;"), and Markdown is
// reflowed when it is read.
std::string markdown_paragraph(std::string_view text, std::size_t width, std::string_view first_indent = "",
                               std::string_view rest_indent = "");

}  // namespace aa
