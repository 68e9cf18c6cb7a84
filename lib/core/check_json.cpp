#include "aa/check_json.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "aa/answers.hpp"
#include "aa/date.hpp"
#include "aa/error.hpp"
#include "aa/json.hpp"

namespace aa {
namespace {

nlohmann::ordered_json record_value(const CheckRecord& record) {
  nlohmann::ordered_json answers = nlohmann::ordered_json::array();
  for (const Rating& rating : record.answers) {
    answers.push_back({{"id", rating.id}, {"sign", rating.sign}, {"value", rating.value}});
  }
  return {{"date", record.date},           {"answers", answers},           {"total", record.total}, {"max", record.max},
          {"stand_out", record.stand_out}, {"read_next", record.read_next}};
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

std::string check_json(const CheckRecord& record) { return dump_json(record_value(record)); }

std::string check_json_line(const CheckRecord& record) { return dump_json_line(record_value(record)); }

std::string history_json(std::span<const CheckRecord> records) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const CheckRecord& record : records) array.push_back(record_value(record));
  return dump_json(array);
}

std::string forget_json(bool deleted, std::string_view file) {
  nlohmann::ordered_json value = nlohmann::ordered_json::object();
  value["deleted"] = deleted;
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

CheckRecord parse_check_json(std::string_view text) {
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    reject(fmt::format("not valid JSON (at byte {})", error.byte));
  } catch (const nlohmann::json::exception&) {
    reject("not valid JSON");  // a number too large for any type, for one
  }
  if (!value.is_object()) reject("not a JSON object");
  CheckRecord record;
  record.date = string_member(value, "date");
  if (!parse_iso_date(record.date)) reject("'date' is not a date as YYYY-MM-DD");
  const nlohmann::json& answers = member(value, "answers");
  if (!answers.is_array() || answers.empty()) reject("'answers' is not a list of answers");
  for (std::size_t i = 0; i < answers.size(); ++i) record.answers.push_back(rating_from(answers[i], i));
  record.total = whole_number_member(value, "total", 0, 1'000'000);
  record.max = whole_number_member(value, "max", 0, 1'000'000);
  record.stand_out = strings_member(value, "stand_out");
  record.read_next = strings_member(value, "read_next");
  return record;
}

}  // namespace aa
