// SPDX-License-Identifier: MIT
#include "aa/core/config.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <sys/stat.h>

#include "aa/io/error.hpp"
#include "error_message.hpp"
#include "process.hpp"

namespace {

std::string rejection(std::string_view toml) {
  return aa::test::error_message(aa::Problem::data, toml, [&] { aa::parse_config(toml, "config.toml"); });
}

}  // namespace

TEST_CASE("save is off unless the file turns it on") {
  CHECK_FALSE(aa::parse_config("", "config.toml").save);
  CHECK(aa::parse_config("save = true\n", "config.toml").save);
  CHECK_FALSE(aa::parse_config("save = false\n", "config.toml").save);
}

TEST_CASE("keys this version does not know are left alone, and returned with their place") {
  const aa::Config config = aa::parse_config("save = true\ncolor = \"never\"\n[tip]\ndaily = true\n", "config.toml");
  CHECK(config.save);
  REQUIRE(config.unknown.size() == 2);
  CHECK(config.unknown[0].key == "color");
  CHECK(config.unknown[0].line == 2);
  CHECK(config.unknown[0].column == 1);
  CHECK(config.unknown[1].key == "tip");  // a table is unknown as a whole
  CHECK(config.unknown[1].line == 3);
  CHECK(aa::parse_config("save = false\n# a comment\n", "config.toml").unknown.empty());
}

TEST_CASE("a bad setting is located in the file") {
  CHECK(rejection("\nsave = \"yes\"\n") == "config.toml:2:8: 'save' must be true or false");
  CHECK(rejection("save = ").starts_with("config.toml:1:"));
  CHECK(rejection("save = true ß\n") ==
        "config.toml:1:13: 'ß' after the value: put each setting on its own line, and start a comment with '#'");
  CHECK(rejection("save = tru\n") ==
        "config.toml:1:11: 'tru' is not a value: write true or false (in lower case), a number, or text in \"quotes\"");
}

TEST_CASE("reading: a missing file means the defaults") {
  aa::test::TempDir temp;
  CHECK_FALSE(aa::read_config(temp.path() + "/aa/config.toml").save);
  CHECK(aa::read_config(temp.write("aa/config.toml", "save = true\n")).save);
  // Under a regular file, nothing can exist: still the defaults.
  CHECK_FALSE(aa::read_config(temp.write("plain", "") + "/aa/config.toml").save);
}

TEST_CASE("reading: an unreadable config is an I/O error") {
  aa::test::TempDir temp;
  try {
    aa::read_config(temp.path());  // a directory
    FAIL("read a directory as a config file");
  } catch (const aa::Error& error) {
    CHECK(error.code() == aa::Problem::io);
    CHECK(std::string(error.what()).find(temp.path()) != std::string::npos);
  }
}

TEST_CASE("reading: a config that is not a regular file, or too large, is an I/O error, at once") {
  aa::test::TempDir temp;
  const std::string fifo = temp.path() + "/config.toml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(aa::test::error_message(aa::Problem::io, "a FIFO", [&] { aa::read_config(fifo); }) ==
        "cannot read " + fifo + ": it is a FIFO, not a regular file");
  const std::string big = temp.write("big/config.toml", "save = true\n" + std::string(aa::config_file_limit, '#'));
  CHECK(aa::test::error_message(aa::Problem::io, "a big file", [&] { aa::read_config(big); }) ==
        "cannot read " + big + ": it is larger than 64 KiB, the most this file may hold");
  // A link that points nowhere is worth saying, not quietly ignored.
  std::filesystem::create_symlink(temp.path() + "/gone", temp.path() + "/dangling.toml");
  CHECK(aa::test::error_message(aa::Problem::io, "a dangling link", [&] {
          aa::read_config(temp.path() + "/dangling.toml");
        }).ends_with("No such file or directory"));
}

TEST_CASE("tip_hint is on unless the file turns it off") {
  CHECK(aa::parse_config("", "config.toml").tip_hint);
  CHECK_FALSE(aa::parse_config("tip_hint = false\n", "config.toml").tip_hint);
  CHECK(aa::parse_config("tip_hint = true\nsave = true\n", "config.toml").tip_hint);
  CHECK(rejection("tip_hint = 0\n") == "config.toml:1:12: 'tip_hint' must be true or false");
}
