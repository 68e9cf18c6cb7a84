// SPDX-License-Identifier: MIT
#include "aa/content/load.hpp"

#include <doctest/doctest.h>

#include <optional>

#include <string>

#include <sys/stat.h>

#include "aa/content/builtin.hpp"
#include "aa/io/error.hpp"
#include "error_message.hpp"
#include "process.hpp"

using aa::Content;
using aa::ContentKind;

namespace {

constexpr const char* good_sections = R"(
[[section]]
slug = "what"
title = "What it is"
paragraphs = ["One.", "- An item."]

[[section]]
slug = "support"
title = "Support"
paragraphs = ["Two."]
)";

Content with_sections() {
  Content content;
  aa::load_content_text(content, ContentKind::sections, good_sections, "sections.toml");
  return content;
}

// The message of the content error `toml` gives as a file of `kind`.
std::string error_for(ContentKind kind, const std::string& toml, const char* path = "tips.toml") {
  Content content = with_sections();
  return aa::test::error_message(aa::Problem::data, toml, [&] { aa::load_content_text(content, kind, toml, path); });
}

}  // namespace

TEST_CASE("good files load into the model") {
  Content content = with_sections();
  REQUIRE(content.sections.size() == 2);
  CHECK(content.sections[0].slug == "what");
  CHECK(content.sections[0].paragraphs.size() == 2);
  CHECK(content.sections[0].paragraphs[1] == "- An item.");

  aa::load_content_text(
      content, ContentKind::tips,
      "[[tip]]\nid = \"breathe\"\ncategory = \"calm\"\nsection = \"what\"\ntext = \"Breathe out — slowly.\"\n",
      "tips.toml");
  REQUIRE(content.tips.size() == 1);
  CHECK(content.tips[0].text == "Breathe out — slowly.");

  aa::load_content_text(content, ContentKind::faq,
                        "[[question]]\nid = \"q\"\nquestion = \"Why?\"\nanswer = \"Because.\"\nsee = [\"support\"]\n",
                        "faq.toml");
  REQUIRE(content.questions.size() == 1);
  CHECK(content.questions[0].see[0] == "support");

  aa::load_content_text(content, ContentKind::checklist,
                        "[[item]]\nid = \"a\"\nsign = \"S\"\nstatement = \"I.\"\nabout = \"A.\"\n"
                        "[[item.help]]\nsection = \"what\"\npoint = \"P.\"\n",
                        "checklist.toml");
  REQUIRE(content.checklist.size() == 1);
  CHECK(content.checklist[0].help[0].section == "what");
}

TEST_CASE("a missing key is named with the record's line and column") {
  CHECK(error_for(ContentKind::tips,
                  "[[tip]]\nid = \"a\"\ncategory = \"c\"\nsection = \"what\"\ntext = \"T.\"\n\n"
                  "[[tip]]\nid = \"breathe\"\ncategory = \"c\"\nsection = \"what\"\n") ==
        "tips.toml:7:1: tip 'breathe' has no 'text'");
}

TEST_CASE("content errors name file:line:column and the problem") {
  const std::string tip_head = "[[tip]]\nid = \"a\"\ncategory = \"c\"\nsection = \"what\"\n";
  CHECK(error_for(ContentKind::tips, "[[tip]\n").starts_with("tips.toml:1:"));
  CHECK(error_for(ContentKind::tips, tip_head + "text = 3\n") ==
        "tips.toml:5:8: tip 'a': 'text' must be a string, not an integer");
  CHECK(error_for(ContentKind::tips, tip_head + "text = \"  \"\n") == "tips.toml:5:8: tip 'a': 'text' is empty");
  CHECK(error_for(ContentKind::tips, tip_head + "text = \"a\\nb\"\n").find("must be one line") != std::string::npos);
  CHECK(error_for(ContentKind::tips, tip_head + "text = \"T.\"\ntxet = \"x\"\n") ==
        "tips.toml:6:1: tip 'a' has unknown key 'txet'");
  CHECK(error_for(ContentKind::tips, "[[tip]]\nid = \"Bad Id\"\ncategory = \"c\"\nsection = \"what\"\ntext = \"T\"\n")
            .find("lower-case letters") != std::string::npos);
  CHECK(error_for(ContentKind::tips, "[[tip]]\nid = \"a\"\ncategory = \"c\"\nsection = \"nowhere\"\ntext = \"T\"\n") ==
        "tips.toml:4:11: tip 'a' refers to unknown section 'nowhere'");
  CHECK(error_for(ContentKind::tips, tip_head + "text = \"T\"\n" + tip_head + "text = \"U\"\n") ==
        "tips.toml:7:6: duplicate tip id 'a' (first at line 2)");
  CHECK(error_for(ContentKind::tips, "") == "tips.toml:1:1: no [[tip]] tables");
  CHECK(error_for(ContentKind::tips, "[[tips]]\nid = \"a\"\n") ==
        "tips.toml:1:3: unknown top-level key 'tips'; this file holds [[tip]] tables");
  CHECK(error_for(ContentKind::tips, "tip = [1, 2]\n").find("must be a table") != std::string::npos);
  CHECK(error_for(ContentKind::sections, "[[section]]\nslug = \"x\"\ntitle = \"X\"\nparagraphs = []\n",
                  "sections.toml") == "sections.toml:4:14: section 'x': 'paragraphs' is empty");
  CHECK(error_for(ContentKind::faq, "[[question]]\nid = \"q\"\nquestion = \"Q\"\nanswer = \"A\"\nsee = [\"gone\"]\n",
                  "faq.toml") == "faq.toml:5:8: question 'q' refers to unknown section 'gone'");
  CHECK(error_for(ContentKind::checklist,
                  "[[item]]\nid = \"a\"\nsign = \"S\"\nstatement = \"I\"\nabout = \"A\"\nhelp = 1\n", "checklist.toml")
            .find("[[item.help]]") != std::string::npos);
}

TEST_CASE("deeply nested and odd TOML is an error, not a crash") {
  CHECK(error_for(ContentKind::tips, std::string(5000, '[')).starts_with("tips.toml:"));
  CHECK(error_for(ContentKind::tips, std::string("a = \"\xff\"\n")).starts_with("tips.toml:1:"));
  CHECK(error_for(ContentKind::tips, std::string("a = 1\0b = 2\n", 12)).starts_with("tips.toml:"));
  // Characters toml++ 3.3 cannot classify, where its parser asks (see toml_text.hpp).
  CHECK(error_for(ContentKind::tips, "[[tip]]\nid = \"a\" é\n").starts_with("tips.toml:2:10: "));
  CHECK(error_for(ContentKind::tips, "\xcc\xaa").starts_with("tips.toml:1:1: "));
}

TEST_CASE("an overlay directory replaces only the files it has") {
  aa::test::TempDir dir;
  dir.write("tips.toml", "[[tip]]\nid = \"mine\"\ncategory = \"own\"\nsection = \"support\"\ntext = \"My tip.\"\n");
  const Content content = aa::overlay_content_dir(aa::builtin_content(), dir.path());
  REQUIRE(content.tips.size() == 1);
  CHECK(content.tips[0].id == "mine");
  CHECK(content.sections.size() == aa::builtin_content().sections.size());
}

TEST_CASE("overlay errors: missing directory, directory in place of a file, dangling built-in references") {
  aa::test::TempDir dir;
  CHECK_THROWS_WITH_AS(aa::overlay_content_dir(aa::builtin_content(), dir.path() + "/nope"),
                       doctest::Contains("no such directory"), aa::Error);
  std::filesystem::create_directory(dir.path() + "/faq.toml");
  CHECK_THROWS_WITH_AS(aa::overlay_content_dir(aa::builtin_content(), dir.path()), doctest::Contains("is a directory"),
                       aa::Error);
  std::filesystem::remove(dir.path() + "/faq.toml");
  // Sections without "strategies": the built-in tips now point nowhere.
  dir.write("sections.toml", good_sections);
  CHECK_THROWS_WITH_AS(aa::overlay_content_dir(aa::builtin_content(), dir.path()),
                       doctest::Contains("which sections.toml does not have"), aa::Error);
}

TEST_CASE("overlay: a folder that is not there is a usage error, one that cannot be read, an I/O error") {
  aa::test::TempDir dir;
  const auto code = [](auto action) -> std::optional<aa::Problem> {
    try {
      action();
    } catch (const aa::Error& error) {
      return error.code();
    }
    return std::nullopt;
  };
  CHECK(code([&] { aa::overlay_content_dir(aa::builtin_content(), dir.path() + "/nope"); }) == aa::Problem::usage);
  CHECK(code([&] { aa::overlay_content_dir(aa::builtin_content(), dir.write("file", "") + "/below"); }) ==
        aa::Problem::usage);
  CHECK(code([&] { aa::overlay_content_dir(aa::builtin_content(), dir.path() + "/file"); }) == aa::Problem::usage);
  REQUIRE(::mkfifo((dir.path() + "/tips.toml").c_str(), 0600) == 0);
  CHECK(aa::test::error_message(aa::Problem::io, "a FIFO", [&] {
          aa::overlay_content_dir(aa::builtin_content(), dir.path());
        }) == "cannot read " + dir.path() + "/tips.toml: it is a FIFO, not a regular file");
}

TEST_CASE("a content file over the limit is refused, one at the limit is read") {
  aa::test::TempDir dir;
  std::string text = "[[tip]]\nid = \"mine\"\ncategory = \"own\"\nsection = \"support\"\ntext = \"Mine.\"\n";
  text += std::string(aa::content_file_limit - text.size(), '#');
  dir.write("tips.toml", text);
  CHECK(aa::overlay_content_dir(aa::builtin_content(), dir.path()).tips.size() == 1);
  dir.write("tips.toml", text + "\n");
  CHECK(aa::test::error_message(aa::Problem::io, "a big file", [&] {
          aa::overlay_content_dir(aa::builtin_content(), dir.path());
        }) == "cannot read " + dir.path() + "/tips.toml: it is larger than 16 MiB, the most this file may hold");
  Content content;
  CHECK(aa::test::error_message(aa::Problem::io, "a missing file", [&] {
          aa::load_content_file(content, ContentKind::tips, dir.path() + "/faq.toml");
        }) == "cannot read " + dir.path() + "/faq.toml: No such file or directory");
}

TEST_CASE("the built-in content has everything the brief asks for") {
  const Content& content = aa::builtin_content();
  CHECK(content.sections.size() == 13);
  CHECK(content.questions.size() == 15);
  CHECK(content.checklist.size() == 4);
  CHECK(content.tips.size() >= 30);
  // The seven of the outline first, in its order, then the sections added after them.
  const char* slugs[] = {"what",   "roots",   "impact",  "signs",  "strategies", "support",  "summary",
                         "safety", "calming", "protest", "secure", "cycle",      "therapist"};
  for (std::size_t i = 0; i < 13; ++i) CHECK(content.sections[i].slug == slugs[i]);
  CHECK_NOTHROW(aa::check_references(content));
}

TEST_CASE("content refuses every character a terminal would act on, as messages escape them") {
  const std::string tip_head = "[[tip]]\nid = \"a\"\ncategory = \"c\"\nsection = \"what\"\n";
  const std::string one_line =
      "tips.toml:5:8: tip 'a': 'text' must be one line (write each paragraph as its own string)";
  CHECK(error_for(ContentKind::tips, tip_head + "text = \"a\\nb\"\n") == one_line);
  CHECK(error_for(ContentKind::tips, tip_head + "text = \"a\\rb\"\n") == one_line);
  CHECK(error_for(ContentKind::tips, tip_head + "text = \"a\\u2028b\"\n") == one_line);
  CHECK(error_for(ContentKind::tips, tip_head + "text = \"a\xe2\x80\xa9"
                                                "b\"\n") == one_line);
  const std::pair<const char*, const char*> controls[] = {
      {"\\t", "0009"},
      {"\\u001B[31m", "001B"},
      {"\\u007F", "007F"},
      {"\\u0085", "0085"},
      {"\\u009B", "009B"},
      {"\xc2\x9b"
       "31m",
       "009B"},
      {"\\u202E", "202E"},
      {"\xe2\x80\xae", "202E"},
      {"\\u202A", "202A"},
      {"\\u2066", "2066"},
      {"\\u2069", "2069"},
      {"\\u200F", "200F"},
      {"\\u061C", "061C"},
  };
  for (const auto& entry : controls) {
    const auto& [written, code] = entry;
    CAPTURE(entry.first);
    CHECK(error_for(ContentKind::tips, tip_head + "text = \"Tip " + written + " text.\"\n") ==
          std::string("tips.toml:5:8: tip 'a': 'text' has the control character U+") + code +
              ", which a terminal would act on");
  }
  // Every text is checked, titles and list entries too.
  CHECK(error_for(ContentKind::sections, "[[section]]\nslug = \"x\"\ntitle = \"\\u202Eevil\"\nparagraphs = [\"P\"]\n",
                  "sections.toml")
            .starts_with("sections.toml:3:9: section 'x': 'title' has the control character U+202E"));
  CHECK(error_for(ContentKind::sections,
                  "[[section]]\nslug = \"x\"\ntitle = \"X\"\nparagraphs = [\"P\", \"\\u0085\"]\n", "sections.toml")
            .starts_with("sections.toml:4:20: section 'x': 'paragraphs' has the control character U+0085"));
}

TEST_CASE("text with nothing that shows is empty, spaces at its ends are any Unicode space") {
  const std::string tip_head = "[[tip]]\nid = \"a\"\ncategory = \"c\"\nsection = \"what\"\n";
  for (const char* blank : {"\\u200B", "\\u00A0", "\\u3000\\u200B", "\\uFEFF", "\\u2060", "\\u00AD", "\\u3164"}) {
    CAPTURE(blank);
    CHECK(error_for(ContentKind::tips, tip_head + "text = \"" + blank + "\"\n") ==
          "tips.toml:5:8: tip 'a': 'text' is empty");
  }
  for (const char* spaced : {"\\u00A0Tip.", "Tip.\\u00A0", "Tip.\\u3000", " Tip."}) {
    CAPTURE(spaced);
    CHECK(error_for(ContentKind::tips, tip_head + "text = \"" + spaced + "\"\n") ==
          "tips.toml:5:8: tip 'a': 'text' has leading or trailing spaces");
  }
  Content content = with_sections();
  aa::load_content_text(content, ContentKind::tips, tip_head + "text = \"Love \\u2764\\uFE0F and a\\u00A0break.\"\n",
                        "tips.toml");
  CHECK(content.tips[0].text ==
        "Love \xe2\x9d\xa4\xef\xb8\x8f and a\xc2\xa0"
        "break.");
}

TEST_CASE("a tip that is only '%' would end a fortune entry, and is refused") {
  const std::string tip_head = "[[tip]]\nid = \"a\"\ncategory = \"c\"\nsection = \"what\"\n";
  CHECK(error_for(ContentKind::tips, tip_head + "text = \"%\"\n") ==
        "tips.toml:5:8: tip 'a': 'text' is only '%', which ends an entry of a fortune file");
  Content content = with_sections();
  aa::load_content_text(content, ContentKind::tips, tip_head + "text = \"100 % sure, %% or %.\"\n", "tips.toml");
  CHECK(content.tips[0].text == "100 % sure, %% or %.");
}

TEST_CASE("messages quote names from the file escaped and cut short") {
  const std::string tail = "category = \"c\"\nsection = \"what\"\ntext = \"T\"\n";
  const std::string bad_id = error_for(ContentKind::tips, "[[tip]]\nid = \"a\\u001B[2J\\u202E\"\n" + tail);
  CHECK(bad_id ==
        "tips.toml:2:6: tip 'a\\x1b[2J\\u{202e}': 'id' has the control character U+001B, which a terminal "
        "would act on");
  CHECK(error_for(ContentKind::tips, "[[tip]]\nid = \"a\"\n\"k\\u009B\" = 1\n" + tail) ==
        "tips.toml:3:1: tip 'a' has unknown key 'k\\u{009b}'");
  CHECK(error_for(ContentKind::tips, "\"k\\u2066\" = 1\n") ==
        "tips.toml:1:1: unknown top-level key 'k\\u{2066}'; this file holds [[tip]] tables");
  const std::string long_slug = error_for(ContentKind::tips, "[[tip]]\nid = \"a\"\ncategory = \"c\"\nsection = \"" +
                                                                 std::string(5000, 'y') + "\"\ntext = \"T\"\n");
  CHECK(long_slug.starts_with("tips.toml:4:11: tip 'a' refers to unknown section 'yyy"));
  CHECK(long_slug.ends_with("yyy...'"));
  CHECK(long_slug.size() < 300);
  const std::string long_id = error_for(ContentKind::tips, "[[tip]]\nid = \"" + std::string(5000, 'X') + "\"\n" + tail);
  CHECK(long_id.size() < 300);
  CHECK(long_id.find("XXX...'") != std::string::npos);
  // The path, from --content-dir, is escaped too.
  CHECK(error_for(ContentKind::tips, "", "dir\x1b]0;x\x07/tips.toml") ==
        "dir\\x1b]0;x\\x07/tips.toml:1:1: no [[tip]] tables");
  CHECK(error_for(ContentKind::tips, "x = \xe2\x80\xae\n", "d\xc2\x9b/tips.toml").find('\x1b') == std::string::npos);
  CHECK(error_for(ContentKind::tips, "x = \xe2\x80\xae\n", "d\xc2\x9b/tips.toml")
            .starts_with("d\\u{009b}/tips.toml:1:5: "));
  CHECK(error_for(ContentKind::tips, "x = \xe2\x80\xae\n").find("\xe2\x80\xae") == std::string::npos);
}

TEST_CASE("a byte-order mark at the very start is not text, and positions count from after it") {
  const std::string tip = "[[tip]]\nid = \"a\"\ncategory = \"c\"\nsection = \"what\"\ntext = \"T.\"\n";
  Content content = with_sections();
  aa::load_content_text(content, ContentKind::tips, "\xEF\xBB\xBF" + tip, "tips.toml");
  REQUIRE(content.tips.size() == 1);
  CHECK(content.tips[0].id == "a");
  CHECK(content.tips[0].origin.line == 2);
  CHECK(error_for(ContentKind::tips,
                  "\xEF\xBB\xBF[[tip]]\nid = \"a\"\ncategory = \"c\"\nsection = \"nowhere\"\n"
                  "text = \"T.\"\n") == "tips.toml:4:11: tip 'a' refers to unknown section 'nowhere'");
  // Only there: a second one, or one after a blank line, is a mistake.
  CHECK(error_for(ContentKind::tips, "\xEF\xBB\xBF\xEF\xBB\xBF" + tip).starts_with("tips.toml:1:1: "));
  CHECK(error_for(ContentKind::tips, "\n\xEF\xBB\xBF" + tip).starts_with("tips.toml:2:1: "));
}
