// SPDX-License-Identifier: MIT
#include "aa/core/render_check_markdown.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/core.h>

#include "aa/content/text.hpp"
#include "aa/core/answers.hpp"
#include "aa/core/markdown.hpp"
#include "aa/core/render_check.hpp"

namespace aa {
namespace {

// As many sign columns as the text table has.
constexpr std::size_t most_columns = 8;

constexpr std::string_view history_title = "Anxious attachment: your saved results";

// Text from a history file as one table cell: control characters shown,
// not obeyed, and Markdown (with '|') escaped.
std::string cell(std::string_view text) { return escape_markdown(terminal_safe(text)); }

std::string table_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const std::string& each : cells) out += " " + each + " |";
  return out + "\n";
}

// The header row, then the rule below it; `right` aligns a column's
// numbers to the right.
std::string table_head(const std::vector<std::string>& cells, const std::vector<bool>& right) {
  std::string rule = "|";
  for (bool to_right : right) rule += to_right ? "---:|" : "---|";
  return table_row(cells) + rule + "\n";
}

std::string stand_out_part(const CheckRecord& record, std::span<const ChecklistItem> items,
                           const References& references) {
  if (record.stand_out.empty()) {
    return markdown_paragraph(
               fmt::format("No sign stands out in these answers: none was rated {} ({}) or {} ({}).", stand_out_rating,
                           rating_word(stand_out_rating), highest_rating, rating_word(highest_rating)),
               0) +
           fmt::format(" To read more about the signs: `{} signs`\n", references.section_reader);
  }
  std::string out =
      markdown_heading(2, fmt::format("What stands out (rated {} or more)", stand_out_rating), "stands-out") + "\n";
  const std::unordered_set<std::string_view> stands_out(record.stand_out.begin(), record.stand_out.end());
  std::unordered_map<std::string_view, const ChecklistItem*> item_by_id;
  for (const ChecklistItem& item : items) item_by_id.try_emplace(item.id, &item);
  for (const Rating& rating : record.answers) {
    if (!stands_out.contains(rating.id)) continue;
    const auto item = item_by_id.find(rating.id);
    if (item == item_by_id.end()) continue;
    out += "\n" +
           markdown_heading(3,
                            fmt::format("{}, rated {} ({})", escape_markdown(item->second->sign), rating.value,
                                        rating_word(rating.value)),
                            item->second->id) +
           "\n\nWhat can help:\n\n";
    for (const HelpLink& link : item->second->help) {
      out += markdown_paragraph(link.point, 0, "- ") +
             fmt::format(" (`{} {}`)\n", references.section_reader, link.section);
    }
  }
  if (record.stand_out.size() >= several_stand_out) {
    out += "\n" + markdown_paragraph(more_help_text(references.section_reader), 0) + "\n";
  }
  std::string commands;
  for (const std::string& slug : record.read_next) {
    commands += fmt::format("{}`{} {}`", commands.empty() ? "" : ", ", references.section_reader, slug);
  }
  if (!commands.empty()) out += "\nRead next: " + commands + "\n";
  return out;
}

}  // namespace

std::string render_check_markdown(const CheckRecord& record, std::span<const ChecklistItem> items,
                                  const References& references) {
  std::string out = markdown_title("Anxious attachment: your checklist result");
  out += markdown_heading(1, "Your answers, " + cell(when_taken(record)), "answers") + "\n\n";
  out += table_head({"Sign", "Rating", "How often"}, {false, true, false});
  for (const Rating& rating : record.answers) {
    out += table_row({cell(rating.sign), rating_mark(rating.value), std::string(rating_word(rating.value))});
  }
  out += "\n" + stand_out_part(record, items, references);
  out += "\n" + markdown_paragraph(safety_note(), 0) + "\n";
  return out;
}

std::string render_items_markdown(std::span<const ChecklistItem> items) {
  std::string out = markdown_title("Anxious attachment: the checklist statements");
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += fmt::format("{}. {} ({}, `{}`)\n", i + 1, escape_markdown(items[i].statement),
                       escape_markdown(items[i].sign), items[i].id);
  }
  return out;
}

std::string render_history_markdown(std::span<const CheckRecord> records) {
  if (records.empty()) return "";
  // The columns: the sign ids from the newest record back, at most
  // most_columns of them, which keeps the cost linear in the file however
  // many ids a hand-edited one names.
  std::vector<std::string_view> ids;
  std::unordered_map<std::string_view, std::size_t> column;
  std::unordered_set<std::string_view> every_id;
  for (auto record = records.rbegin(); record != records.rend(); ++record) {
    for (const Rating& rating : record->answers) {
      if (!every_id.insert(rating.id).second || ids.size() == most_columns) continue;
      column.emplace(rating.id, ids.size());
      ids.push_back(rating.id);
    }
  }
  const bool notes = std::any_of(records.begin(), records.end(), [](const CheckRecord& r) { return !r.note.empty(); });
  const bool with_ids = std::any_of(records.begin(), records.end(), [](const CheckRecord& r) { return !r.id.empty(); });
  std::vector<std::string> header = {"Id", "Date"};
  for (std::string_view id : ids) header.push_back(cell(id));
  header.push_back("Total");
  if (notes) header.push_back("Note");
  std::vector<bool> right(header.size(), true);
  right[0] = right[1] = false;
  if (notes) right.back() = false;
  if (!with_ids) {
    header.erase(header.begin());
    right.erase(right.begin());
  }
  std::string out = markdown_title(history_title);
  out += table_head(header, right);
  for (const CheckRecord& record : records) {
    std::vector<std::optional<int>> values(ids.size());
    for (const Rating& rating : record.answers) {
      const auto found = column.find(rating.id);
      if (found != column.end() && !values[found->second]) values[found->second] = rating.value;
    }
    std::vector<std::string> row = {cell(record.id), cell(when_taken(record))};
    for (const std::optional<int>& value : values) row.push_back(value ? rating_mark(*value) : "-");
    row.push_back(fmt::format("{}/{}", record.total, record.max));
    if (notes) row.push_back(cell(record.note));
    if (!with_ids) row.erase(row.begin());
    out += table_row(row);
  }
  if (every_id.size() > ids.size()) {
    out += fmt::format("\n{} of the {} signs in these results are shown; the JSON output has them all.\n", ids.size(),
                       every_id.size());
  }
  return out;
}

}  // namespace aa
