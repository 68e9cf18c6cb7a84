// SPDX-License-Identifier: MIT
// The reflection prompts: loading and validation of prompts.toml, and the
// choice by id, by day and at random.
#include "aa/core/prompts.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "aa/content/builtin.hpp"
#include "aa/content/load.hpp"
#include "aa/content/text.hpp"
#include "aa/core/names.hpp"
#include "aa/core/rotation.hpp"
#include "error_message.hpp"
#include "process.hpp"

using aa::Content;
using aa::ContentKind;

namespace {

// The built-in sections and checklist, for references to resolve.
std::string error_for(const std::string& toml) {
  Content content = aa::builtin_content();
  return aa::test::error_message(aa::Problem::data, toml,
                                 [&] { aa::load_content_text(content, ContentKind::prompts, toml, "prompts.toml"); });
}

const std::string head = "[[prompt]]\nid = \"a\"\nsection = \"signs\"\n";

}  // namespace

TEST_CASE("a good prompts.toml loads, with and without a sign") {
  Content content = aa::builtin_content();
  aa::load_content_text(content, ContentKind::prompts,
                        head +
                            "sign = \"space\"\ntext = \"What is it like?\"\n\n[[prompt]]\nid = \"b\"\n"
                            "section = \"support\"\ntext = \"Who helps?\"\n",
                        "prompts.toml");
  REQUIRE(content.prompts.size() == 2);
  CHECK(content.prompts[0].id == "a");
  CHECK(content.prompts[0].section == "signs");
  CHECK(content.prompts[0].sign == "space");
  CHECK(content.prompts[0].text == "What is it like?");
  CHECK(content.prompts[1].sign.empty());
  CHECK(aa::content_file_name(ContentKind::prompts) == "prompts.toml");
}

TEST_CASE("prompt errors name file:line:column and the problem") {
  CHECK(error_for(head) == "prompts.toml:1:1: prompt 'a' has no 'text'");
  CHECK(error_for(head + "text = \"T?\"\n" + head + "text = \"U?\"\n") ==
        "prompts.toml:6:6: duplicate prompt id 'a' (first at line 2)");
  CHECK(error_for("[[prompt]]\nid = \"a\"\nsection = \"nowhere\"\ntext = \"T?\"\n") ==
        "prompts.toml:3:11: prompt 'a' refers to unknown section 'nowhere'");
  CHECK(error_for(head + "sign = \"spac\"\ntext = \"T?\"\n") ==
        "prompts.toml:4:8: prompt 'a' refers to unknown sign 'spac' (the signs are the ids in checklist.toml)");
  CHECK(error_for(head + "sign = 4\ntext = \"T?\"\n") ==
        "prompts.toml:4:8: prompt 'a': 'sign' must be a string, not an integer");
  CHECK(error_for(head + "text = \"T?\"\nmood = \"x\"\n") == "prompts.toml:5:1: prompt 'a' has unknown key 'mood'");
  CHECK(error_for(head + "text = \"a\\u001Bb\"\n").find("U+001B") != std::string::npos);
  CHECK(error_for(head + "text = \"\"\n") == "prompts.toml:4:8: prompt 'a': 'text' is empty");
  CHECK(error_for("[[prompt]]\nid = \"Big\"\nsection = \"signs\"\ntext = \"T\"\n").find("lower-case") !=
        std::string::npos);
  CHECK(error_for("") == "prompts.toml:1:1: no [[prompt]] tables");
  CHECK(error_for("[[tip]]\nid = \"a\"\n") ==
        "prompts.toml:1:3: unknown top-level key 'tip'; this file holds [[prompt]] tables");
}

TEST_CASE("an overlay's prompts.toml replaces the built-in prompts, a checklist without their signs is refused") {
  aa::test::TempDir dir;
  dir.write("prompts.toml", "[[prompt]]\nid = \"mine\"\nsection = \"support\"\ntext = \"Mine?\"\n");
  Content content = aa::overlay_content_dir(aa::builtin_content(), dir.path());
  REQUIRE(content.prompts.size() == 1);
  CHECK(content.prompts[0].id == "mine");
  CHECK(content.tips.size() == aa::builtin_content().tips.size());

  aa::test::TempDir other;
  other.write("checklist.toml",
              "[[item]]\nid = \"only\"\nsign = \"S\"\nstatement = \"I.\"\nabout = \"A.\"\n"
              "[[item.help]]\nsection = \"what\"\npoint = \"P.\"\n");
  CHECK(aa::test::error_message(aa::Problem::data, "checklist", [&] {
          aa::overlay_content_dir(aa::builtin_content(), other.path());
        }).find("which checklist.toml does not have") != std::string::npos);
}

TEST_CASE("the built-in prompts: at least 40, each sign and section used, ids and texts unique, short") {
  const Content& content = aa::builtin_content();
  CHECK(content.prompts.size() >= 40);
  std::set<std::string_view> sections, signs, ids, texts;
  for (const aa::Prompt& prompt : content.prompts) {
    CAPTURE(prompt.id);
    sections.insert(prompt.section);
    if (!prompt.sign.empty()) signs.insert(prompt.sign);
    CHECK(ids.insert(prompt.id).second);
    CHECK(texts.insert(prompt.text).second);
    CHECK(aa::display_width(prompt.text) <= 120);
    CHECK(prompt.text.find('?') != std::string_view::npos);  // an open question, or an invitation with one
  }
  CHECK(sections.size() == content.sections.size());
  CHECK(signs.size() == content.checklist.size());
  CHECK_NOTHROW(aa::check_references(content));
}

TEST_CASE("prompts by id follow the name rule, unknown ones suggest the closest") {
  const auto prompts = aa::builtin_content().prompts;
  CHECK(aa::find_prompt(prompts, "quiet-day").id == "quiet-day");
  CHECK(aa::find_prompt(prompts, "QUIET-DAY").id == "quiet-day");
  CHECK(aa::find_prompt(prompts, "quiet-d").id == "quiet-day");
  CHECK_THROWS_AS(aa::find_prompt(prompts, "quiet-"), aa::NameNotFound);  // quiet-day, quiet-minutes
  try {
    aa::find_prompt(prompts, "quiet-dya");
    FAIL("found");
  } catch (const aa::NameNotFound& error) {
    CHECK(error.about() == aa::Names::prompts);
    CHECK(std::string(error.what()).find("quiet-day") != std::string::npos);
  }
}

TEST_CASE("the prompt of the day rotates as the tip of the day does") {
  const auto prompts = aa::builtin_content().prompts;
  for (std::int64_t day = 20000; day < 20100; ++day) {
    CHECK(&aa::daily_prompt(prompts, day) == &prompts[aa::daily_index(prompts.size(), day)]);
    CHECK(&aa::daily_prompt(prompts, day) != &aa::daily_prompt(prompts, day + 1));
  }
  // One round: every prompt once.
  std::set<std::string_view> round;
  const auto n = static_cast<std::int64_t>(prompts.size());
  for (std::int64_t day = 10 * n; day < 11 * n; ++day) round.insert(aa::daily_prompt(prompts, day).id);
  CHECK(round.size() == prompts.size());
  CHECK(&aa::random_prompt(prompts, 7) == &aa::random_prompt(prompts, 7));
  CHECK_THROWS_AS(aa::daily_prompt({}, 1), aa::Error);
}
