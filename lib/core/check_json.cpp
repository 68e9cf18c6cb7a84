// SPDX-License-Identifier: MIT
#include "aa/core/check_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "aa/core/json.hpp"

namespace aa {
namespace {

nlohmann::ordered_json record_value(const CheckRecord& record) {
  nlohmann::ordered_json answers = nlohmann::ordered_json::array();
  for (const Rating& rating : record.answers) {
    // A statement that did not apply has a null value.
    answers.push_back(
        {{"id", rating.id},
         {"sign", rating.sign},
         {"value", applies(rating.value) ? nlohmann::ordered_json(rating.value) : nlohmann::ordered_json()}});
  }
  // Absent values are null rather than missing: every record has the same keys.
  const auto or_null = [](const std::string& text) {
    return text.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(text);
  };
  nlohmann::ordered_json value = nlohmann::ordered_json::object();
  value["id"] = or_null(record.id);
  value["date"] = record.date;
  value["time"] = or_null(record.time);
  value["answers"] = std::move(answers);
  value["total"] = record.total;
  value["max"] = record.max;
  value["stand_out"] = record.stand_out;
  value["read_next"] = record.read_next;
  value["note"] = or_null(record.note);
  return value;
}

// An indented document, without its final newline, as a member of an
// object: each of its lines after the first one level further in.
std::string one_level_in(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t at = 0; at + 1 < text.size(); ++at) {
    out += text[at];
    if (text[at] == '\n') out += "  ";
  }
  return out;
}

}  // namespace

bool is_record_id(std::string_view text) {
  return text.size() == 8 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string check_json(const CheckRecord& record) { return dump_json(record_value(record)); }

std::string check_json_line(const CheckRecord& record) { return dump_json_line(record_value(record)); }

std::string history_json(std::span<const CheckRecord> records, const HistorySummary& summary) {
  const auto or_null = [](const std::optional<int>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json();
  };
  nlohmann::ordered_json signs = nlohmann::ordered_json::array();
  for (const SignSummary& sign : summary.signs) {
    nlohmann::ordered_json each = nlohmann::ordered_json::object();
    each["id"] = sign.id;
    each["sign"] = sign.sign;
    // One decimal, as the text shows it: 2.3333333 says no more than 2.3.
    each["average"] =
        sign.average ? nlohmann::ordered_json(std::round(*sign.average * 10) / 10) : nlohmann::ordered_json();
    each["first"] = or_null(sign.first);
    each["latest"] = or_null(sign.latest);
    signs.push_back(std::move(each));
  }
  nlohmann::ordered_json total;
  if (summary.trend) total = {{"first", summary.first_total}, {"latest", summary.latest_total}};
  nlohmann::ordered_json summary_value = nlohmann::ordered_json::object();
  summary_value["count"] = summary.count;
  summary_value["from"] = summary.count > 0 ? nlohmann::ordered_json(records.front().date) : nlohmann::ordered_json();
  summary_value["to"] = summary.count > 0 ? nlohmann::ordered_json(records.back().date) : nlohmann::ordered_json();
  summary_value["trend"] = summary.trend;
  summary_value["total"] = std::move(total);
  summary_value["signs"] = std::move(signs);
  // {"results": [...], "summary": {...}}, as dump_json() lays it out, with
  // the records made one at a time (dump_json_array).
  const std::string results = dump_json_array(records.size(), [&](std::size_t i) { return record_value(records[i]); });
  return "{\n  \"results\": " + one_level_in(results) + ",\n  \"summary\": " + one_level_in(dump_json(summary_value)) +
         "\n}\n";
}

std::string forget_json(bool deleted, std::string_view file, std::span<const std::string> also_deleted) {
  nlohmann::ordered_json value = nlohmann::ordered_json::object();
  value["deleted"] = deleted;
  value["file"] = std::string(file);
  value["also_deleted"] = std::vector<std::string>(also_deleted.begin(), also_deleted.end());
  return dump_json(value);
}

std::string delete_json(std::string_view id, std::string_view file) {
  nlohmann::ordered_json value = nlohmann::ordered_json::object();
  value["deleted"] = std::string(id);
  value["file"] = std::string(file);
  return dump_json(value);
}

std::string import_json(std::size_t imported, std::size_t skipped, std::size_t duplicates, std::string_view file) {
  nlohmann::ordered_json value = nlohmann::ordered_json::object();
  value["imported"] = imported;
  value["skipped"] = skipped;
  value["duplicates_in_file"] = duplicates;
  value["file"] = std::string(file);
  return dump_json(value);
}

std::string items_json(std::span<const ChecklistItem> items) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const ChecklistItem& item : items) {
    array.push_back({{"id", item.id}, {"sign", item.sign}, {"statement", item.statement}});
  }
  return dump_json(array);
}

}  // namespace aa
