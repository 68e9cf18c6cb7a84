// SPDX-License-Identifier: MIT
#include "aa/content/personal_tips.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <sys/stat.h>

#include "aa/content/builtin.hpp"
#include "aa/io/error.hpp"
#include "process.hpp"

namespace {

std::string tip_toml(const std::string& id) {
  return "[[tip]]\nid = \"" + id + "\"\ncategory = \"mine\"\nsection = \"support\"\ntext = \"Mine.\"\n";
}

bool has_tip(const aa::Content& content, const std::string& id) {
  for (const aa::Tip& tip : content.tips) {
    if (tip.id == id) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("usable personal tips: a file with a problem, or unreadable, is left out whole, the rest are added") {
  aa::test::TempDir dir;
  dir.write("a.toml", tip_toml("good-a"));
  dir.write("b.toml", tip_toml("half-good") + "\n[[tip]]\nid = 3\n");
  dir.write("c.toml", tip_toml("good-a"));  // taken by a.toml
  dir.write("d.toml", tip_toml("good-d"));
  REQUIRE(::mkfifo((dir.path() + "/e.toml").c_str(), 0600) == 0);
  aa::Content content = aa::builtin_content();
  const std::size_t built_in = content.tips.size();
  const auto left_out = aa::add_usable_personal_tips(content, dir.path());
  REQUIRE(left_out.size() == 3);
  CHECK(left_out[0].starts_with(dir.path() + "/b.toml:7:"));
  CHECK(left_out[1] == dir.path() + "/c.toml:2:6: tip id 'good-a' is taken already, by " + dir.path() + "/a.toml:2:6");
  CHECK(left_out[2] == "cannot read " + dir.path() + "/e.toml: it is a FIFO, not a regular file");
  CHECK(content.tips.size() == built_in + 2);
  CHECK(has_tip(content, "good-a"));
  CHECK(has_tip(content, "good-d"));
  CHECK_FALSE(has_tip(content, "half-good"));

  // The strict form, for aa-content check, still stops at the first problem.
  aa::Content strict = aa::builtin_content();
  std::filesystem::remove(dir.path() + "/e.toml");
  CHECK_THROWS_AS(aa::add_personal_tips(strict, dir.path()), aa::Error);
}

TEST_CASE("usable personal tips: a folder that cannot be read is left out with its reason, none is nothing") {
  aa::test::TempDir dir;
  const std::string file = dir.write("tips", "not a folder");
  aa::Content content = aa::builtin_content();
  const std::size_t built_in = content.tips.size();
  const auto left_out = aa::add_usable_personal_tips(content, file);
  REQUIRE(left_out.size() == 1);
  CHECK(left_out[0] == "cannot read personal tips folder " + file + ": Not a directory");
  CHECK(content.tips.size() == built_in);
  CHECK(aa::add_usable_personal_tips(content, dir.path() + "/missing").empty());
}
