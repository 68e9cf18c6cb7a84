// SPDX-License-Identifier: MIT
// Whatever the writer writes, the reader reads: from any input a person
// could give (an entry's text typed, piped or left in a draft; answers and a
// note), at any moment and in any time zone, with any id before it, the
// line a command would save is read back as the very entry or record it
// was, with no problem reported.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <string>
#include <string_view>

#include <fuzzer/FuzzedDataProvider.h>

#include "aa/content/builtin.hpp"
#include "aa/core/answers.hpp"
#include "aa/core/check.hpp"
#include "aa/core/check_json.hpp"
#include "aa/core/date.hpp"
#include "aa/core/history.hpp"
#include "aa/core/journal.hpp"
#include "aa/io/error.hpp"

namespace {

// Zones with odd offsets: past 18 hours, in seconds, half and quarter hours.
constexpr const char* zones[] = {"UTC0",
                                 "UTC+24",
                                 "UTC-24",
                                 "XXX+23:59:59",
                                 "XXX-0:0:30",
                                 "XXX-5:45",
                                 "XXX+12:30",
                                 "XXX-14",
                                 "XXX+18",
                                 "XXX-18:00:01",
                                 "CET-1CEST,M3.5.0,M10.5.0/3",
                                 "XXX+24:59:59"};

// A moment the clock can show: from 1970 to the end of year 9999.
std::time_t moment(FuzzedDataProvider& input) {
  return static_cast<std::time_t>(input.ConsumeIntegralInRange<std::int64_t>(0, 253402300799));
}

void check_journal(FuzzedDataProvider& input) {
  const std::uint64_t highest = input.ConsumeIntegral<std::uint64_t>();
  const bool from_draft = input.ConsumeBool();
  const auto& prompts = aa::builtin_content().prompts;
  const aa::Prompt* prompt =
      input.ConsumeBool() ? &prompts[input.ConsumeIntegralInRange<std::size_t>(0, prompts.size() - 1)] : nullptr;
  const std::time_t when = moment(input);
  const std::string written = input.ConsumeRemainingBytesAsString();
  aa::JournalEntry entry;
  try {
    entry.text =
        from_draft ? aa::entry_text_from_draft(aa::draft_template(prompt, "aa-journal") + written, prompt, "aa-journal")
                   : aa::entry_text(written);
  } catch (const aa::Error&) {
    return;  // refused, and so never written
  }
  // The writer takes no entry when the ids are used up (journal_store.cpp).
  if (entry.text.empty() || highest == std::numeric_limits<std::uint64_t>::max()) return;
  entry.id = highest + 1;
  entry.time = aa::format_local_time(aa::local_time_of(when));
  if (prompt) entry.prompt = std::string(prompt->id);
  std::string text = highest == 0 ? "" : aa::retired_line(highest) + "\n";
  text += aa::journal_line(entry);
  const aa::Journal journal = aa::parse_journal(text);
  if (journal.problem_count != 0 || journal.entries.size() != 1) __builtin_trap();
  const aa::JournalEntry& read = journal.entries[0];
  if (read.id != entry.id || read.time != entry.time || read.prompt != entry.prompt || read.text != entry.text) {
    __builtin_trap();
  }
  if (journal.highest_id != entry.id) __builtin_trap();
}

void check_history(FuzzedDataProvider& input) {
  const auto& items = aa::builtin_content().checklist;
  const std::time_t when = moment(input);
  const std::string note = input.ConsumeRandomLengthString(600);
  const std::string answers_text = input.ConsumeRemainingBytesAsString();
  aa::Answers answers;
  try {
    answers = aa::parse_answers(answers_text, items);
  } catch (const aa::Error&) {
    return;
  }
  const aa::LocalTime local = aa::local_time_of(when);
  aa::CheckRecord record = aa::score_check(items, answers, aa::format_iso_date(local.day));
  record.time = aa::format_local_time(local);
  if (aa::note_problem(note).empty()) record.note = note;
  std::string line = aa::check_json_line(record);
  line.pop_back();
  record.id = aa::derived_record_id(line);
  const aa::History history = aa::parse_history(aa::check_json_line(record));
  if (!history.problems.empty() || history.records.size() != 1) __builtin_trap();
  const aa::CheckRecord& read = history.records[0];
  if (read.id != record.id || read.date != record.date || read.time != record.time || read.note != record.note ||
      read.total != record.total || read.max != record.max || read.stand_out != record.stand_out ||
      read.read_next != record.read_next || read.answers.size() != record.answers.size()) {
    __builtin_trap();
  }
  for (std::size_t i = 0; i < read.answers.size(); ++i) {
    if (read.answers[i].id != record.answers[i].id || read.answers[i].value != record.answers[i].value) {
      __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  ::setenv("TZ", input.PickValueInArray(zones), 1);
  ::tzset();
  if (input.ConsumeBool()) {
    check_journal(input);
  } else {
    check_history(input);
  }
  return 0;
}
