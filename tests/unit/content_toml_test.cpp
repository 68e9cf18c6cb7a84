// SPDX-License-Identifier: MIT
// Writing the content model back as content files, and reading it again.
#include "aa/content/toml_file.hpp"

#include <doctest/doctest.h>

#include <string>

#include "aa/content/builtin.hpp"
#include "aa/content/load.hpp"

namespace {

// `content` written out and read back, kind by kind (sections first).
aa::Content round_trip(const aa::Content& content) {
  aa::Content again;
  for (aa::ContentKind kind : aa::content_kinds()) {
    aa::load_content_text(again, kind, aa::content_file_text(content, kind), aa::content_file_name(kind));
  }
  return again;
}

}  // namespace

TEST_CASE("toml_string escapes what TOML needs and keeps the rest as it is") {
  CHECK(aa::toml_string("plain") == "\"plain\"");
  CHECK(aa::toml_string("say \"hi\" \\ now") == "\"say \\\"hi\\\" \\\\ now\"");
  CHECK(aa::toml_string("a\tb\nc\rd\be\ff") == "\"a\\tb\\nc\\rd\\be\\ff\"");
  CHECK(aa::toml_string(std::string("nul\0bell\a del\x7f", 14)) == "\"nul\\u0000bell\\u0007 del\\u007F\"");
  CHECK(aa::toml_string("“quoted” — ’ 日本 ☺") == "\"“quoted” — ’ 日本 ☺\"");
  CHECK(aa::toml_string("") == "\"\"");
  CHECK(aa::toml_string("'''\"\"\"#") == "\"'''\\\"\\\"\\\"#\"");
}

TEST_CASE("toml_string's output is read back by toml++ as the same text, whatever it holds") {
  std::string every_byte;
  for (int c = 1; c < 0x80; ++c) every_byte += static_cast<char>(c);
  every_byte += "é€𝄞";
  const std::string text = "x = " + aa::toml_string(every_byte) + "\n";
  aa::Content content;
  // Through the real parser: a key that is not a content record is a
  // problem about the key, not about the string, so the string parsed.
  aa::ContentProblems problems;
  aa::load_content_text(content, aa::ContentKind::tips, text, "t.toml", &problems);
  REQUIRE(!problems.empty());
  CHECK(problems.front().message.find("unknown top-level key 'x'") != std::string::npos);
}

TEST_CASE("the built-in content, written out and read back, is the same record for record") {
  const aa::Content& builtin = aa::builtin_content();
  const aa::Content again = round_trip(builtin);
  REQUIRE(again.sections.size() == builtin.sections.size());
  for (std::size_t i = 0; i < builtin.sections.size(); ++i) {
    CHECK(again.sections[i].slug == builtin.sections[i].slug);
    CHECK(again.sections[i].title == builtin.sections[i].title);
    REQUIRE(again.sections[i].paragraphs.size() == builtin.sections[i].paragraphs.size());
    for (std::size_t p = 0; p < builtin.sections[i].paragraphs.size(); ++p) {
      CHECK(again.sections[i].paragraphs[p] == builtin.sections[i].paragraphs[p]);
    }
  }
  REQUIRE(again.questions.size() == builtin.questions.size());
  for (std::size_t i = 0; i < builtin.questions.size(); ++i) {
    CHECK(again.questions[i].id == builtin.questions[i].id);
    CHECK(again.questions[i].question == builtin.questions[i].question);
    CHECK(again.questions[i].answer == builtin.questions[i].answer);
    REQUIRE(again.questions[i].see.size() == builtin.questions[i].see.size());
    for (std::size_t s = 0; s < builtin.questions[i].see.size(); ++s) {
      CHECK(again.questions[i].see[s] == builtin.questions[i].see[s]);
    }
  }
  REQUIRE(again.checklist.size() == builtin.checklist.size());
  for (std::size_t i = 0; i < builtin.checklist.size(); ++i) {
    const aa::ChecklistItem& a = again.checklist[i];
    const aa::ChecklistItem& b = builtin.checklist[i];
    CHECK(a.id == b.id);
    CHECK(a.sign == b.sign);
    CHECK(a.statement == b.statement);
    CHECK(a.about == b.about);
    REQUIRE(a.help.size() == b.help.size());
    for (std::size_t h = 0; h < b.help.size(); ++h) {
      CHECK(a.help[h].section == b.help[h].section);
      CHECK(a.help[h].point == b.help[h].point);
    }
  }
  REQUIRE(again.tips.size() == builtin.tips.size());
  for (std::size_t i = 0; i < builtin.tips.size(); ++i) {
    CHECK(again.tips[i].id == builtin.tips[i].id);
    CHECK(again.tips[i].category == builtin.tips[i].category);
    CHECK(again.tips[i].section == builtin.tips[i].section);
    CHECK(again.tips[i].text == builtin.tips[i].text);
    CHECK(again.tips[i].origin.file == "tips.toml");
    CHECK(again.tips[i].origin.line > 0);
  }
  // Written again, the files are the same bytes: the writer is a function
  // of the content alone.
  for (aa::ContentKind kind : aa::content_kinds()) {
    CHECK(aa::content_file_text(again, kind) == aa::content_file_text(builtin, kind));
  }
}

TEST_CASE("a content file starts with the header it is given") {
  const std::string text = aa::content_file_text(aa::builtin_content(), aa::ContentKind::faq, "# faq\n");
  CHECK(text.starts_with("# faq\n\n[[question]]\n"));
}

TEST_CASE("a question without 'see' is written without it, tips get a comment per category") {
  const std::string_view see[] = {"what"};
  const aa::Section sections[] = {{"what", "What", see}};
  const aa::Question questions[] = {{"a", "Q?", "A.", {}}, {"b", "Q2?", "A2.", see}};
  const aa::Tip tips[] = {{"t1", "one", "what", "T1."}, {"t2", "one", "what", "T2."}, {"t3", "two", "what", "T3."}};
  aa::Content content;
  content.sections = sections;
  content.questions = questions;
  content.tips = tips;
  const std::string faq = aa::content_file_text(content, aa::ContentKind::faq);
  CHECK(faq.find("[[question]]\nid = \"a\"\nquestion = \"Q?\"\nanswer = \"A.\"\n\n[[question]]") != std::string::npos);
  CHECK(faq.find("see = [\"what\"]\n") != std::string::npos);
  const std::string tip_text = aa::content_file_text(content, aa::ContentKind::tips);
  CHECK(tip_text.find("\n# one\n\n[[tip]]\nid = \"t1\"") != std::string::npos);
  CHECK(tip_text.find("\n# two\n\n[[tip]]\nid = \"t3\"") != std::string::npos);
  CHECK(tip_text.find("# one\n\n[[tip]]\nid = \"t2\"") == std::string::npos);
}
