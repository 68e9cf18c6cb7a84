// SPDX-License-Identifier: MIT
// The shipped content files are kept tidy, as fortune-mod keeps its own.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "aa/content/builtin.hpp"
#include "aa/content/text.hpp"
#include "files.hpp"
#include "process.hpp"

TEST_CASE("content files: no tabs, no trailing spaces, one final newline") {
  for (const char* name : {"sections.toml", "faq.toml", "checklist.toml", "tips.toml", "prompts.toml"}) {
    CAPTURE(name);
    const std::string content = aa::test::slurp(aa::test::source_dir() + "/content/" + name);
    REQUIRE_FALSE(content.empty());
    CHECK(content.back() == '\n');
    CHECK_FALSE(content.ends_with("\n\n"));
    CHECK(content.find('\t') == std::string::npos);
    CHECK(content.find(" \n") == std::string::npos);
    CHECK(content.find('\r') == std::string::npos);
  }
}

TEST_CASE("every tip fits an 80-column line and is unique") {
  std::set<std::string_view> texts;
  for (const aa::Tip& tip : aa::builtin_content().tips) {
    CAPTURE(tip.id);
    CHECK(aa::display_width(tip.text) <= 80);
    CHECK(texts.insert(tip.text).second);
  }
}

TEST_CASE("every category has at least three tips") {
  std::map<std::string_view, int> per_category;
  for (const aa::Tip& tip : aa::builtin_content().tips) ++per_category[tip.category];
  for (const auto& entry : per_category) {
    const auto& [category, count] = entry;
    CAPTURE(entry.first);
    CHECK(count >= 3);
  }
}

TEST_CASE("content files: nothing invisible and nothing a terminal acts on, comments included") {
  // Loading checks the text values; this covers comments and keys too.
  for (const char* name : {"sections.toml", "faq.toml", "checklist.toml", "tips.toml", "prompts.toml"}) {
    CAPTURE(name);
    const std::string content = aa::test::slurp(aa::test::source_dir() + "/content/" + name);
    for (std::size_t at = 0; at < content.size();) {
      const aa::Decoded d = aa::decode_utf8(content, at);
      CAPTURE(at);
      CHECK(d.codepoint >= 0);
      if (d.codepoint != '\n' && d.codepoint != ' ') CHECK_FALSE(aa::is_invisible(d.codepoint));
      at += d.length;
    }
  }
}

TEST_CASE("no content tells a reader that a fear is only in their head") {
  // The alarm is sometimes false and sometimes picking up something real:
  // the content teaches checking the story, never dismissing the feeling.
  const char* dismissals[] = {
      "only exist in your head", "only exists in your head", "exist only in your head", "exists only in your head",
      "only in your head",       "all in your head",         "just in your head",       "in your head only",
      "only in your mind",       "all in your mind",         "just in your mind",       "only in your imagination",
      "all in your imagination", "just your imagination",    "all your imagination",
  };
  for (const char* name : {"sections.toml", "faq.toml", "checklist.toml", "tips.toml", "prompts.toml"}) {
    CAPTURE(name);
    std::string content = aa::test::slurp(aa::test::source_dir() + "/content/" + name);
    for (char& c : content) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    for (const char* dismissal : dismissals) {
      CHECK_MESSAGE(content.find(dismissal) == std::string::npos, name << " says \"" << dismissal << "\"");
    }
  }
}

TEST_CASE("the guide's safety section is there, and the boundaries strategy and the support section point to it") {
  const auto& sections = aa::builtin_content().sections;
  const auto find = [&](std::string_view slug) -> const aa::Section* {
    for (const aa::Section& section : sections) {
      if (section.slug == slug) return &section;
    }
    return nullptr;
  };
  REQUIRE(find("safety"));
  const auto points_to_safety = [](const aa::Section& section, std::string_view in_paragraph) {
    for (const auto& paragraph : section.paragraphs) {
      const std::string_view text = paragraph;
      if (text.find(in_paragraph) != std::string_view::npos && text.find("aa-read safety") != std::string_view::npos) {
        return true;
      }
    }
    return false;
  };
  REQUIRE(find("strategies"));
  CHECK(points_to_safety(*find("strategies"), "boundaries"));
  REQUIRE(find("support"));
  CHECK(points_to_safety(*find("support"), ""));
  // The safety section names where help is.
  std::string safety;
  for (const auto& paragraph : find("safety")->paragraphs) safety += std::string(paragraph) + "\n";
  CHECK(safety.find("findahelpline.com") != std::string::npos);
  CHECK(safety.find("aa-vault") != std::string::npos);
}
