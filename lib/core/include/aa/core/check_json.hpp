// SPDX-License-Identifier: MIT
// Checklist results and items as JSON, and saved results read back. The
// shape is the one documented for `aa-check --format json`:
// {"id", "date", "time", "answers": [{"id", "sign", "value"}], "total", "max",
//  "stand_out": [ids], "read_next": [section slugs], "note"}
// where "id", "time" and "note" are null when the record has none (a
// result not saved has no id; records saved before times were kept have no
// time). Reading accepts records without them, as older versions wrote.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aa/content/model.hpp"
#include "aa/core/check.hpp"
#include "aa/core/history_summary.hpp"

namespace aa {

// The record as an indented JSON document, followed by a newline.
std::string check_json(const CheckRecord& record);

// The record as JSON on a single line, followed by a newline: one line of
// the history file.
std::string check_json_line(const CheckRecord& record);

// {"results": [record, ...], "summary": {"count", "from", "to", "trend",
//  "total": {"first", "latest"} or null, "signs": [{"id", "sign",
//  "average", "first", "latest"}]}} as an indented JSON document, followed
// by a newline. "from", "to" are null for no results; "first" and
// "latest" are null without a trend (fewer than three results).
std::string history_json(std::span<const CheckRecord> records, const HistorySummary& summary);

// [{"id", "sign", "statement"}, ...] followed by a newline.
std::string items_json(std::span<const ChecklistItem> items);

// What --forget did: {"deleted": whether the store was deleted, "file": the
// store, "also_deleted": the paths of the other files of it that went (kept
// drafts, leftovers of interrupted runs)}, followed by a newline.
std::string forget_json(bool deleted, std::string_view file, std::span<const std::string> also_deleted = {});

// What --delete did: {"deleted": the record's id, "file"}, then a newline.
std::string delete_json(std::string_view id, std::string_view file);

// What --import did: {"imported", "skipped" (already there),
// "duplicates_in_file" (the same as a result before it in the file),
// "file"}, then a newline.
std::string import_json(std::size_t imported, std::size_t skipped, std::size_t duplicates, std::string_view file);

// Whether `text` is a record id: 8 hexadecimal digits, lower-case.
bool is_record_id(std::string_view text);

// A record from its JSON text. Throws Error(Problem::data) saying what is
// wrong when the text is not JSON or not a record of this shape.
CheckRecord parse_check_json(std::string_view text);

// The records of an export, and the line of the export each starts on.
struct ExportedResults {
  std::vector<CheckRecord> records;
  std::vector<std::size_t> lines;  // from 1, one a record
};

// The records of an export as history_json() writes it (or of a bare list
// of records, as versions before the summary wrote), all or none; nullopt
// for JSON that holds no list of records. Throws Error(Problem::data) for
// the first that is not a record, naming the line it starts on and its
// place in the list (from 1), as "line 12: result 3: 'total' is missing";
// for text that is not JSON, the line where the parser stopped. A byte
// order mark at the very start is passed over, as nlohmann-json does.
std::optional<ExportedResults> parse_history_json(std::string_view text);

}  // namespace aa
