// SPDX-License-Identifier: MIT
#include "aa/core/check.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "aa/content/text.hpp"
#include "aa/core/date.hpp"

namespace aa {

std::string note_problem(std::string_view text) {
  if (text.size() > note_limit) return fmt::format("a note holds at most {} bytes", note_limit);
  if (!is_valid_utf8(text)) return "a note must be valid UTF-8 text";
  if (find_terminal_control(text) != std::string::npos) return "a note is one line of text, without control characters";
  if (!has_visible_character(text)) return "a note must not be empty";
  return "";
}

std::string when_taken(const CheckRecord& record) {
  return record.time.empty() ? record.date : readable_time(record.time);
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
    if (!applies(value)) continue;
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

std::string rescore_problem(const CheckRecord& record, std::span<const ChecklistItem> items) {
  std::vector<ChecklistItem> answered;
  std::unordered_set<std::string_view> seen;
  Answers values;
  for (std::size_t i = 0; i < record.answers.size(); ++i) {
    const Rating& rating = record.answers[i];
    const ChecklistItem* item = find_item(items, rating.id);
    if (!item) return fmt::format("answer {}: '{}' is not an item of the checklist", i + 1, printable(rating.id));
    if (!seen.insert(item->id).second) {
      return fmt::format("answer {}: '{}' is answered twice", i + 1, printable(rating.id));
    }
    answered.push_back(*item);
    values.push_back(rating.value);
  }
  const CheckRecord scored = score_check(answered, values, record.date);
  if (record.total != scored.total) {
    return fmt::format("'total' is {}, but its answers add up to {}", record.total, scored.total);
  }
  if (record.max != scored.max) {
    return fmt::format("'max' is {}, but its answers that apply make at most {}", record.max, scored.max);
  }
  const auto listed = [](const std::vector<std::string>& names) {
    std::vector<std::string> shown;
    for (const std::string& name : names) shown.push_back(printable(name, 40));
    return fmt::format("[{}]", fmt::join(shown, ", "));
  };
  if (record.stand_out != scored.stand_out) {
    return fmt::format("'stand_out' is {}, but the items its answers rate {} or more are {}", listed(record.stand_out),
                       stand_out_rating, listed(scored.stand_out));
  }
  return "";
}

const ChecklistItem* find_item(std::span<const ChecklistItem> items, std::string_view id) {
  for (const ChecklistItem& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

}  // namespace aa
