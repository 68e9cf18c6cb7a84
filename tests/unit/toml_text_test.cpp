// SPDX-License-Identifier: MIT
#include "aa/content/toml_text.hpp"

#include <doctest/doctest.h>

#include <string>

#include "aa/content/toml_depth.hpp"
#include "aa/io/error.hpp"
#include "error_message.hpp"

namespace {

// The message parse_toml throws for `text`.
std::string error_of(std::string_view text) {
  return aa::test::error_message(aa::Problem::data, text, [&] { aa::parse_toml(text, "f.toml"); });
}

std::string string_value(std::string_view text, std::string_view key) {
  const toml::table table = aa::parse_toml(text, "f.toml");
  return table[key].value_or(std::string("<missing>"));
}

}  // namespace

TEST_CASE("toml++ can tell of every code point whether it is whitespace") {
  // Debian's toml++ 3.3 reaches TOML_UNREACHABLE for U+00A1..U+0499 and
  // others (upstream issues #190, #295); the build patches that. Under UBSan
  // (the asan preset) an unpatched header stops this test at the first one.
  int whitespace = 0;
  for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (toml::impl::is_non_ascii_horizontal_whitespace(c)) ++whitespace;
  }
  // U+00A0, U+1680, U+180E, U+2000..U+200B, U+202F, U+205F, U+2060, U+3000, U+FEFF.
  CHECK(whitespace == 20);
}

TEST_CASE("inside strings and comments every character keeps its value") {
  CHECK(string_value("s = \"é § \\u00E9 Ж\" # ñ ѐ\n", "s") == "é § é Ж");
  CHECK(string_value("s = 'é\\'\n", "s") == "é\\");
  CHECK(string_value("s = '''\né ''\n§'''\n", "s") == "é ''\n§");
  CHECK(string_value("s = \"\"\"é \"\" \\\"§\"\"\"\n", "s") == "é \"\" \"§");
  CHECK(string_value("\"é\" = \"key\"\n", "é") == "key");
  CHECK(string_value("s = \"\"\"a\"\"\"\"\nt = \"é\"\n", "t") == "é");
}

TEST_CASE("a line-ending backslash followed by such a character keeps the string") {
  // toml++ upstream issue #190: the skipped blanks end at the '§'.
  CHECK(string_value("s = \"\"\"\\\n§\"\"\"\n", "s") == "§");
  CHECK(string_value("s = \"\"\"one \\  \r\n  \n\t é two\"\"\"\n", "s") == "one é two");
  CHECK(string_value("s = \"\"\"\\\n\u00A0é\"\"\"\n", "s") == "é");
  // An error later on that line is told at its column in the original text.
  CHECK(error_of("s = \"\"\"\\\né\"\"\" x\n").starts_with("f.toml:2:6: "));
}

TEST_CASE("such a character where TOML allows none is an error naming it") {
  // toml++ upstream issue #295: two bytes, U+032A, at the top level.
  CHECK(error_of("\xcc\xaa").starts_with("f.toml:1:1: "));
  CHECK(error_of("\xcc\xaa").find("\xcc\xaa") != std::string::npos);
  const std::string after_value = error_of("x = 1 é\n");
  CHECK(after_value.starts_with("f.toml:1:7: "));
  CHECK(after_value.find("'é'") != std::string::npos);
  CHECK(error_of("x = trué\n").find("'trué'") != std::string::npos);
  CHECK(error_of("[a.é]\n").starts_with("f.toml:1:4: "));
  CHECK(error_of("x = [1, é]\n").starts_with("f.toml:1:9: "));
  CHECK(error_of("s = \"\"\"\\é\"\"\"\n").find("'\\é'") != std::string::npos);
  CHECK(error_of("s = \"\"\"\\ é\n\"\"\"\n").starts_with("f.toml:1:10: "));
  // toml++ reads a bare value up to a value terminator, quotes included.
  CHECK(error_of("st =3333333*3333'333§\"\"").starts_with("f.toml:1:"));
  CHECK(error_of("x = 3.\"é\"\n").starts_with("f.toml:1:"));
  CHECK(error_of("x = 1979-05-27 07:32'é'\n").starts_with("f.toml:1:"));
  // A byte order mark takes no column.
  CHECK(error_of("\xEF\xBB\xBFx = é\n").starts_with("f.toml:1:5: "));
  // An earlier error is still the one reported.
  CHECK(error_of("x = \nx = é\n").starts_with("f.toml:1:5: "));
}

TEST_CASE("bytes that are not UTF-8 are toml++'s error, wherever they are") {
  for (const char* bad : {"\xC0\xA9", "\xE0\x83\xA9", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xC3"}) {
    for (const std::string& text : {"x = 1 " + std::string(bad) + " é\n", "# " + std::string(bad) + " é\n",
                                    "s = \"" + std::string(bad) + "\" é\n"}) {
      CAPTURE(text);
      CHECK(error_of(text).starts_with("f.toml:1:"));
    }
  }
}

namespace {

// How deep `text` nests, found as the smallest limit it keeps within.
std::size_t depth_of(std::string_view text) {
  std::size_t limit = 0;
  while (aa::find_excess_nesting(text, limit)) ++limit;
  return limit;
}

std::string repeated(std::string_view part, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += part;
  return out;
}

}  // namespace

TEST_CASE("nesting depth counts tables, arrays and inline tables, wherever they are named") {
  CHECK(depth_of("") == 0);
  CHECK(depth_of("a = 1\n") == 0);
  CHECK(depth_of("a.b.c = 1\n") == 2);
  CHECK(depth_of("a . b . c = 1\n") == 2);
  CHECK(depth_of("[a]\n") == 1);
  CHECK(depth_of("[a.b.c]\nx = 1\n") == 3);
  CHECK(depth_of("[a.b]\nx.y = 1\n") == 3);
  CHECK(depth_of("[[a]]\n") == 2);
  CHECK(depth_of("[[item.help]]\nsection = 's'\n") == 3);
  CHECK(depth_of("a = [[1], [2]]\n") == 2);
  CHECK(depth_of("a = [\n  [1],\n  [[2]],\n]\n") == 3);
  CHECK(depth_of("a = {b = {c = 1}}\n") == 2);
  CHECK(depth_of("a = {b.c.d = [1]}\n") == 4);
  CHECK(depth_of("[x]\na = [{b = 1}, {c.d = 2}]\n") == 4);
  // A header's depth is its own; an earlier one does not add to it.
  CHECK(depth_of("[a.b.c]\n[d]\ne = 1\n") == 3);
  CHECK(depth_of("a = [[[1]]]\nb = 2\n") == 3);
}

TEST_CASE("dots in numbers, times, strings and comments are no depth") {
  CHECK(depth_of("a = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5]\n") == 1);
  CHECK(depth_of("a = 1.5\nb = 1979-05-27T07:32:00.999\n") == 0);
  CHECK(depth_of("a = {x = 1.5, y = 2.5}\n") == 1);
  CHECK(depth_of("\"a.b.c\" = 1\n'd.e' = 2\n") == 0);
  CHECK(depth_of("a = \"[[{{.\"\nb = '[{.'\n") == 0);
  CHECK(depth_of("a = \"\"\"\n[[x.y]]\n\\\"\"\"\"\"\n[b]\n") == 1);
  CHECK(depth_of("a = '''\n[[x.y]]\n'''\n") == 0);
  CHECK(depth_of("# [[a.b.c]] {x.y}\na = 1 # [[[\n") == 0);
  CHECK(depth_of("\"a.b\".\"c.d\" = 1\n") == 1);
  CHECK(depth_of(repeated("a = [1.5, 2.5]\n", 1000)) == 1);
}

TEST_CASE("too deep a text is refused before toml++ sees it, at the place it goes too deep") {
  const std::string deep_header = "[" + repeated("a.", 199'999) + "a]\n";
  const std::string deep_key = repeated("a.", 199'999) + "a = 1\n";
  const std::string deep_arrays = "a = " + repeated("[", 200'000) + repeated("]", 200'000) + "\n";
  const std::string deep_inline = "a = " + repeated("{b=", 200'000) + "1" + repeated("}", 200'000) + "\n";
  const std::string deep_in_inline = "a = {" + repeated("b.", 100) + "c = 1}\n";
  for (const std::string& text : {deep_header, deep_key, deep_arrays, deep_inline, deep_in_inline}) {
    CAPTURE(text.substr(0, 40));
    const std::string message = error_of(text);
    CHECK(message.starts_with("f.toml:1:"));
    CHECK(message.ends_with(": nested more than 64 levels deep"));
  }
  // The column is where the 65th level starts.
  CHECK(error_of(deep_header).starts_with("f.toml:1:129: "));
  CHECK(error_of(deep_key).starts_with("f.toml:1:130: "));
  CHECK(error_of(deep_arrays).starts_with("f.toml:1:69: "));
  CHECK(error_of("\n\n[[" + repeated("a.", 62) + "a.a]]\n").starts_with("f.toml:3:128: "));
  // At the limit, toml++ reads it.
  CHECK_NOTHROW(aa::parse_toml("[" + repeated("a.", 63) + "a]\n", "f.toml"));
  CHECK_NOTHROW(aa::parse_toml("a = " + repeated("[", 64) + repeated("]", 64) + "\n", "f.toml"));
  CHECK_NOTHROW(aa::parse_toml("a = [" + repeated("1.5, ", 100'000) + "]\n", "f.toml"));
  CHECK(error_of("a = " + repeated("[", 65) + repeated("]", 65) + "\n").starts_with("f.toml:1:69: "));
}

TEST_CASE("input that breaks one of toml++'s internal assertions is rejected cleanly") {
  // toml++ 3.3 asserts that parse_key() never sees a '['. The build turns its
  // assertions off (cmake/tomlplusplus.cmake); in the asan build, which has
  // no NDEBUG, an assertion left on would abort here.
  CHECK(error_of("[[[a]]]\n").starts_with("f.toml:1:"));
  CHECK(error_of("[[[\n").starts_with("f.toml:1:"));
}

TEST_CASE("syntax errors read as plain words, at their place") {
  CHECK(error_of("save = tru\n") ==
        "f.toml:1:11: 'tru' is not a value: write true or false (in lower case), a number, or text in \"quotes\"");
  CHECK(error_of("save = yes\n") ==
        "f.toml:1:8: this is not a value: write true or false (in lower case), a number, or text in \"quotes\"");
  CHECK(error_of("save true\n") == "f.toml:1:6: expected '=' between the name and its value, saw 't'");
  CHECK(error_of("save = true x\n") ==
        "f.toml:1:13: 'x' after the value: put each setting on its own line, and start a comment with '#'");
  CHECK(error_of("a = 1\na = 2\n") == "f.toml:2:5: this name is given a second time; each may appear only once");
  CHECK(error_of("[a]\n[a]\n") == "f.toml:2:1: this name is given a second time; each may appear only once");
  CHECK(error_of("x = [1,\n") ==
        "f.toml:1:9: the file ends in the middle of this; is a closing quote or bracket missing?");
  CHECK(error_of("s = \"abc\n") == "f.toml:1:9: text in quotes must end with its closing quote on the same line");
  CHECK(error_of("[table\n") == "f.toml:1:7: a [table] heading needs its closing ']'");
  CHECK(error_of("= 3\n") ==
        "f.toml:1:1: a line must be a setting (name = value), a [table] heading or a comment starting with '#', "
        "not '='");
  // The rarer ones keep toml++'s reason, without its "Error while parsing" prefix.
  CHECK(error_of("d = 1979-13-01\n") == "f.toml:1:12: expected month between 1 and 12 (inclusive), saw 13 (in a date)");
}

TEST_CASE("plain_toml_description leaves a description it does not know as it is") {
  CHECK(aa::plain_toml_description("something else") == "something else");
  CHECK(aa::plain_toml_description("Error while parsing string: unknown escape sequence '\\q'") ==
        "unknown escape sequence '\\q' in text in quotes; write \\\\ for a backslash");
}
