// Checklist results and items as JSON, and saved results read back. The
// shape is the one documented for `aa-check --format json`:
// {"date", "answers": [{"id", "sign", "value"}], "total", "max",
//  "stand_out": [ids], "read_next": [section slugs]}
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "aa/check.hpp"
#include "aa/model.hpp"

namespace aa {

// The record as an indented JSON document, followed by a newline.
std::string check_json(const CheckRecord& record);

// The record as JSON on a single line, followed by a newline: one line of
// the history file.
std::string check_json_line(const CheckRecord& record);

// [record, ...] as an indented JSON document, followed by a newline.
std::string history_json(std::span<const CheckRecord> records);

// [{"id", "sign", "statement"}, ...] followed by a newline.
std::string items_json(std::span<const ChecklistItem> items);

// What --forget did: {"deleted": whether saved results were deleted,
// "file": the history file}, followed by a newline.
std::string forget_json(bool deleted, std::string_view file);

// A record from its JSON text. Throws Error(Problem::data) saying what is
// wrong when the text is not JSON or not a record of this shape.
CheckRecord parse_check_json(std::string_view text);

}  // namespace aa
