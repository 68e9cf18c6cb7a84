// SPDX-License-Identifier: MIT
// A saved result as indented JSON, written straight into a string, for
// `aa-check --history --format json`: ten thousand results built into
// one nlohmann-json document, and dumped from it, took most of a second,
// nearly all of it making and freeing the document's maps and strings. The
// text is the same, byte for byte, as dump_json() (json.hpp) writes for the
// record's document (check_json.cpp): the same keys in the same order,
// nlohmann's layout and escapes, and ours for the characters a terminal
// would act on. fuzz/history_fuzz.cpp holds the two to each other.
#pragma once

#include <cstddef>
#include <string>

#include "aa/core/check.hpp"

namespace aa {

// Appends `record` as a JSON object nested `depth` levels deep in an
// indented document: its first line is not indented (the caller has
// written the indentation), its members are at depth + 1, and its last line
// is the closing brace, with no newline after it.
void append_record_json(std::string& out, const CheckRecord& record, std::size_t depth);

}  // namespace aa
