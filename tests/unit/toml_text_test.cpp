#include "aa/toml_text.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
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

TEST_CASE("toml_cannot_classify covers every code point toml++ cannot test for whitespace") {
  // Under UBSan (the asan preset) a code point missing from the set stops
  // this test at toml++'s unreachable branch.
  int whitespace = 0;
  for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (!aa::toml_cannot_classify(c) && toml::impl::is_non_ascii_horizontal_whitespace(c)) ++whitespace;
  }
  // U+00A0, U+1680, U+180E, U+2000..U+200B, U+202F, U+205F, U+2060, U+3000, U+FEFF.
  CHECK(whitespace == 20);
  CHECK(aa::toml_cannot_classify(U'é'));
  CHECK(aa::toml_cannot_classify(U'§'));
  CHECK(aa::toml_cannot_classify(U'\u032A'));
  CHECK_FALSE(aa::toml_cannot_classify(U'\u00A0'));
  CHECK_FALSE(aa::toml_cannot_classify(U'\u3000'));
  CHECK_FALSE(aa::toml_cannot_classify(U'—'));
  CHECK_FALSE(aa::toml_cannot_classify(U'a'));
}

TEST_CASE("text without such a code point reaches toml++ unchanged") {
  for (const char* name : {"sections", "faq", "checklist", "tips"}) {
    std::ifstream in(std::string(AA_SOURCE_DIR) + "/content/" + name + ".toml", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    REQUIRE(!text.str().empty());
    const aa::GuardedToml masked = aa::mask_unclassifiable(text.str());
    CHECK(masked.text == text.str());
    CHECK(masked.edits.empty());
  }
}

TEST_CASE("inside strings and comments every character keeps its value") {
  CHECK(string_value("s = \"é § \\u00E9 Ж\" # ñ ѐ\n", "s") == "é § é Ж");
  CHECK(string_value("s = 'é\\'\n", "s") == "é\\");
  CHECK(string_value("s = '''\né ''\n§'''\n", "s") == "é ''\n§");
  CHECK(string_value("s = \"\"\"é \"\" \\\"§\"\"\"\n", "s") == "é \"\" \"§");
  CHECK(string_value("\"é\" = \"key\"\n", "é") == "key");
  CHECK(string_value("s = \"\"\"a\"\"\"\"\nt = \"é\"\n", "t") == "é");
  CHECK(aa::escape_after_line_ending_backslashes("s = \"é\" # é\nt = '''é'''\n").edits.empty());
}

TEST_CASE("a line-ending backslash followed by such a character keeps the string") {
  // toml++ upstream issue #190: the skipped blanks end at the '§'.
  CHECK(string_value("s = \"\"\"\\\n§\"\"\"\n", "s") == "§");
  CHECK(string_value("s = \"\"\"one \\  \r\n  \n\t é two\"\"\"\n", "s") == "one é two");
  CHECK(string_value("s = \"\"\"\\\n\u00A0é\"\"\"\n", "s") == "é");
  const aa::GuardedToml guarded = aa::escape_after_line_ending_backslashes("s = \"\"\"\\\n  é\"\"\"\n");
  REQUIRE(guarded.edits.size() == 1);
  CHECK(guarded.edits[0].line == 2);
  CHECK(guarded.edits[0].column == 3);
  CHECK(guarded.edits[0].original == U'é');
  CHECK(guarded.edits[0].escaped);
  CHECK(guarded.text == "s = \"\"\"\\\n  \\u00E9\"\"\"\n");
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
  CHECK(after_value.find("\uFFFD") == std::string::npos);
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
