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
