// SPDX-License-Identifier: MIT
#include "aa/content/text.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <vector>

using aa::display_width;
using aa::wrap_paragraph;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string without_spaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n') out += c;
  }
  return out;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

}  // namespace

TEST_CASE("display width counts columns, not bytes") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("’—•") == 3);        // three bytes each, one column each
  CHECK(display_width("日本語") == 6);     // wide
  CHECK(display_width("e\xcc\x81") == 1);  // e + combining acute accent
  CHECK(display_width("\xff\xfe") == 2);   // invalid bytes count one each
  CHECK(display_width("") == 0);
}

TEST_CASE("wrapping keeps every line within the width and every word in order") {
  const std::string text =
      "You’re not too much — you are learning what feels safe. 日本語のテキストも 折り返します。 "
      "Combining e\xcc\x81 marks stay put.";
  for (std::size_t width : {10, 20, 33, 40, 79, 80}) {
    CAPTURE(width);
    const std::string wrapped = wrap_paragraph(text, width);
    for (const std::string& line : split_lines(wrapped)) CHECK(display_width(line) <= width);
    CHECK(without_spaces(wrapped) == without_spaces(text));
    // Words are split only when longer than a line (the longest is 18 columns).
    if (width >= 18) CHECK(words_of(wrapped) == words_of(text));
  }
}

TEST_CASE("width 0 means one line, spaces collapsed") { CHECK(wrap_paragraph("  a   b\tc  ", 0) == "a b c"); }

TEST_CASE("a word longer than the line is broken between characters") {
  CHECK(wrap_paragraph("abcdefghij", 4) == "abcd\nefgh\nij");
  CHECK(wrap_paragraph("ab 日本語日本", 4) == "ab\n日本\n語日\n本");
}

TEST_CASE("list items hang under their marker") {
  CHECK(wrap_paragraph("one two three four", 10, "- ", "  ") == "- one two\n  three\n  four");
}

TEST_CASE("fitting laid-out text wraps only the lines that do not fit") {
  // Lines that fit keep their spacing, blank lines and the space a
  // question ends with.
  CHECK(aa::fit_lines("  1  never\n\nDelete it? [y/N] ", 20) == "  1  never\n\nDelete it? [y/N] ");
  // A long line wraps at spaces, under its own indent.
  CHECK(aa::fit_lines("  one two three four\nok", 10) == "  one two\n  three\n  four\nok");
  CHECK(aa::fit_lines("Delete entry 5 of 2026-03-01? [y/N] ", 16) == "Delete entry 5\nof 2026-03-01?\n[y/N] ");
  CHECK(aa::fit_lines("a message\n", 7) == "a\nmessage\n");
  // Width 0: as it was.
  CHECK(aa::fit_lines("  x  y  ", 0) == "  x  y  ");
}

TEST_CASE("a word for sh: bare when safe, else in single quotes") {
  CHECK(aa::shell_word("weakness") == "weakness");
  CHECK(aa::shell_word("/home/a b/draft") == "'/home/a b/draft'");
  CHECK(aa::shell_word("it's") == "'it'\\''s'");
  CHECK(aa::shell_word("") == "''");
  CHECK(aa::shell_word("$HOME") == "'$HOME'");
}

TEST_CASE("case folding for search") {
  CHECK(aa::fold_case("Ångström ÉTÉ") == "ångström été");
  CHECK(aa::fold_case("a\xff") == "a\xff");
}

TEST_CASE("case folding is Unicode's full folding, with composition, not lower-casing") {
  // ß and ẞ fold to "ss"; tolower leaves ß alone.
  CHECK(aa::fold_case("STRASSE") == aa::fold_case("straße"));
  CHECK(aa::fold_case("Straẞe") == "strasse");
  // Final and other sigma fold alike; so do the KELVIN SIGN and K.
  CHECK(aa::fold_case("ΣΟΦΟΣ") == aa::fold_case("σοφος"));
  CHECK(aa::fold_case("\xe2\x84\xaa") == "k");
  // A letter with a combining accent folds as the precomposed letter does.
  CHECK(aa::fold_case("E\xcc\x81t\xc3\xa9") == "\xc3\xa9t\xc3\xa9");
  // The typographic quotes stay themselves unless asked for.
  CHECK(aa::fold_case("can’t “so”") == "can’t “so”");
  CHECK(aa::fold_case("Can’t ‘so’ “SO”", aa::Quotes::plain) == "can't 'so' \"so\"");
}

TEST_CASE("the folded text maps back to whole characters of the original") {
  // "É" as E + U+0301 is one cluster of three bytes that folds to two.
  const aa::FoldedText folded = aa::fold_case_mapped("xE\xcc\x81ß’", aa::Quotes::plain);
  CHECK(folded.folded == "x\xc3\xa9ss'");
  CHECK(folded.origin == std::vector<std::size_t>{0, 1, 1, 4, 4, 6, 9});
  // Stray bytes are characters of their own and stop a cluster.
  const aa::FoldedText stray = aa::fold_case_mapped("E\xff\xcc\x81");
  CHECK(stray.folded == "e\xff\xcc\x81");
  CHECK(stray.origin == std::vector<std::size_t>{0, 1, 2, 2, 4});
}

TEST_CASE("UTF-8 validity") {
  CHECK(aa::is_valid_utf8("plain ’text’"));
  CHECK_FALSE(aa::is_valid_utf8("bad \xc3"));
  CHECK_FALSE(aa::is_valid_utf8("\xed\xa0\x80"));  // a surrogate
}

TEST_CASE("terminal_safe escapes every character a terminal would act on") {
  CHECK(aa::terminal_safe("plain words, caf\xc3\xa9 \xe2\x80\x94 fine") ==
        "plain words, caf\xc3\xa9 \xe2\x80\x94 fine");
  CHECK(aa::terminal_safe("a\nb\tc\x1b]0;title\x07") == "a\\x0ab\\x09c\\x1b]0;title\\x07");
  CHECK(aa::terminal_safe("del\x7f") == "del\\x7f");
  // C1: U+009B is a one-character CSI.
  CHECK(aa::terminal_safe("\xc2\x9b"
                          "31m") == "\\u{009b}31m");
  CHECK(aa::terminal_safe("\xc2\x85") == "\\u{0085}");
  // Bidi overrides, isolates and marks, and the line and paragraph separators.
  CHECK(aa::terminal_safe("\xe2\x80\xae"
                          "txt.exe") == "\\u{202e}txt.exe");
  CHECK(aa::terminal_safe("\xe2\x81\xa6"
                          "x"
                          "\xe2\x81\xa9") == "\\u{2066}x\\u{2069}");
  CHECK(aa::terminal_safe("\xe2\x80\x8f") == "\\u{200f}");
  CHECK(aa::terminal_safe("one\xe2\x80\xa8two\xe2\x80\xa9") == "one\\u{2028}two\\u{2029}");
  // Invalid UTF-8 is escaped byte by byte; the valid text around it is kept.
  CHECK(aa::terminal_safe("\xff"
                          "caf\xc3\xa9") == "\\xffcaf\xc3\xa9");
}

TEST_CASE("is_terminal_control leaves ordinary text alone") {
  for (std::int32_t c : {0x20, 0x41, 0x7e, 0xa0, 0xe9, 0x2014, 0x2019, 0x200b, 0x4e2d, 0x1f600}) {
    CAPTURE(c);
    CHECK_FALSE(aa::is_terminal_control(c));
  }
  for (std::int32_t c :
       {0x00, 0x0a, 0x1b, 0x7f, 0x80, 0x9b, 0x9f, 0x061c, 0x200e, 0x202a, 0x202e, 0x2066, 0x2069, 0x2028, 0x2029}) {
    CAPTURE(c);
    CHECK(aa::is_terminal_control(c));
  }
}

TEST_CASE("find_terminal_control finds what terminal_safe escapes, by its offset") {
  CHECK(aa::find_terminal_control("plain caf\xc3\xa9 \xe2\x80\x94 \xe2\x80\x8b") == std::string_view::npos);
  CHECK(aa::find_terminal_control("ab\x1b") == 2);
  CHECK(aa::find_terminal_control("\xc3\xa9\xc2\x9b") == 2);
  CHECK(aa::find_terminal_control("x\xe2\x80\xae") == 1);
  CHECK(aa::find_terminal_control("x\xe2\x80\xa8y") == 1);
  // Invalid UTF-8 is not a control: the TOML parser refuses it first.
  CHECK(aa::find_terminal_control("\xff") == std::string_view::npos);
}

TEST_CASE("text with nothing that shows is told apart from text with something") {
  for (const char* blank : {"", " ", "\t\n", "\xe2\x80\x8b", "\xc2\xa0\xe3\x80\x80", "\xef\xbb\xbf",
                            "\xe2\x81\xa0\xc2\xad", "\xe3\x85\xa4", "\xef\xb8\x8f", "\xe2\x80\xa8"}) {
    CAPTURE(blank);
    CHECK_FALSE(aa::has_visible_character(blank));
  }
  for (const char* text : {"a", " a ",
                           "\xe2\x80\x8b"
                           ".",
                           "\xe2\x80\x94", "\xe4\xb8\xad", "e\xcc\x81", "\xe2\x9d\xa4\xef\xb8\x8f", "\xff"}) {
    CAPTURE(text);
    CHECK(aa::has_visible_character(text));
  }
  CHECK(aa::is_invisible(0x200B));
  CHECK(aa::is_invisible(0x2060));
  CHECK(aa::is_invisible(0x3000));
  CHECK_FALSE(aa::is_invisible('x'));
  CHECK_FALSE(aa::is_invisible(0x2014));
}

TEST_CASE("a space at either end is any Unicode space") {
  CHECK(aa::starts_or_ends_with_space(" a"));
  CHECK(aa::starts_or_ends_with_space("a "));
  CHECK(
      aa::starts_or_ends_with_space("\xc2\xa0"
                                    "a"));
  CHECK(aa::starts_or_ends_with_space("a\xe3\x80\x80"));
  CHECK_FALSE(aa::starts_or_ends_with_space("a b"));
  CHECK_FALSE(aa::starts_or_ends_with_space(""));
  CHECK_FALSE(aa::starts_or_ends_with_space("caf\xc3\xa9"));
  // An emoji's variation selector ends the text rightly.
  CHECK_FALSE(aa::starts_or_ends_with_space("love \xe2\x9d\xa4\xef\xb8\x8f"));
}

TEST_CASE("escape_markdown leaves no HTML and no Markdown syntax that takes effect") {
  const std::string html = aa::escape_markdown("<script>alert(1)</script> & <b>bold</b> <https://x.example>");
  CHECK(html.find('<') == std::string::npos);
  CHECK(html.find('>') == std::string::npos);
  CHECK(html == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &lt;https://x.example&gt;");
  // A link needs an unescaped "](": none is left.
  const std::string link = aa::escape_markdown("[x](javascript:alert(1)) ![i](javascript:y) [r]: javascript:z");
  CHECK(link == "\\[x\\](javascript:alert(1)) !\\[i\\](javascript:y) \\[r\\]: javascript:z");
  for (std::size_t at = link.find("]("); at != std::string::npos; at = link.find("](", at + 1)) {
    CHECK(link[at - 1] == '\\');
  }
  CHECK(aa::escape_markdown("*a* _b_ `c` ~d~ |e| \\f") == "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\|e\\| \\\\f");
  // What begins a block, at the start of any word, which wrapping may put first on a line.
  CHECK(aa::escape_markdown("# h > q - l + m = r 12. n 3) o") == "\\# h &gt; q \\- l \\+ m \\= r 12\\. n 3\\) o");
  // Ordinary text stays as it is.
  CHECK(aa::escape_markdown("You\xe2\x80\x99re not too much \xe2\x80\x94 50% of 1.5 is fine, well-known.") ==
        "You\xe2\x80\x99re not too much \xe2\x80\x94 50% of 1.5 is fine, well-known.");
}

TEST_CASE("markdown_paragraph wraps escaped text without parting an escape") {
  CHECK(aa::markdown_paragraph("a <b> c", 0) == "a &lt;b&gt; c");
  CHECK(aa::markdown_paragraph("one [two](three) four", 10, "- ", "  ") == "- one\n  \\[two\\](three)\n  four");
  // A word longer than the line stays whole, where wrap_paragraph breaks it.
  CHECK(aa::markdown_paragraph("[[[[ <<<<", 3) == "\\[\\[\\[\\[\n&lt;&lt;&lt;&lt;");
  CHECK(aa::wrap_paragraph("abcdef", 3) == "abc\ndef");
  // Words that wrapping puts at the start of a line are escaped as such.
  CHECK(aa::markdown_paragraph("x - y # z 1. w", 2) == "x\n\\-\ny\n\\#\nz\n1\\.\nw");
}
