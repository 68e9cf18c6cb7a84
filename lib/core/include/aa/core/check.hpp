// SPDX-License-Identifier: MIT
// Scoring a checklist: which signs stand out, and where to read next. The
// result describes answers, never the person who gave them.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aa/content/model.hpp"
#include "aa/core/answers.hpp"

namespace aa {

// A rating from this value up makes a sign stand out ("often" or more).
inline constexpr int stand_out_rating = 3;

// From this many signs that stand out, the result suggests a doctor or a
// therapist, and names the signs that call for help soon.
inline constexpr std::size_t several_stand_out = 2;

// The one rule for change over time: from two results on, the history
// shows the first against the latest and, on a terminal, a sparkline a
// sign; one result has nothing to compare with.
inline constexpr std::size_t fewest_to_compare = 2;

struct Rating {
  std::string id;
  std::string sign;
  int value = 0;  // on the scale, or does_not_apply
};

// One completed checklist, as shown, printed as JSON and saved: plain
// values, so a record read back from the history needs no content.
struct CheckRecord {
  std::string id;    // in the history: stored, or derived for older records (history.hpp); "" elsewhere
  std::string date;  // YYYY-MM-DD, the local date
  std::string time;  // local time with its UTC offset (date.hpp); "" in records saved before it was kept
  std::vector<Rating> answers;
  int total = 0;                       // of the answers that apply
  int max = 0;                         // highest_rating for each answer that applies
  std::vector<std::string> stand_out;  // ids of the items rated stand_out_rating or more
  std::vector<std::string> read_next;  // section slugs their help links point to, each once
  std::string note;                    // the person's own few words, or ""
};

// The longest note a record keeps, in bytes of UTF-8: a line or two.
inline constexpr std::size_t note_limit = 500;

// Why `text` cannot be a note, or "" when it can: a note is one short line
// of the person's own words, with no line break and nothing else a
// terminal would act on when it is shown again.
std::string note_problem(std::string_view text);

// The record of `answers` (one per item, already checked) given on `date`.
CheckRecord score_check(std::span<const ChecklistItem> items, const Answers& answers, std::string date);

// What is wrong with `record` (read back from a file) against `items`:
// each answer must name an item, once, and what score_check derives from
// the answers (total, max, stand_out, read_next) must be what the record
// says, but read_next. "" when all agree; else one phrase, as "'total' is
// 99, but its answers add up to 8". The signs and read_next are not
// compared: they come from the content when the result was saved, which
// may have changed since.
std::string rescore_problem(const CheckRecord& record, std::span<const ChecklistItem> items);

// When the result was taken, as a person reads it (readable_time() of its
// time), or its date for a record saved before times were kept. Not
// escaped: the history is a file anyone can edit.
std::string when_taken(const CheckRecord& record);

// The item with this id, or nullptr.
const ChecklistItem* find_item(std::span<const ChecklistItem> items, std::string_view id);

}  // namespace aa
