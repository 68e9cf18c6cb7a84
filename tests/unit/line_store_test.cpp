// SPDX-License-Identifier: MIT
#include "aa/core/line_store.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <fmt/core.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aa/io/error.hpp"
#include "files.hpp"
#include "process.hpp"

using aa::test::mode_of;
using aa::test::slurp;

namespace {

aa::LineStore store_in(const aa::test::TempDir& temp, std::size_t limit = 1024 * 1024) {
  return {temp.path() + "/data/aa/lines.jsonl", limit};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

// The names in the folder of `store`, other than the store itself.
std::vector<std::string> others_beside(const aa::LineStore& store) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(store.file.parent_path())) {
    if (entry.path().filename() != store.file.filename()) names.push_back(entry.path().filename().string());
  }
  return names;
}

std::string error_of(auto action) {
  try {
    action();
  } catch (const aa::Error& error) {
    CHECK(error.code() == aa::Problem::io);
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a line store appends whole lines to a private file and reads them back") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp);
  CHECK(aa::read_store(store).empty());
  aa::append_line(store, "one", "save to");
  aa::append_line(store, "two\n", "save to");  // its own newline is not doubled
  CHECK(aa::read_store(store) == "one\ntwo\n");
  CHECK(mode_of(store.file) == 0600);
  CHECK(mode_of(store.file.parent_path()) == 0700);
  CHECK(mode_of(store.file.parent_path().parent_path()) == 0700);
}

TEST_CASE("a line holding a newline is never appended") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp);
  CHECK_THROWS_AS(aa::append_line(store, "one\ntwo", "save to"), aa::Error);
  CHECK_FALSE(std::filesystem::exists(store.file));
}

TEST_CASE("an append never glues its line to one that lost its newline") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp);
  aa::append_line(store, "first", "save to");
  std::ofstream(store.file, std::ios::app) << "edited by hand";
  aa::append_line(store, "second", "save to");
  CHECK(aa::read_store(store) == "first\nedited by hand\nsecond\n");
}

TEST_CASE("an append that would grow the store past its limit is refused, and changes nothing") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp, 10);
  aa::append_line(store, "12345", "save to");
  CHECK(error_of([&] { aa::append_line(store, "67890", "save your line to"); }) ==
        "cannot save your line to " + store.file.string() +
            ": it would grow past 10 bytes, the most this file may hold");
  CHECK(aa::read_store(store) == "12345\n");
  aa::append_line(store, "678", "save to");  // exactly the limit
  CHECK(aa::read_store(store) == "12345\n678\n");
}

TEST_CASE("reading refuses a store over its limit") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp, 10);
  aa::append_line(store, "12345", "save to");
  std::filesystem::resize_file(store.file, 11);
  CHECK(error_of([&] { aa::read_store(store); }) ==
        "cannot read " + store.file.string() + ": it is larger than 10 bytes, the most this file may hold");
}

TEST_CASE("append_lines chooses on what is there, and writes all the lines at once") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp);
  std::string seen = "unset";
  const auto add_missing = [&](std::vector<std::string> wanted) {
    return [&seen, wanted](std::string_view text) {
      seen = std::string(text);
      std::vector<std::string> missing;
      const auto present = lines_of(std::string(text));
      for (const std::string& line : wanted) {
        if (std::find(present.begin(), present.end(), line) == present.end()) missing.push_back(line);
      }
      return missing;
    };
  };
  // Nothing to add: no file is made.
  CHECK(aa::append_lines(store, add_missing({}), "import into") == 0);
  CHECK(seen.empty());
  CHECK_FALSE(std::filesystem::exists(store.file));
  CHECK(aa::append_lines(store, add_missing({"a", "b"}), "import into") == 2);
  CHECK(aa::append_lines(store, add_missing({"b", "c", "a", "d"}), "import into") == 2);
  CHECK(seen == "a\nb\n");
  CHECK(aa::read_store(store) == "a\nb\nc\nd\n");
  CHECK(mode_of(store.file) == 0600);
  // All or nothing against the limit.
  const aa::LineStore small{store.file, 12};
  CHECK_FALSE(error_of([&] { aa::append_lines(small, add_missing({"e", "f", "g"}), "import into"); }).empty());
  CHECK(aa::read_store(store) == "a\nb\nc\nd\n");
}

TEST_CASE("removing lines rewrites the store with the others, byte for byte") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp);
  for (const char* line : {"keep 1", "drop 2", "  ", "keep \t3", "drop 4"}) aa::append_line(store, line, "save to");
  std::ofstream(store.file, std::ios::app) << "keep without newline";
  std::vector<std::string> offered;
  const std::size_t dropped = aa::remove_lines(
      store,
      [&](std::string_view line) {
        offered.emplace_back(line);
        return line.starts_with("drop");
      },
      "delete from");
  CHECK(dropped == 2);
  CHECK(offered == std::vector<std::string>{"keep 1", "drop 2", "  ", "keep \t3", "drop 4", "keep without newline"});
  CHECK(aa::read_store(store) == "keep 1\n  \nkeep \t3\nkeep without newline\n");
  CHECK(mode_of(store.file) == 0600);
  CHECK(others_beside(store).empty());  // no temporary file left
}

TEST_CASE("removing nothing, or from no store, writes nothing") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp);
  CHECK(aa::remove_lines(
            store, [](std::string_view) { return true; }, "delete from") == 0);
  CHECK_FALSE(std::filesystem::exists(store.file.parent_path()));
  aa::append_line(store, "keep", "save to");
  struct stat before {};
  REQUIRE(::stat(store.file.c_str(), &before) == 0);
  CHECK(aa::remove_lines(
            store, [](std::string_view) { return false; }, "delete from") == 0);
  struct stat after {};
  REQUIRE(::stat(store.file.c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);  // the same file: not rewritten
}

TEST_CASE("removing lines leaves nothing deleted behind another hard link") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp);
  aa::append_line(store, "keep", "save to");
  aa::append_line(store, "secret", "save to");
  std::filesystem::create_hard_link(store.file, temp.path() + "/copy");
  CHECK(aa::remove_lines(
            store, [](std::string_view line) { return line == "secret"; }, "delete from") == 1);
  CHECK(aa::read_store(store) == "keep\n");
  CHECK(slurp(temp.path() + "/copy").find("secret") == std::string::npos);
  // And an append afterwards goes to the store, not to the old file.
  aa::append_line(store, "later", "save to");
  CHECK(aa::read_store(store) == "keep\nlater\n");
  CHECK(slurp(temp.path() + "/copy").empty());
}

TEST_CASE("a rewrite that fails leaves the store as it was, and no temporary file") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp);
  std::string text;
  for (int i = 0; i < 200; ++i) {
    const std::string line = fmt::format("line {:04} of some length, to be kept", i);
    aa::append_line(store, line, "save to");
    text += line + "\n";
  }
  // A child with a file size limit below the store's size: writing the new
  // file fails half-way, as on a full disk.
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit small{1024, 1024};
    ::setrlimit(RLIMIT_FSIZE, &small);
    try {
      aa::remove_lines(
          store, [](std::string_view line) { return line.starts_with("line 0000"); }, "delete from");
    } catch (const aa::Error& error) {
      const std::string message = error.what();
      ::_exit(message.find("File too large") != std::string::npos ? 0 : 3);
    }
    ::_exit(4);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(aa::read_store(store) == text);
  CHECK(others_beside(store).empty());
}

TEST_CASE("a leftover temporary file is never written through: the next rewrite sweeps it away") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp);
  aa::append_line(store, "keep", "save to");
  aa::append_line(store, "drop", "save to");
  const std::string target = temp.write("target", "untouched\n");
  const std::string leftover = fmt::format("{}/.lines.jsonl.{}-0.tmp", store.file.parent_path().string(), ::getpid());
  std::filesystem::create_symlink(target, leftover);
  CHECK(aa::remove_lines(
            store, [](std::string_view line) { return line == "drop"; }, "delete from") == 1);
  CHECK(aa::read_store(store) == "keep\n");
  CHECK(slurp(target) == "untouched\n");
  // The link itself went, never what it points to.
  CHECK_FALSE(std::filesystem::is_symlink(leftover));
  CHECK(others_beside(store).empty());
}

TEST_CASE("the store keeps the private-file rules: a symbolic link is refused by every function") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp);
  const std::string target = temp.write("target", "keep me\n");
  std::filesystem::create_directories(store.file.parent_path());
  std::filesystem::create_symlink(target, store.file);
  const std::string reason = ": it is a symbolic link, and a private file is never reached through one";
  CHECK(error_of([&] { aa::append_line(store, "x", "save to"); }) == "cannot save to " + store.file.string() + reason);
  CHECK(error_of([&] { aa::read_store(store); }) == "cannot read " + store.file.string() + reason);
  CHECK(error_of([&] {
          aa::remove_lines(
              store, [](std::string_view) { return true; }, "delete from");
        }) == "cannot delete from " + store.file.string() + reason);
  CHECK(error_of([&] {
          aa::append_lines(
              store, [](std::string_view) { return std::vector<std::string>{"x"}; }, "import into");
        }) == "cannot import into " + store.file.string() + reason);
  CHECK(error_of([&] { aa::forget_store(store, "delete"); }) == "cannot delete " + store.file.string() + reason);
  CHECK(slurp(target) == "keep me\n");
}

TEST_CASE("forgetting empties and deletes the store") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp);
  CHECK_FALSE(aa::forget_store(store, "delete").store);
  aa::append_line(store, "secret", "save to");
  std::filesystem::create_hard_link(store.file, temp.path() + "/copy");
  CHECK(aa::forget_store(store, "delete").store);
  CHECK_FALSE(std::filesystem::exists(store.file));
  CHECK(slurp(temp.path() + "/copy").empty());
}

TEST_CASE("appends made while lines are being removed are never lost") {
  aa::test::TempDir temp;
  const aa::LineStore store = store_in(temp);
  constexpr int appenders = 4;
  constexpr int each = 60;
  std::atomic<int> running = appenders;
  std::vector<std::thread> threads;
  for (int t = 0; t < appenders; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < each; ++i) {
        aa::append_line(store, fmt::format("keep {} {}", t, i), "save to");
        aa::append_line(store, fmt::format("drop {} {}", t, i), "save to");
      }
      --running;
    });
  }
  std::size_t removed = 0;
  while (running > 0) {
    removed += aa::remove_lines(
        store, [](std::string_view line) { return line.starts_with("drop"); }, "delete from");
  }
  for (std::thread& thread : threads) thread.join();
  removed += aa::remove_lines(
      store, [](std::string_view line) { return line.starts_with("drop"); }, "delete from");
  CHECK(removed == appenders * each);
  const std::vector<std::string> lines = lines_of(aa::read_store(store));
  const std::set<std::string> unique(lines.begin(), lines.end());
  CHECK(lines.size() == appenders * each);
  CHECK(unique.size() == lines.size());
  for (int t = 0; t < appenders; ++t) {
    for (int i = 0; i < each; ++i) CHECK(unique.count(fmt::format("keep {} {}", t, i)) == 1);
  }
  CHECK(others_beside(store).empty());
}
