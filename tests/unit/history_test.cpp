// SPDX-License-Identifier: MIT
#include "aa/core/history.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aa/core/check_json.hpp"
#include "aa/io/error.hpp"
#include "files.hpp"
#include "process.hpp"

using aa::test::mode_of;
using aa::test::slurp;

namespace {

aa::CheckRecord record_for(std::string date, int first) {
  aa::CheckRecord record;
  record.date = std::move(date);
  record.answers = {{"dependence", "Emotional dependence", first}, {"space", "Fear of space", 1}};
  record.total = first + 1;
  record.max = 8;
  if (first >= 3) record.stand_out = {"dependence"};
  if (first >= 3) record.read_next = {"strategies"};
  return record;
}

}  // namespace

TEST_CASE("the history lives in aa/checks.jsonl under the data directory") {
  CHECK(aa::history_file_in("/home/me/.local/share") == "/home/me/.local/share/aa/checks.jsonl");
}

TEST_CASE("parsing: records in order, blank lines passed over, bad lines reported by number") {
  const std::string text = aa::check_json_line(record_for("2026-03-01", 3)) + "\n" + "{\"date\": oops\n" +
                           aa::check_json_line(record_for("2026-03-02", 0)) + "  \r\n" + "[]";
  const aa::History history = aa::parse_history(text);
  REQUIRE(history.records.size() == 2);
  CHECK(history.records[0].date == "2026-03-01");
  CHECK(history.records[1].date == "2026-03-02");
  REQUIRE(history.problems.size() == 2);
  CHECK(history.problems[0].line == 3);
  CHECK(history.problems[0].reason.starts_with("not valid JSON"));
  CHECK(history.problems[1].line == 6);  // the last line, without a newline
  CHECK(history.problems[1].reason == "not a JSON object");
}

TEST_CASE("appending creates a private directory and file, and reads back") {
  aa::test::TempDir temp;
  const auto file = aa::history_file_in(temp.path() + "/deeper/share");
  aa::append_to_history(file, record_for("2026-03-01", 3));
  aa::append_to_history(file, record_for("2026-03-02", 1));
  CHECK(mode_of(file) == 0600);
  CHECK(mode_of(file.parent_path()) == 0700);
  CHECK(mode_of(temp.path() + "/deeper") == 0700);  // missing parents too
  const std::string text = slurp(file);
  CHECK(aa::test::count_lines(text) == 2);
  CHECK(text.back() == '\n');
  const aa::History history = aa::read_history(file);
  CHECK(history.problems.empty());
  REQUIRE(history.records.size() == 2);
  CHECK(history.records[0].answers[0].value == 3);
  CHECK(history.records[1].answers[0].value == 1);
}

TEST_CASE("appending never rewrites a bad line, and never glues a record to one") {
  aa::test::TempDir temp;
  const std::string hand_edited = "my own note, without a newline";
  const auto file = aa::history_file_in(temp.path());
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << hand_edited;
  aa::append_to_history(file, record_for("2026-03-01", 2));
  const std::string text = slurp(file);
  REQUIRE(text.starts_with(hand_edited + "\n{"));
  CHECK(aa::parse_check_json(text.substr(hand_edited.size() + 1)).date == "2026-03-01");
  const aa::History history = aa::read_history(file);
  CHECK(history.records.size() == 1);
  REQUIRE(history.problems.size() == 1);
  CHECK(history.problems[0].line == 1);
}

TEST_CASE("a history that does not exist yet is empty") {
  aa::test::TempDir temp;
  const aa::History history = aa::read_history(aa::history_file_in(temp.path()));
  CHECK(history.records.empty());
  CHECK(history.problems.empty());
}

TEST_CASE("a directory that cannot be made is an I/O error naming the file") {
  aa::test::TempDir temp;
  const std::string not_a_dir = temp.write("file-not-dir", "x");
  const auto file = aa::history_file_in(not_a_dir);
  try {
    aa::append_to_history(file, record_for("2026-03-01", 2));
    FAIL("saved under a regular file");
  } catch (const aa::Error& error) {
    CHECK(error.code() == aa::Problem::io);
    const std::string message = error.what();
    CHECK(message.find(file.string()) != std::string::npos);
    CHECK(message.find("Not a directory") != std::string::npos);
  }
  CHECK(slurp(not_a_dir) == "x");
}

TEST_CASE("forgetting deletes the file, once") {
  aa::test::TempDir temp;
  const auto file = aa::history_file_in(temp.path());
  CHECK_FALSE(aa::forget_history(file).store);
  aa::append_to_history(file, record_for("2026-03-01", 2));
  CHECK(aa::forget_history(file).store);
  CHECK_FALSE(std::filesystem::exists(file));
  CHECK_FALSE(aa::forget_history(file).store);
  // A new record after forgetting starts a new, private file.
  aa::append_to_history(file, record_for("2026-03-02", 2));
  CHECK(aa::read_history(file).records.size() == 1);
  CHECK(mode_of(file) == 0600);
}

TEST_CASE("every append tightens the history and its folder, not only the first") {
  aa::test::TempDir temp;
  const auto file = aa::history_file_in(temp.path());
  aa::append_to_history(file, record_for("2026-03-01", 2));
  ::chmod(file.c_str(), 0644);
  ::chmod(file.parent_path().c_str(), 0755);
  aa::append_to_history(file, record_for("2026-03-02", 2));
  CHECK(mode_of(file) == 0600);
  CHECK(mode_of(file.parent_path()) == 0700);
  CHECK(aa::read_history(file).records.size() == 2);
  // A folder others can write is refused, not tightened: they may have
  // changed what is in it already (OpenSSH's safe_path).
  ::chmod(file.parent_path().c_str(), 0777);
  CHECK_THROWS_WITH_AS(aa::append_to_history(file, record_for("2026-03-03", 2)),
                       doctest::Contains("can be written by other users (mode 0777)"), aa::Error);
  CHECK(mode_of(file.parent_path()) == 0777);
  ::chmod(file.parent_path().c_str(), 0700);
  CHECK(aa::read_history(file).records.size() == 2);
}

TEST_CASE("a symbolic link in place of the history is refused for appending, reading and forgetting") {
  aa::test::TempDir temp;
  const std::string target = temp.write("target", "keep me\n");
  const auto file = aa::history_file_in(temp.path());
  std::filesystem::create_directories(file.parent_path());
  std::filesystem::create_symlink(target, file);
  const auto refused = [&](auto action, const char* doing) {
    try {
      action();
      FAIL("used a history through a symbolic link");
    } catch (const aa::Error& error) {
      CHECK(error.code() == aa::Problem::io);
      CHECK(std::string(error.what()) ==
            std::string("cannot ") + doing + " " + file.string() +
                ": it is a symbolic link, and a private file is never reached through one");
    }
  };
  refused([&] { aa::append_to_history(file, record_for("2026-03-01", 2)); }, "save your result to");
  refused([&] { aa::read_history(file); }, "read");
  refused([&] { aa::forget_history(file); }, "delete");
  CHECK(std::filesystem::is_symlink(file));
  CHECK(slurp(target) == "keep me\n");
}

TEST_CASE("forgetting leaves nothing behind through another hard link") {
  aa::test::TempDir temp;
  const auto file = aa::history_file_in(temp.path());
  aa::append_to_history(file, record_for("2026-03-01", 2));
  std::filesystem::create_hard_link(file, temp.path() + "/copy");
  CHECK(aa::forget_history(file).store);
  CHECK(slurp(temp.path() + "/copy").empty());
}

TEST_CASE("a history over the limit is an I/O error, found without reading it") {
  aa::test::TempDir temp;
  const auto file = aa::history_file_in(temp.path());
  aa::append_to_history(file, record_for("2026-03-01", 2));
  std::filesystem::resize_file(file, aa::history_file_limit + 1);  // sparse
  try {
    aa::read_history(file);
    FAIL("read a history over the limit");
  } catch (const aa::Error& error) {
    CHECK(error.code() == aa::Problem::io);
    CHECK(std::string(error.what()) ==
          "cannot read " + file.string() + ": it is larger than 16 MiB, the most this file may hold");
  }
  // Still, it can be deleted.
  CHECK(aa::forget_history(file).store);
}

TEST_CASE("waiting for the lock is announced through the callback") {
  aa::test::TempDir temp;
  const auto file = aa::history_file_in(temp.path());
  aa::append_to_history(file, record_for("2026-03-01", 2));
  const int holder = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(::flock(holder, LOCK_EX) == 0);
  std::atomic<bool> told = false;
  std::thread saving([&] { aa::append_to_history(file, record_for("2026-03-02", 2), [&] { told = true; }); });
  while (!told) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(aa::parse_history(slurp(file)).records.size() == 1);  // nothing written while we hold it
  ::close(holder);
  saving.join();
  CHECK(aa::read_history(file).records.size() == 2);
}

namespace {

aa::CheckRecord at(std::string time, std::string note) {
  aa::CheckRecord record = record_for(time.substr(0, 10), 1);
  if (time.size() > 10) record.time = std::move(time);
  record.note = std::move(note);
  return record;
}

std::vector<std::string> notes(const std::vector<aa::CheckRecord>& records) {
  std::vector<std::string> out;
  for (const aa::CheckRecord& record : records) out.push_back(record.note);
  return out;
}

}  // namespace

TEST_CASE("history in time order: by the instant, a date alone from its start, ties as they were") {
  std::vector<aa::CheckRecord> records = {
      at("2026-03-02T08:00:00+00:00", "08:00 UTC"),
      at("2026-03-02T10:00:00+09:00", "01:00 UTC"),
      at("2026-03-02", "day, first"),
      at("2026-03-01T23:30:00-05:00", "04:30 UTC"),
      at("2026-03-02", "day, second"),
      at("2026-03-02T00:00:00+00:00", "midnight UTC"),
      at("2026-02-28T12:00:00+01:00", "earlier day"),
  };
  aa::sort_by_time(records);
  CHECK(notes(records) == std::vector<std::string>{"earlier day", "day, first", "day, second", "midnight UTC",
                                                   "01:00 UTC", "04:30 UTC", "08:00 UTC"});
  std::vector<aa::CheckRecord> none;
  aa::sort_by_time(none);
  CHECK(none.empty());
}

TEST_CASE("reading the history gives the records in time order, and a save compares with the one before it by time") {
  aa::test::TempDir temp;
  const auto file = aa::history_file_in(temp.path());
  aa::append_to_history(file, at("2026-03-05T09:00:00+00:00", "latest"));
  aa::append_to_history(file, at("2026-03-01T09:00:00+00:00", "oldest"));
  aa::append_to_history(file, at("2026-03-03T09:00:00+00:00", "middle"));
  CHECK(notes(aa::read_history(file).records) == std::vector<std::string>{"oldest", "middle", "latest"});
  CHECK(notes(aa::parse_history(slurp(file)).records) == std::vector<std::string>{"latest", "oldest", "middle"});
  const aa::SavedResult saved = aa::append_to_history(file, at("2026-03-06T09:00:00+00:00", "new"));
  REQUIRE(saved.previous);
  CHECK(saved.previous->note == "latest");
  // A result dated after the one saved is not the check before it.
  const aa::SavedResult between = aa::append_to_history(file, at("2026-03-04T09:00:00+00:00", "between"));
  REQUIRE(between.previous);
  CHECK(between.previous->note == "middle");
  const aa::SavedResult first = aa::append_to_history(file, at("2026-02-01T09:00:00+00:00", "first"));
  CHECK_FALSE(first.previous);
}

TEST_CASE("a history import keeps each result once: already there, or repeated within what is imported") {
  aa::test::TempDir temp;
  const auto file = aa::history_file_in(temp.path());
  aa::append_to_history(file, at("2026-03-01T09:00:00+00:00", "a"));
  aa::CheckRecord b = at("2026-03-02T09:00:00+00:00", "b");
  aa::CheckRecord b_other_id = b;
  b_other_id.id = "0123abcd";
  const std::vector<aa::CheckRecord> records = {at("2026-03-01T09:00:00+00:00", "a"), b, b, b_other_id,
                                                at("2026-03-01T09:00:00+00:00", "a")};
  const aa::ImportOutcome outcome = aa::import_into_history(file, records);
  CHECK(outcome.imported == 1);
  CHECK(outcome.skipped == 2);
  CHECK(outcome.repeated == 2);
  CHECK(aa::read_history(file).records.size() == 2);
}
