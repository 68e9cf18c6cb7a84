// SPDX-License-Identifier: MIT
// Loading with a problem list: every problem at once, in the order of the
// file, where loading for a command stops at the first.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "aa/content/builtin.hpp"
#include "aa/content/load.hpp"
#include "aa/io/error.hpp"

namespace {

std::vector<std::string> problems_of(aa::ContentKind kind, const std::string& text) {
  aa::Content content = aa::builtin_content();
  aa::ContentProblems problems;
  aa::load_content_text(content, kind, text, "f.toml", &problems);
  std::vector<std::string> out;
  for (const aa::ContentProblem& problem : problems) out.push_back(aa::located(problem));
  return out;
}

std::string first_error(aa::ContentKind kind, const std::string& text) {
  aa::Content content = aa::builtin_content();
  try {
    aa::load_content_text(content, kind, text, "f.toml");
  } catch (const aa::Error& error) {
    return error.what();
  }
  return "";
}

constexpr const char* bad_tips =
    "[[tip]]\n"
    "id = \"A\"\n"
    "category = \"c\"\n"
    "section = \"nowhere\"\n"
    "text = 3\n"
    "extra = 1\n"
    "\n"
    "[[tip]]\n"
    "id = \"b\"\n"
    "category = \"c\"\n"
    "section = \"support\"\n"
    "text = \"%\"\n"
    "\n"
    "[[tip]]\n"
    "id = \"b\"\n"
    "category = \"c d\"\n"
    "section = \"support\"\n"
    "text = \"Fine.\"\n";

}  // namespace

TEST_CASE("a problem list gets every problem of a file, in the order of the file") {
  CHECK(problems_of(aa::ContentKind::tips, bad_tips) ==
        std::vector<std::string>{
            "f.toml:2:6: id 'A' must be lower-case letters, digits and single hyphens",
            "f.toml:4:11: tip 'A' refers to unknown section 'nowhere'",
            "f.toml:5:8: tip 'A': 'text' must be a string, not an integer",
            "f.toml:6:1: tip 'A' has unknown key 'extra'",
            "f.toml:12:8: tip 'b': 'text' is only '%', which ends an entry of a fortune file",
            "f.toml:15:6: duplicate tip id 'b' (first at line 9)",
            "f.toml:16:12: category 'c d' must be lower-case letters, digits and single hyphens",
        });
}

TEST_CASE("without a problem list, loading stops at the first problem it meets, as before") {
  CHECK(first_error(aa::ContentKind::tips, bad_tips) == "f.toml:6:1: tip 'A' has unknown key 'extra'");
  CHECK(first_error(aa::ContentKind::tips, "[[tip]]\nid = \"ok\"\n") == "f.toml:1:1: tip 'ok' has no 'category'");
}

TEST_CASE("a file that is not TOML is one problem, and leaves the content as it was") {
  aa::Content content = aa::builtin_content();
  aa::ContentProblems problems;
  aa::load_content_text(content, aa::ContentKind::tips, "[[tip]\n", "f.toml", &problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 1);
  CHECK(problems[0].file == "f.toml");
  CHECK(content.tips.data() == aa::builtin_content().tips.data());
}

TEST_CASE("every kind of file lists all its problems: sections, questions, checklist items") {
  CHECK(problems_of(aa::ContentKind::sections,
                    "[[section]]\nslug = \"a\"\ntitle = \"\"\nparagraphs = [\"ok\", 1, \" x\"]\n"
                    "[[section]]\nslug = \"a\"\n") ==
        std::vector<std::string>{
            "f.toml:3:9: section 'a': 'title' is empty",
            "f.toml:4:21: section 'a': 'paragraphs' must be a string, not an integer",
            "f.toml:4:24: section 'a': 'paragraphs' has leading or trailing spaces",
            "f.toml:5:1: section 'a' has no 'title'",
            "f.toml:5:1: section 'a' has no 'paragraphs'",
            "f.toml:6:8: duplicate section slug 'a' (first at line 2)",
        });
  CHECK(problems_of(aa::ContentKind::faq,
                    "[[question]]\nid = \"q\"\nquestion = \"Q?\"\nanswer = \"A.\"\n"
                    "see = [\"gone\", \"support\", \"lost\"]\n") ==
        std::vector<std::string>{
            "f.toml:5:8: question 'q' refers to unknown section 'gone'",
            "f.toml:5:27: question 'q' refers to unknown section 'lost'",
        });
  CHECK(problems_of(
            aa::ContentKind::checklist,
            "[[item]]\nid = \"i\"\nsign = \"S\"\nstatement = \"T\"\n\n"
            "[[item.help]]\nsection = \"gone\"\n\n[[item.help]]\nsection = \"support\"\npoint = \"P\"\nx = 1\n") ==
        std::vector<std::string>{
            "f.toml:1:1: item 'i' has no 'about'",
            "f.toml:6:1: item 'i' help has no 'point'",
            "f.toml:7:11: item 'i' help refers to unknown section 'gone'",
            "f.toml:12:1: item 'i' help has unknown key 'x'",
        });
  CHECK(problems_of(aa::ContentKind::tips, "tip = 1\nother = 2\n") ==
        std::vector<std::string>{
            "f.toml:1:1: no [[tip]] tables",
            "f.toml:2:1: unknown top-level key 'other'; this file holds [[tip]] tables",
        });
}
