#include "aa/toml_text.hpp"

#include <doctest/doctest.h>

#include <string>

#include "aa/error.hpp"
#include "error_message.hpp"

namespace {

// The message parse_toml throws for `text`.
std::string error_of(std::string_view text) {
  return aa::test::error_message(aa::Exit::data, text, [&] { aa::parse_toml(text, "f.toml"); });
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

TEST_CASE("input that breaks one of toml++'s internal assertions is rejected cleanly") {
  // toml++ 3.3 asserts that parse_key() never sees a '['. The build turns its
  // assertions off (cmake/tomlplusplus.cmake); in the asan build, which has
  // no NDEBUG, an assertion left on would abort here.
  CHECK(error_of("[[[a]]]\n").starts_with("f.toml:1:"));
  CHECK(error_of("[[[\n").starts_with("f.toml:1:"));
}
