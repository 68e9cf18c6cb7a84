// SPDX-License-Identifier: MIT
// The journal: entries a person writes, one JSON object a line in
// $XDG_DATA_HOME/aa/journal.jsonl:
//   {"id": 3, "time": "2026-03-01T21:14:05+01:00", "prompt": "quiet-day", "text": "...",
//    "tags": ["work", "sleep"],
//    "exercise": {"id": "check-in", "steps": [{"step": "strength", "value": 6}, {"step": "word", "value": "tense"}]}}
// ("prompt" is null for a free entry; "tags" and "exercise" are left out
// when there are none). An exercise's entry keeps its answers twice: as
// readable text, so that listing, showing and searching the journal need
// nothing new, and as "exercise", for what counts them (aa-report). An id is given once: it stays with
// its entry through the deletion of others, and is not given again after
// its own deletion (a line {"retired": N} keeps the highest id that was
// deleted, when it was the last one).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aa/content/model.hpp"
#include "aa/core/date.hpp"
#include "aa/core/line_store.hpp"

#include <nlohmann/json_fwd.hpp>

namespace aa {

// One answered step of an exercise: a scale's number, or the text typed or
// chosen.
struct ExerciseAnswer {
  std::string step;                    // the step's id in the exercise
  std::optional<std::int64_t> number;  // a scale's value
  std::string text;                    // otherwise: what was typed or chosen
  bool operator==(const ExerciseAnswer&) const = default;
};

// What an exercise's entry records: which exercise, and its answers in order.
struct ExerciseRecord {
  std::string id;  // the exercise's id in exercises.toml
  std::vector<ExerciseAnswer> answers;
  bool operator==(const ExerciseRecord&) const = default;
};

struct JournalEntry {
  std::uint64_t id = 0;
  std::string time;                        // local time with its UTC offset, as RFC 3339: 2026-03-01T21:14:05+01:00
  std::string prompt;                      // the id of the prompt it answers; empty for a free entry
  std::string text;                        // one or more lines, no final newline
  std::vector<std::string> tags;           // each as tag_from() makes it, none twice
  std::optional<ExerciseRecord> exercise;  // for a finished exercise (aa-practice)
};

// The longest tag, in bytes.
inline constexpr std::size_t tag_limit = 40;

// A tag as typed, made into the tag kept: ASCII letters in lower case.
// nullopt unless it is 1 to tag_limit bytes of UTF-8 with no space, no
// invisible or control character, and no comma (which would read as two
// tags).
std::optional<std::string> tag_from(std::string_view typed);

// The tags typed after --tag: each value one tag or several separated by
// commas ("work,sleep"), each made by tag_from() and kept once, in the
// order first given. Throws Error(Problem::usage) naming the first piece
// that is not a tag.
std::vector<std::string> typed_tags(std::span<const std::string> typed);

// Whether the entry has every one of `tags`.
bool has_tags(const JournalEntry& entry, std::span<const std::string> tags);

// The local date an entry was written on, YYYY-MM-DD: the start of its time.
std::string_view entry_date(const JournalEntry& entry);

// Drafts are named journal-draft-XXXXXX.txt, in the journal's folder.
inline constexpr std::string_view draft_stem = "journal-draft-";

// The most one entry may hold.
inline constexpr std::size_t journal_entry_limit = 64 * 1024;
// The most the journal file may hold: some hundreds of long entries a year
// for a lifetime.
inline constexpr std::size_t journal_file_limit = 64 * 1024 * 1024;

// The exercise as an entry keeps it: {"id", "steps": [{"step", "value"}, ...]},
// a value being a scale's number or the text.
nlohmann::ordered_json exercise_json(const ExerciseRecord& record);

// The entry as one line of the journal file, with its newline.
std::string journal_line(const JournalEntry& entry);

// A line that is not an entry, and why.
using JournalProblem = LineProblem;

struct Journal {
  std::vector<JournalEntry> entries;     // in the order of the file: oldest first
  std::vector<JournalProblem> problems;  // the first line_problems_kept of them
  std::size_t problem_count = 0;         // all of them
  std::uint64_t highest_id = 0;          // of every entry and retired id
};

// The entries in the text of a journal file. Blank lines are passed over;
// every other line that is neither an entry nor a retired id becomes a
// problem, and the entries around it still read.
Journal parse_journal(std::string_view text);

// The entry as parse_journal() reads it; Error(Problem::data) saying what
// is wrong otherwise.
JournalEntry parse_journal_entry(std::string_view line);

// What a line of the journal file is about: the entry `id`, or, for a
// line {"retired": id}, an id that is not to be given again.
struct LineId {
  std::uint64_t id = 0;
  bool retired = false;
};
// nullopt for a blank line or one that is neither.
std::optional<LineId> line_id(std::string_view line);

// The line {"retired": id}, without a newline.
std::string retired_line(std::uint64_t id);

// What a person wrote, made into the text of an entry: a byte-order mark
// at the start taken off, "\r\n" read as a line break, blank lines and
// trailing blanks at the end and blank lines at the start taken off. Throws
// Error(Problem::usage) for text that is not UTF-8, holds a control
// character (other than tab and line break), or is larger than
// journal_entry_limit. An empty result means nothing was written.
std::string entry_text(std::string_view written);

// What a draft is for: a new entry, or the new text of one that is there
// (an exercise's, whose answers stay as they were).
enum class DraftFor { new_entry, edit, edit_exercise };

// The text of an edited draft without the lines draft_template(prompt,
// program, purpose) put there, and only those: the person's own lines that
// start with '#' stay. Made as entry_text() makes it.
std::string entry_text_from_draft(std::string_view draft, const Prompt* prompt, std::string_view program,
                                  DraftFor purpose = DraftFor::new_entry);

// What the editor opens below the text it starts with (none for a new
// entry, the entry's for an edit): an empty line to write on, then the
// prompt and how `program` (the command that opened it) reads the draft,
// on lines that start with '#'.
std::string draft_template(const Prompt* prompt, std::string_view program, DraftFor purpose = DraftFor::new_entry);

// Which entries a listing shows.
struct EntryFilter {
  DateRange days;                   // the local dates they were written on
  std::optional<std::size_t> last;  // only the latest N of those
  std::vector<std::string> tags;    // only entries that have all of these
};
std::vector<const JournalEntry*> select_entries(std::span<const JournalEntry> entries, const EntryFilter& filter);

// The entry with this id, or nullptr.
const JournalEntry* find_entry(std::span<const JournalEntry> entries, std::uint64_t id);

// An entry id as typed: a whole number from 1; nullopt otherwise.
std::optional<std::uint64_t> parse_entry_id(std::string_view text);

}  // namespace aa
