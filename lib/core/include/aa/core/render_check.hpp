// SPDX-License-Identifier: MIT
// Checklist results, the items and the history as text, into a string.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "aa/content/model.hpp"
#include "aa/core/check.hpp"
#include "aa/core/references.hpp"

namespace aa {

struct CheckStyle {
  std::size_t width = 0;    // 0: each paragraph on one line
  bool color = false;       // ANSI styles
  bool graphics = false;    // a bar per rating, a sparkline per sign: for a terminal
  References references;    // where "Read next:" and what helps point
  bool note_first = false;  // the safety note before the result rather than after it (see render_check_text)
};

// Said wherever a result is shown: what this is not, and where to turn in a crisis.
std::string_view safety_note();

// What a result with several signs that stand out says on top of the help
// for each: see a doctor or a therapist, the signs that call for help soon,
// and the emergency number. `section_reader` is the command that reads the
// guide ("aa-read").
std::string more_help_text(std::string_view section_reader);

// Each sign with its rating, the ones that stand out with what helps and
// the `aa-read` command for it, then the safety note; with
// style.note_first, the note comes first instead, for a pager that may be
// quit before the end. `items` supplies the help links; the record names
// the statements by id.
std::string render_check_text(const CheckRecord& record, std::span<const ChecklistItem> items, const CheckStyle& style);

// `id<TAB>sign<TAB>statement`, one statement a line, in the order answers
// are given; or, with a `table` width (for a terminal), numbered and
// aligned, the statement wrapped under itself.
std::string render_items_table(std::span<const ChecklistItem> items, std::size_t table = 0, bool color = false);

// The ratings as bars, ▁ for 0 up to █ for 4; '·' where a value is missing.
std::string sparkline(std::span<const std::optional<int>> values);

// Past results, one row a record, oldest first, a column a sign; with
// graphics, a sparkline a sign below. The signs shown are those of the
// newest record, then those only older ones have, at most 8; a line below
// the table says so when the records name more. Every text from the
// records (dates, ids, sign names) is escaped for the terminal, since
// anyone can edit the history file.
// Nothing for no records: what to say then is the command's.
std::string render_history_text(std::span<const CheckRecord> records, const CheckStyle& style);

}  // namespace aa
