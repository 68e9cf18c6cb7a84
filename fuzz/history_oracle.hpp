// SPDX-License-Identifier: MIT
// The history line reader as it was before it stopped building a JSON
// document per line: nlohmann-json's parse, then the checks on the
// document. history_fuzz.cpp holds the reader of today to it, line by
// line: the same record, or the same words for what is wrong.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "aa/content/text.hpp"
#include "aa/core/answers.hpp"
#include "aa/core/check.hpp"
#include "aa/core/check_json.hpp"
#include "aa/core/date.hpp"

namespace oracle {

struct Rejected {
  std::string why;
};

[[noreturn]] inline void reject(const std::string& why) { throw Rejected{why}; }

inline const nlohmann::json& member(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) reject(fmt::format("'{}' is missing", key));
  return *found;
}

inline std::string string_member(const nlohmann::json& object, const char* key) {
  const nlohmann::json& value = member(object, key);
  if (!value.is_string()) reject(fmt::format("'{}' is not a string", key));
  return value.get<std::string>();
}

inline int whole_number_member(const nlohmann::json& object, const char* key, std::int64_t low, std::int64_t high) {
  const nlohmann::json& value = member(object, key);
  if (!value.is_number_integer()) reject(fmt::format("'{}' is not a whole number", key));
  if (value.is_number_unsigned() ? value.get<std::uint64_t>() > static_cast<std::uint64_t>(high)
                                 : (value.get<std::int64_t>() < low || value.get<std::int64_t>() > high)) {
    reject(fmt::format("'{}' is not from {} to {}", key, low, high));
  }
  return static_cast<int>(value.get<std::int64_t>());
}

inline std::vector<std::string> strings_member(const nlohmann::json& object, const char* key) {
  const nlohmann::json& value = member(object, key);
  if (!value.is_array()) reject(fmt::format("'{}' is not a list", key));
  std::vector<std::string> out;
  for (const nlohmann::json& element : value) {
    if (!element.is_string()) reject(fmt::format("'{}' holds something other than text", key));
    out.push_back(element.get<std::string>());
  }
  return out;
}

inline std::string optional_string_member(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return "";
  if (!found->is_string()) reject(fmt::format("'{}' is not a string", key));
  return found->get<std::string>();
}

inline aa::Rating rating_from(const nlohmann::json& value, std::size_t index) {
  if (!value.is_object()) reject(fmt::format("answer {} is not an object", index + 1));
  try {
    return {string_member(value, "id"), string_member(value, "sign"),
            whole_number_member(value, "value", aa::lowest_rating, aa::highest_rating)};
  } catch (const Rejected& error) {
    reject(fmt::format("answer {}: {}", index + 1, error.why));
  }
}

// The record on `line`, or Rejected with the words the reader used.
inline aa::CheckRecord parse_line(std::string_view line) {
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& error) {
    reject(fmt::format("not valid JSON (at byte {})", error.byte));
  } catch (const nlohmann::json::exception&) {
    reject("not valid JSON");
  }
  if (!value.is_object()) reject("not a JSON object");
  aa::CheckRecord record;
  record.id = optional_string_member(value, "id");
  if (!record.id.empty() && !aa::is_record_id(record.id)) reject("'id' is not 8 hexadecimal digits (0-9, a-f)");
  record.date = string_member(value, "date");
  if (!aa::parse_iso_date(record.date)) reject("'date' is not a date as YYYY-MM-DD");
  record.time = optional_string_member(value, "time");
  if (!record.time.empty()) {
    if (!aa::parse_local_time(record.time)) reject("'time' is not a local time as YYYY-MM-DDTHH:MM:SS+HH:MM");
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
  if (record.note.size() > aa::note_limit) reject(fmt::format("'note' is longer than {} bytes", aa::note_limit));
  if (!aa::is_valid_utf8(record.note)) reject("'note' is not valid UTF-8");
  return record;
}

}  // namespace oracle
