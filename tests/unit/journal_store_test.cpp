// SPDX-License-Identifier: MIT
// The journal file: an entry replaced in place, on its own line, the other
// lines kept byte for byte.
#include "aa/core/journal_store.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "files.hpp"
#include "process.hpp"

using aa::test::slurp;

namespace {

aa::JournalEntry saved(const std::filesystem::path& file, std::string text) {
  aa::JournalEntry entry;
  entry.time = "2026-03-01T21:14:05+01:00";
  entry.prompt = "quiet-day";
  entry.text = std::move(text);
  return aa::append_journal_entry(file, std::move(entry));
}

}  // namespace

TEST_CASE("an entry is replaced on its line, the other lines stay byte for byte") {
  aa::test::TempDir temp;
  const std::filesystem::path file = temp.path() + "/data/aa/journal.jsonl";
  const aa::JournalEntry first = saved(file, "One.");
  const aa::JournalEntry second = saved(file, "Two.");
  // A line written by hand, with spaces the writer would not put there, and a line that is no entry.
  {
    std::ofstream out(file, std::ios::app);
    out << "{ \"id\": 9, \"time\": \"2026-03-02T08:00:00+01:00\", \"prompt\": null, \"text\": \"Nine.\" }\n"
        << "not an entry\n";
  }
  const std::string before = slurp(file.string());

  aa::JournalEntry changed = second;
  changed.text = "Two, again.";
  changed.tags = {"work"};
  CHECK(aa::replace_journal_entry(file, second, changed) == aa::Replaced::done);
  const std::string after = slurp(file.string());
  std::string expected = before;
  const std::string old_line = aa::journal_line(second);
  expected.replace(expected.find(old_line), old_line.size(), aa::journal_line(changed));
  CHECK(after == expected);
  const aa::Journal journal = aa::read_journal(file);
  REQUIRE(journal.entries.size() == 3);
  CHECK(journal.entries[1].id == second.id);
  CHECK(journal.entries[1].time == second.time);
  CHECK(journal.entries[1].text == "Two, again.");

  // The entry as read before is no longer there: nothing is written.
  aa::JournalEntry stale = changed;
  stale.text = "Lost?";
  CHECK(aa::replace_journal_entry(file, second, stale) == aa::Replaced::changed);
  CHECK(slurp(file.string()) == after);
  // An entry written by hand compares by what it holds, not by its spacing.
  aa::JournalEntry nine = journal.entries[2];
  aa::JournalEntry nine_after = nine;
  nine_after.text = "Nine, edited.";
  CHECK(aa::replace_journal_entry(file, nine, nine_after) == aa::Replaced::done);
  CHECK(aa::read_journal(file).entries[2].text == "Nine, edited.");
  // Gone, or never there.
  REQUIRE(aa::delete_journal_entry(file, first.id));
  CHECK(aa::replace_journal_entry(file, first, changed) == aa::Replaced::missing);
  CHECK(slurp(file.string()).find("not an entry\n") != std::string::npos);
}
