// SPDX-License-Identifier: MIT
#include "aa/check_json.hpp"

#include <cmath>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "aa/answers.hpp"
#include "aa/date.hpp"
#include "aa/error.hpp"
#include "aa/json.hpp"
#include "aa/text.hpp"

namespace aa {
namespace {

nlohmann::ordered_json record_value(const CheckRecord& record) {
  nlohmann::ordered_json answers = nlohmann::ordered_json::array();
  for (const Rating& rating : record.answers) {
    answers.push_back({{"id", rating.id}, {"sign", rating.sign}, {"value", rating.value}});
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

[[noreturn]] void reject(const std::string& why) { throw Error(Problem::data, why); }

const nlohmann::json& member(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) reject(fmt::format("'{}' is missing", key));
  return *found;
}

std::string string_member(const nlohmann::json& object, const char* key) {
  const nlohmann::json& value = member(object, key);
  if (!value.is_string()) reject(fmt::format("'{}' is not a string", key));
  return value.get<std::string>();
}

int whole_number_member(const nlohmann::json& object, const char* key, std::int64_t low, std::int64_t high) {
  const nlohmann::json& value = member(object, key);
  if (!value.is_number_integer()) reject(fmt::format("'{}' is not a whole number", key));
  // Compare in the type the value was read as: a huge unsigned must not wrap.
  if (value.is_number_unsigned() ? value.get<std::uint64_t>() > static_cast<std::uint64_t>(high)
                                 : (value.get<std::int64_t>() < low || value.get<std::int64_t>() > high)) {
    reject(fmt::format("'{}' is not from {} to {}", key, low, high));
  }
  return static_cast<int>(value.get<std::int64_t>());
}

std::vector<std::string> strings_member(const nlohmann::json& object, const char* key) {
  const nlohmann::json& value = member(object, key);
  if (!value.is_array()) reject(fmt::format("'{}' is not a list", key));
  std::vector<std::string> out;
  for (const nlohmann::json& element : value) {
    if (!element.is_string()) reject(fmt::format("'{}' holds something other than text", key));
    out.push_back(element.get<std::string>());
  }
  return out;
}

// The text of an optional member: "" when it is missing or null.
std::string optional_string_member(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return "";
  if (!found->is_string()) reject(fmt::format("'{}' is not a string", key));
  return found->get<std::string>();
}

Rating rating_from(const nlohmann::json& value, std::size_t index) {
  if (!value.is_object()) reject(fmt::format("answer {} is not an object", index + 1));
  try {
    return {string_member(value, "id"), string_member(value, "sign"),
            whole_number_member(value, "value", lowest_rating, highest_rating)};
  } catch (const Error& error) {
    reject(fmt::format("answer {}: {}", index + 1, error.what()));
  }
}

}  // namespace

bool is_record_id(std::string_view text) {
  return text.size() == 8 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string check_json(const CheckRecord& record) { return dump_json(record_value(record)); }

std::string check_json_line(const CheckRecord& record) { return dump_json_line(record_value(record)); }

std::string history_json(std::span<const CheckRecord> records, const HistorySummary& summary) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const CheckRecord& record : records) array.push_back(record_value(record));
  const auto or_null = [](const std::optional<int>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json();
  };
  nlohmann::ordered_json signs = nlohmann::ordered_json::array();
  for (const SignSummary& sign : summary.signs) {
    nlohmann::ordered_json each = nlohmann::ordered_json::object();
    each["id"] = sign.id;
    each["sign"] = sign.sign;
    // One decimal, as the text shows it: 2.3333333 says no more than 2.3.
    each["average"] = std::round(sign.average * 10) / 10;
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
  nlohmann::ordered_json document = nlohmann::ordered_json::object();
  document["results"] = std::move(array);
  document["summary"] = std::move(summary_value);
  return dump_json(document);
}

std::string forget_json(bool deleted, std::string_view file) {
  nlohmann::ordered_json value = nlohmann::ordered_json::object();
  value["deleted"] = deleted;
  value["file"] = std::string(file);
  return dump_json(value);
}

std::string delete_json(std::string_view id, std::string_view file) {
  nlohmann::ordered_json value = nlohmann::ordered_json::object();
  value["deleted"] = std::string(id);
  value["file"] = std::string(file);
  return dump_json(value);
}

std::string import_json(std::size_t imported, std::size_t skipped, std::string_view file) {
  nlohmann::ordered_json value = nlohmann::ordered_json::object();
  value["imported"] = imported;
  value["skipped"] = skipped;
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

namespace {

nlohmann::json parse_json(std::string_view text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    reject(fmt::format("not valid JSON (at byte {})", error.byte));
  } catch (const nlohmann::json::exception&) {
    reject("not valid JSON");  // a number too large for any type, for one
  }
}

CheckRecord record_from(const nlohmann::json& value) {
  if (!value.is_object()) reject("not a JSON object");
  CheckRecord record;
  record.id = optional_string_member(value, "id");
  if (!record.id.empty() && !is_record_id(record.id)) reject("'id' is not 8 hexadecimal digits (0-9, a-f)");
  record.date = string_member(value, "date");
  if (!parse_iso_date(record.date)) reject("'date' is not a date as YYYY-MM-DD");
  record.time = optional_string_member(value, "time");
  if (!record.time.empty()) {
    if (!parse_local_time(record.time)) reject("'time' is not a local time as YYYY-MM-DDTHH:MM:SS+HH:MM");
    if (!record.time.starts_with(record.date)) reject("'time' is not on the day 'date' says");
  }
  const nlohmann::json& answers = member(value, "answers");
  if (!answers.is_array() || answers.empty()) reject("'answers' is not a list of answers");
  for (std::size_t i = 0; i < answers.size(); ++i) record.answers.push_back(rating_from(answers[i], i));
  record.total = whole_number_member(value, "total", 0, 1'000'000);
  record.max = whole_number_member(value, "max", 0, 1'000'000);
  record.stand_out = strings_member(value, "stand_out");
  record.read_next = strings_member(value, "read_next");
  record.note = optional_string_member(value, "note");
  if (record.note.size() > note_limit) reject(fmt::format("'note' is longer than {} bytes", note_limit));
  if (!is_valid_utf8(record.note)) reject("'note' is not valid UTF-8");
  return record;
}

}  // namespace

CheckRecord parse_check_json(std::string_view text) { return record_from(parse_json(text)); }

std::vector<CheckRecord> parse_history_json(std::string_view text) {
  const nlohmann::json document = parse_json(text);
  const auto results = document.is_object() ? document.find("results") : document.end();
  const nlohmann::json& value = results != document.end() ? *results : document;
  if (!value.is_array()) reject("not saved results as 'aa-check --history --format json' writes them");
  std::vector<CheckRecord> records;
  records.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    try {
      records.push_back(record_from(value[i]));
    } catch (const Error& error) {
      reject(fmt::format("result {}: {}", i + 1, error.what()));
    }
  }
  return records;
}

}  // namespace aa
