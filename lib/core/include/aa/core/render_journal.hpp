// SPDX-License-Identifier: MIT
// The journal's prompts and entries as text, Markdown or JSON, into a
// string. Entries come from a file a person may edit: everything from it
// is escaped for a terminal (and for Markdown) on the way out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "aa/content/model.hpp"
#include "aa/core/format.hpp"
#include "aa/core/journal.hpp"
#include "aa/core/search.hpp"

namespace aa {

struct JournalStyle {
  std::size_t width = 0;  // 0: no wrapping
  bool color = false;
};

// Prompts: the text wrapped, one a line (a blank line between them when
// wrapped); a Markdown document titled `title`; or
// [{"id", "section", "sign" (null for none), "text"}, ...].
std::string render_prompts(std::span<const Prompt* const> prompts, Format format, const JournalStyle& style,
                           std::string_view title);

// `id<TAB>section<TAB>sign<TAB>text`, one prompt a line ("-" for no sign).
std::string render_prompt_table(std::span<const Prompt> prompts);

// Entries, oldest first. Text: for each, a heading line (id, the time as
// readable_time() shows it, prompt id, each tag as #tag), the prompt's text
// when `prompts` has it, then the entry, with a blank line between entries.
// Markdown: a document that pandoc -s makes a page of, with a line
// "Tags: a, b" under an entry's heading when it has tags. JSON: [{"id",
// "time", "date", "prompt" (null for none), "prompt_text" (null when
// unknown), "text", "tags" ([] for none), and "exercise" ({"id", "steps":
// [{"step", "value"}]}) for a finished exercise only}, ...].
std::string render_entries(std::span<const JournalEntry* const> entries, std::span<const Prompt> prompts, Format format,
                           const JournalStyle& style);

// Every line of an entry that holds `needle`: `hit.item` indexes `entries`,
// `hit.part` counts the lines from 0, and the matches are in the line.
std::vector<SearchHit> search_entries(std::span<const JournalEntry> entries, std::string_view needle);

// `id:line` a hit, as grep prints it, with the matches highlighted in colour.
std::string render_entry_hits(std::span<const JournalEntry> entries, std::span<const SearchHit> hits,
                              const JournalStyle& style);

// What was saved or deleted, for --format json: {"saved": entry, "file"},
// {"deleted": id, "file"}. (--forget says what it did with forget_json().)
std::string saved_entry_json(const JournalEntry& entry, std::span<const Prompt> prompts, std::string_view file);
std::string deleted_entry_json(std::uint64_t id, std::string_view file);
// An edit: {"edited": entry, "changed": whether it was saved, "file"}.
std::string edited_entry_json(const JournalEntry& entry, bool changed, std::span<const Prompt> prompts,
                              std::string_view file);

}  // namespace aa
