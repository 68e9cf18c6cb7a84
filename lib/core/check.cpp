// SPDX-License-Identifier: MIT
#include "aa/check.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/core.h>

#include "aa/text.hpp"

namespace aa {

std::string note_problem(std::string_view text) {
  if (text.size() > note_limit) return fmt::format("a note holds at most {} bytes", note_limit);
  if (!is_valid_utf8(text)) return "a note must be valid UTF-8 text";
  if (find_terminal_control(text) != std::string::npos) return "a note is one line of text, without control characters";
  if (!has_visible_character(text)) return "a note must not be empty";
  return "";
}

CheckRecord score_check(std::span<const ChecklistItem> items, const Answers& answers, std::string date) {
  CheckRecord record;
  record.date = std::move(date);
  std::unordered_set<std::string_view> named;  // in read_next already; a long checklist stays linear
  const std::size_t count = std::min(items.size(), answers.size());
  for (std::size_t i = 0; i < count; ++i) {
    const ChecklistItem& item = items[i];
    const int value = answers[i];
    record.answers.push_back({std::string(item.id), std::string(item.sign), value});
    record.total += value;
    record.max += highest_rating;
    if (value < stand_out_rating) continue;
    record.stand_out.emplace_back(item.id);
    for (const HelpLink& link : item.help) {
      // Several items lead to the same section; name it once, where it first comes up.
      if (named.insert(link.section).second) record.read_next.emplace_back(link.section);
    }
  }
  return record;
}

const ChecklistItem* find_item(std::span<const ChecklistItem> items, std::string_view id) {
  for (const ChecklistItem& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

}  // namespace aa
