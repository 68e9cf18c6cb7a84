// SPDX-License-Identifier: MIT
// The journal reader on any bytes, since people may edit that file by hand:
// every line is an entry, a retired id or a problem, never a crash or an
// exception; each entry writes back as the same entry; and what the text
// and the search show holds no byte a terminal would act on.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aa/content/builtin.hpp"
#include "aa/core/journal.hpp"
#include "aa/core/render_journal.hpp"

namespace {

// Whether a shown text holds an escape or another C0 control than tab and
// line break, or C1 (as UTF-8: 0xC2 0x80 to 0x9F).
bool has_terminal_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return true;
    if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const aa::Journal journal = aa::parse_journal(text);
  for (const aa::JournalEntry& entry : journal.entries) {
    if (entry.id == 0 || entry.id > journal.highest_id) __builtin_trap();
    std::string line = aa::journal_line(entry);
    line.pop_back();
    const aa::JournalEntry again = aa::parse_journal_entry(line);
    if (again.id != entry.id || again.time != entry.time || again.prompt != entry.prompt || again.text != entry.text) {
      __builtin_trap();
    }
    const auto named = aa::line_id(line);
    if (!named || named->retired || named->id != entry.id) __builtin_trap();
  }
  std::vector<const aa::JournalEntry*> all;
  for (const aa::JournalEntry& entry : journal.entries) all.push_back(&entry);
  const auto prompts = aa::builtin_content().prompts;
  if (has_terminal_control(aa::render_entries(all, prompts, aa::Format::text, {40, false}))) __builtin_trap();
  const auto hits = aa::search_entries(journal.entries, "a");
  if (has_terminal_control(aa::render_entry_hits(journal.entries, hits, {}))) __builtin_trap();
  aa::render_entries(all, prompts, aa::Format::markdown, {});
  aa::render_entries(all, prompts, aa::Format::json, {});
  return 0;
}
