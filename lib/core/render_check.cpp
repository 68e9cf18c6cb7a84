// SPDX-License-Identifier: MIT
#include "aa/core/render_check.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/color.h>
#include <fmt/core.h>

#include "aa/content/text.hpp"
#include "aa/core/answers.hpp"
#include "aa/core/render_table.hpp"

namespace aa {
namespace {

std::string styled(std::string_view text, fmt::text_style style, bool color) {
  return color ? fmt::format(style, "{}", text) : std::string(text);
}

std::string heading(std::string_view text, const CheckStyle& style) {
  return styled(text, fmt::emphasis::bold, style.color) + "\n";
}

// `text` and spaces up to `columns` display columns.
std::string padded(std::string_view text, std::size_t columns) {
  const std::size_t used = display_width(text);
  return std::string(text) + std::string(columns > used ? columns - used : 0, ' ');
}

std::string bar(int value) {
  std::string out;
  for (int step = lowest_rating + 1; step <= highest_rating; ++step) out += step <= value ? "█" : "░";
  return out;
}

std::string rating_rows(const CheckRecord& record, const CheckStyle& style) {
  std::size_t sign_width = 0;
  for (const Rating& rating : record.answers) sign_width = std::max(sign_width, display_width(rating.sign));
  std::size_t word_width = 0;
  for (std::string_view word : rating_words) word_width = std::max(word_width, display_width(word));
  const auto rating_text = [&](const Rating& rating) {
    std::string text = rating_mark(rating.value) + " ";
    if (style.graphics && applies(rating.value)) {
      return text + padded(rating_word(rating.value), word_width) + "  " + bar(rating.value);
    }
    return text + std::string(rating_word(rating.value));
  };
  // Too narrow for a sign and its rating side by side: the rating goes
  // under the sign, so that no row breaks in the middle.
  std::size_t row_width = 0;
  for (const Rating& rating : record.answers) {
    row_width = std::max(row_width, 2 + sign_width + 2 + display_width(rating_text(rating)));
  }
  const bool stacked = style.width > 0 && row_width > style.width;
  std::string out;
  for (const Rating& rating : record.answers) {
    if (stacked) {
      out += wrap_paragraph(rating.sign, style.width, "  ", "  ") + "\n    " + rating_text(rating) + "\n";
    } else {
      out += "  " + padded(rating.sign, sign_width) + "  " + rating_text(rating) + "\n";
    }
  }
  // No total here: a sum of four ratings reads like a validated score,
  // which it is not. JSON keeps it, and the history compares it over time.
  return out;
}

std::string help_for(const ChecklistItem& item, int value, const CheckStyle& style) {
  const std::string intro = fmt::format("{}, rated {} ({}). What can help:", item.sign, value, rating_word(value));
  std::string out = styled(wrap_paragraph(intro, style.width, "  ", "  "), fmt::emphasis::bold, style.color) + "\n";
  for (const HelpLink& link : item.help) {
    out += wrap_paragraph(link.point, style.width, "    • ", "      ") + "\n";
    out += fmt::format("      {} {}\n", style.references.section_reader, link.section);
  }
  return out;
}

}  // namespace

std::string more_help_text(std::string_view section_reader) {
  return fmt::format(
      "Several signs were rated often or almost always. That is a lot to carry on your own: a doctor or a licensed "
      "therapist can help ({} therapist). See someone soon if you have constant distress, panic attacks, low mood "
      "that does not lift, thoughts of harming yourself, or if you are drinking heavily to cope. If you are in danger "
      "now, call your local emergency number.",
      section_reader);
}

namespace {

std::string stand_out_part(const CheckRecord& record, std::span<const ChecklistItem> items, const CheckStyle& style) {
  if (record.stand_out.empty()) {
    return wrap_paragraph(fmt::format("No sign stands out in these answers: none was rated {} ({}) or {} ({}). "
                                      "To read more about the signs: {} signs",
                                      stand_out_rating, rating_word(stand_out_rating), highest_rating,
                                      rating_word(highest_rating), style.references.section_reader),
                          style.width) +
           "\n";
  }
  std::string out = heading(fmt::format("What stands out (rated {} or more)", stand_out_rating), style);
  // Looked up by hash, so that a long checklist costs no more than its length.
  const std::unordered_set<std::string_view> stands_out(record.stand_out.begin(), record.stand_out.end());
  std::unordered_map<std::string_view, const ChecklistItem*> item_by_id;
  for (const ChecklistItem& item : items) item_by_id.try_emplace(item.id, &item);
  for (const Rating& rating : record.answers) {
    if (!stands_out.contains(rating.id)) continue;
    if (const auto item = item_by_id.find(rating.id); item != item_by_id.end()) {
      out += help_for(*item->second, rating.value, style);
    }
  }
  if (record.stand_out.size() >= several_stand_out)
    out += "\n" + wrap_paragraph(more_help_text(style.references.section_reader), style.width) + "\n";
  std::string commands;
  for (const std::string& slug : record.read_next) {
    commands += fmt::format("{}{} {}", commands.empty() ? "" : ", ", style.references.section_reader, slug);
  }
  if (!commands.empty()) out += "\n" + wrap_paragraph("Read next: " + commands, style.width) + "\n";
  return out;
}

// The history table has a column for at most this many signs: enough for
// a checklist, and it keeps the table readable and its cost linear in the
// file however many different signs hand-edited records name.
constexpr std::size_t most_history_columns = 8;

// The signs the history shows, as text safe for a terminal: those of the
// newest record in its order, then those only older records have, newest
// first. `column` finds a sign's column by its id.
struct HistoryColumns {
  std::vector<std::string> ids;
  std::vector<std::string> signs;  // the newest name of each: content may have reworded it since
  std::unordered_map<std::string_view, std::size_t> column;
  std::size_t signs_in_file = 0;  // how many different sign ids the records name
};

HistoryColumns history_columns(std::span<const CheckRecord> records) {
  HistoryColumns columns;
  std::unordered_set<std::string_view> every_id;
  for (auto record = records.rbegin(); record != records.rend(); ++record) {
    for (const Rating& rating : record->answers) {
      if (!every_id.insert(rating.id).second || columns.column.size() == most_history_columns) continue;
      columns.column.emplace(rating.id, columns.ids.size());
      columns.ids.push_back(terminal_safe(rating.id));
      columns.signs.push_back(terminal_safe(rating.sign));
    }
  }
  columns.signs_in_file = every_id.size();
  return columns;
}

// The record's value for each column (the first, if a sign is rated twice).
std::vector<std::optional<int>> values_by_column(const CheckRecord& record, const HistoryColumns& columns) {
  std::vector<std::optional<int>> values(columns.ids.size());
  for (const Rating& rating : record.answers) {
    const auto found = columns.column.find(rating.id);
    if (found != columns.column.end() && !values[found->second]) values[found->second] = rating.value;
  }
  return values;
}

std::string history_table(std::span<const CheckRecord> records, const HistoryColumns& columns,
                          const CheckStyle& style) {
  // id, when, a column a sign, total, and the note when any record has one.
  const bool notes = std::any_of(records.begin(), records.end(), [](const CheckRecord& r) { return !r.note.empty(); });
  // Records read from the history have ids; results that were never saved do not.
  const bool ids = std::any_of(records.begin(), records.end(), [](const CheckRecord& r) { return !r.id.empty(); });
  std::vector<std::string> header = {"id", "date"};
  header.insert(header.end(), columns.ids.begin(), columns.ids.end());
  header.push_back("total");
  if (notes) header.push_back("note");
  const std::size_t total_column = 2 + columns.ids.size();
  std::vector<std::vector<std::string>> rows;
  for (const CheckRecord& record : records) {
    std::vector<std::string> row = {terminal_safe(record.id), terminal_safe(when_taken(record))};
    for (const std::optional<int>& value : values_by_column(record, columns)) {
      row.push_back(value ? rating_mark(*value) : "-");
    }
    row.push_back(fmt::format("{}/{}", record.total, record.max));
    if (notes) row.push_back(terminal_safe(record.note));
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> widths(header.size(), 0);
  std::size_t table_width = 0;
  const std::size_t first_column = ids ? 0 : 1;
  for (std::size_t column = first_column; column < header.size(); ++column) {
    widths[column] = display_width(header[column]);
    for (const auto& row : rows) widths[column] = std::max(widths[column], display_width(row[column]));
    table_width += widths[column] + (column + 1 < header.size() ? 2 : 0);
  }
  std::string out;
  if (style.graphics && style.width > 0 && table_width > style.width) {
    // A terminal too narrow for the table: a record a paragraph, its date
    // and total on the first line, the signs' values wrapped below it. A
    // script keeps the table, whatever the width.
    for (const auto& row : rows) {
      out += styled(fmt::format("{}  total {}", row[1], row[total_column]), fmt::emphasis::bold, style.color) + "\n";
      // The id leads the values: the first line stays short.
      std::string values = row[0].empty() ? "" : "id\u00a0" + row[0];
      for (std::size_t column = 2; column < total_column; ++column) {
        values += fmt::format("{}{}\u00a0{}", values.empty() ? "" : " ", header[column], row[column]);
      }
      out += wrap_paragraph(values, style.width, "  ", "  ") + "\n";
      if (notes && !row.back().empty()) out += wrap_paragraph(row.back(), style.width, "  “", "   ") + "”\n";
    }
  } else {
    // Each line is written straight into `text`: ten thousand rows make no
    // temporary strings.
    const auto line = [&](std::string& text, const std::vector<std::string>& cells) {
      const std::size_t start = text.size();
      for (std::size_t column = first_column; column < cells.size(); ++column) {
        text += cells[column];
        if (column + 1 == cells.size()) break;
        const std::size_t used = display_width(cells[column]);
        text.append((widths[column] > used ? widths[column] - used : 0) + 2, ' ');
      }
      // A row without a note ends in padding: no trailing spaces.
      const std::size_t end = text.find_last_not_of(' ');
      text.erase(end == std::string::npos || end < start ? start : end + 1);
    };
    out.reserve((rows.size() + 1) * (table_width + 1));
    std::string header_line;
    line(header_line, header);
    out += styled(header_line, fmt::emphasis::bold, style.color) + "\n";
    for (const auto& row : rows) {
      line(out, row);
      out += '\n';
    }
  }
  if (columns.signs_in_file > columns.ids.size()) {
    out += wrap_paragraph(fmt::format("({} of the {} signs in these results are shown; the JSON output has them all.)",
                                      columns.ids.size(), columns.signs_in_file),
                          style.width) +
           "\n";
  }
  return out;
}

std::string sparklines(std::span<const CheckRecord> records, const HistoryColumns& columns, const CheckStyle& style) {
  std::size_t sign_width = 0;
  for (const std::string& sign : columns.signs) sign_width = std::max(sign_width, display_width(sign));
  // As many of the newest records as fit beside the names; where fewer
  // than two would, each sparkline goes under its name instead.
  const std::size_t used = 2 + sign_width + 2;
  const auto fitting = [&](std::size_t taken) {
    if (style.width == 0) return records.size();
    return std::min(records.size(), style.width > taken ? style.width - taken : std::size_t{0});
  };
  const bool stacked = fitting(used) < 2;
  const std::size_t shown = stacked ? fitting(4) : fitting(used);
  // One point compares with nothing (fewest_to_compare).
  if (shown < fewest_to_compare) return "";
  const auto newest = records.subspan(records.size() - shown);
  const std::string title =
      shown == records.size() ? "Over time, oldest to newest" : fmt::format("Over time, the last {} results", shown);
  std::string out = "\n" + heading(wrap_paragraph(title, style.width), style);
  std::vector<std::vector<std::optional<int>>> by_sign(columns.ids.size());
  for (const CheckRecord& record : newest) {
    const std::vector<std::optional<int>> values = values_by_column(record, columns);
    for (std::size_t i = 0; i < values.size(); ++i) by_sign[i].push_back(values[i]);
  }
  for (std::size_t i = 0; i < columns.ids.size(); ++i) {
    if (stacked) {
      out += wrap_paragraph(columns.signs[i], style.width, "  ", "  ") + "\n    " + sparkline(by_sign[i]) + "\n";
    } else {
      out += "  " + padded(columns.signs[i], sign_width) + "  " + sparkline(by_sign[i]) + "\n";
    }
  }
  return out;
}

}  // namespace

std::string_view safety_note() {
  return "Please keep in mind: this checklist is educational material to help you reflect. It is not a "
         "diagnosis or a treatment, and it cannot tell you what you have. If you are in crisis or thinking "
         "of harming yourself, contact your local emergency services or a crisis line now "
         "(https://findahelpline.com lists them by country). If someone close to you controls or hurts you, "
         "read aa-read safety first.";
}

std::string render_check_text(const CheckRecord& record, std::span<const ChecklistItem> items,
                              const CheckStyle& style) {
  const std::string note = wrap_paragraph(safety_note(), style.width) + "\n";
  std::string out = style.note_first ? note + "\n" : "";
  out += heading(fmt::format("Your answers, {}", terminal_safe(when_taken(record))), style);
  out += rating_rows(record, style);
  out += "\n" + stand_out_part(record, items, style);
  if (!style.note_first) out += "\n" + note;
  return out;
}

std::string render_items_table(std::span<const ChecklistItem> items, std::size_t table, bool color) {
  if (table > 0) {
    // The sign leads the statement: as a column of its own it would leave
    // the statement too little room on a narrow terminal.
    std::vector<std::string> texts;
    for (const ChecklistItem& item : items) texts.push_back(fmt::format("{}: {}", item.sign, item.statement));
    std::vector<TableRow> rows;
    for (std::size_t i = 0; i < items.size(); ++i) {
      rows.push_back({{std::to_string(i + 1), std::string(items[i].id)}, texts[i]});
    }
    static constexpr fmt::text_style key_styles[] = {{}, fmt::fg(fmt::terminal_color::magenta)};
    return aligned_table(rows, {table, color, key_styles});
  }
  std::string out;
  for (const ChecklistItem& item : items) out += fmt::format("{}\t{}\t{}\n", item.id, item.sign, item.statement);
  return out;
}

std::string sparkline(std::span<const std::optional<int>> values) {
  static constexpr std::string_view steps[] = {"▁", "▂", "▄", "▆", "█"};
  std::string out;
  for (const std::optional<int>& value : values) {
    out += value && *value >= lowest_rating && *value <= highest_rating ? steps[*value - lowest_rating] : "·";
  }
  return out;
}

std::string render_history_text(std::span<const CheckRecord> records, const CheckStyle& style) {
  if (records.empty()) return "";
  const HistoryColumns columns = history_columns(records);
  std::string out = history_table(records, columns, style);
  if (style.graphics) out += sparklines(records, columns, style);
  return out;
}

}  // namespace aa
