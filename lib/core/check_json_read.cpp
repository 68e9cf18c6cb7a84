// SPDX-License-Identifier: MIT
// Saved results read back: a line of the history, or the records of an
// export. nlohmann-json parses the text; the checks below then run on the
// document in a fixed order, so the first problem named is the same
// whatever order the members come in.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "aa/content/text.hpp"
#include "aa/core/answers.hpp"
#include "aa/core/check_json.hpp"
#include "aa/core/date.hpp"
#include "aa/io/error.hpp"

namespace aa {
namespace {

using Json = nlohmann::json;

[[noreturn]] void reject(const std::string& why) { throw Error(Problem::data, why); }

Json& member(Json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) reject(fmt::format("'{}' is missing", key));
  return *found;
}

std::string text_member(Json& object, const char* key) {
  Json& value = member(object, key);
  if (!value.is_string()) reject(fmt::format("'{}' is not a string", key));
  return std::move(value.get_ref<std::string&>());
}

int whole_number_member(Json& object, const char* key, std::int64_t low, std::int64_t high) {
  const Json& value = member(object, key);
  if (!value.is_number_integer()) reject(fmt::format("'{}' is not a whole number", key));
  // Compare in the type the value was read as: a huge unsigned must not wrap.
  if (value.is_number_unsigned() ? value.get<std::uint64_t>() > static_cast<std::uint64_t>(high)
                                 : (value.get<std::int64_t>() < low || value.get<std::int64_t>() > high)) {
    reject(fmt::format("'{}' is not from {} to {}", key, low, high));
  }
  return static_cast<int>(value.get<std::int64_t>());
}

std::vector<std::string> texts_member(Json& object, const char* key) {
  Json& value = member(object, key);
  if (!value.is_array()) reject(fmt::format("'{}' is not a list", key));
  std::vector<std::string> texts;
  texts.reserve(value.size());
  for (Json& element : value) {
    if (!element.is_string()) reject(fmt::format("'{}' holds something other than text", key));
    texts.push_back(std::move(element.get_ref<std::string&>()));
  }
  return texts;
}

// The text of an optional member: "" when it is missing or null.
std::string optional_text_member(Json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return "";
  return text_member(object, key);
}

Rating rating_from(Json& answer, std::size_t index) {
  if (!answer.is_object()) reject(fmt::format("answer {} is not an object", index + 1));
  try {
    // null: the statement did not apply.
    const bool left_out = member(answer, "value").is_null();
    return {text_member(answer, "id"), text_member(answer, "sign"),
            left_out ? does_not_apply : whole_number_member(answer, "value", lowest_rating, highest_rating)};
  } catch (const Error& error) {
    reject(fmt::format("answer {}: {}", index + 1, error.what()));
  }
}

CheckRecord record_from(Json& value) {
  if (!value.is_object()) reject("not a JSON object");
  CheckRecord record;
  record.id = optional_text_member(value, "id");
  if (!record.id.empty() && !is_record_id(record.id)) reject("'id' is not 8 hexadecimal digits (0-9, a-f)");
  record.date = text_member(value, "date");
  if (!parse_iso_date(record.date)) reject("'date' is not a date as YYYY-MM-DD");
  record.time = optional_text_member(value, "time");
  if (!record.time.empty()) {
    if (!parse_local_time(record.time)) reject("'time' is not a local time as YYYY-MM-DDTHH:MM:SS+HH:MM");
    if (!record.time.starts_with(record.date)) reject("'time' is not on the day 'date' says");
  }
  Json& answers = member(value, "answers");
  if (!answers.is_array() || answers.empty()) reject("'answers' is not a list of answers");
  record.answers.reserve(answers.size());
  for (std::size_t i = 0; i < answers.size(); ++i) record.answers.push_back(rating_from(answers[i], i));
  record.total = whole_number_member(value, "total", 0, 1'000'000);
  record.max = whole_number_member(value, "max", 0, 1'000'000);
  record.stand_out = texts_member(value, "stand_out");
  record.read_next = texts_member(value, "read_next");
  record.note = optional_text_member(value, "note");
  if (record.note.size() > note_limit) reject(fmt::format("'note' is longer than {} bytes", note_limit));
  if (!is_valid_utf8(record.note)) reject("'note' is not valid UTF-8");
  return record;
}

// The document Json::parse(arguments...) reads; Error(Problem::data)
// worded as the parser's error otherwise: the byte for a syntax error,
// nothing more for a number too large for any type.
template <typename... Arguments>
Json parsed(Arguments&&... arguments) {
  try {
    return Json::parse(std::forward<Arguments>(arguments)...);
  } catch (const Json::parse_error& error) {
    reject(fmt::format("not valid JSON (at byte {})", error.byte));
  } catch (const Json::exception&) {
    reject("not valid JSON");
  }
}

// Where the parser of an export is, as a line number: an iterator over the
// text notes each byte the parser reads, so that a record can be named by
// the line it starts on. Lines are counted on from the last question
// asked, so naming every record of a long export stays linear.
class ReadPosition {
 public:
  explicit ReadPosition(std::string_view text) : text_(text) {}

  struct Iterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;
    std::size_t at;
    ReadPosition* position;
    reference operator*() const {
      position->read_ = at;
      return position->text_[at];
    }
    Iterator& operator++() {
      ++at;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++at;
      return before;
    }
    bool operator==(const Iterator& other) const { return at == other.at; }
  };
  Iterator begin() { return {0, this}; }
  Iterator end() { return {text_.size(), this}; }

  // The line (from 1) of the last byte read that is not white space: the
  // parser reads one byte past a number, which may be a newline.
  std::size_t line() {
    std::size_t at = std::min(read_, text_.size());
    while (at > 0 && at < text_.size() && std::string_view(" \t\r\n").find(text_[at]) != std::string_view::npos) --at;
    if (at < counted_) return line_;  // still where it was asked last
    line_ += static_cast<std::size_t>(std::count(text_.begin() + counted_, text_.begin() + at, '\n'));
    counted_ = at;
    return line_;
  }

 private:
  std::string_view text_;
  std::size_t read_ = 0;     // the last byte read
  std::size_t counted_ = 0;  // newlines before this byte are in line_
  std::size_t line_ = 1;
};

}  // namespace

CheckRecord parse_check_json(std::string_view text) {
  Json value = parsed(text);
  return record_from(value);
}

std::optional<ExportedResults> parse_history_json(std::string_view text) {
  // The list is the document's "results" (the last, when it is named twice,
  // as in the document), or the document itself, as versions before the
  // summary wrote it. Each record is read as soon as the parser has it,
  // and left out of the document, which stays small whatever the export.
  ExportedResults results;
  std::string problem;  // the first record that is not one
  bool bare = false, in_results = false;
  ReadPosition position(text);
  const auto each = [&](int depth, Json::parse_event_t event, Json& node) {
    using Event = Json::parse_event_t;
    if (depth == 0 && event == Event::array_start) bare = true;
    if (depth == 1 && event == Event::key && !bare) {
      in_results = node == "results";
      if (in_results) {
        results = {};
        problem.clear();
      }
    }
    if (depth != (bare ? 1 : 2) || !(bare || in_results) || event == Event::key) return true;
    const bool starts = event == Event::object_start || event == Event::array_start;
    if (starts || event == Event::value) results.lines.push_back(position.line());
    if (starts) return true;
    // A whole record.
    if (problem.empty()) {
      try {
        results.records.push_back(record_from(node));
      } catch (const Error& error) {
        problem = fmt::format("line {}: result {}: {}", results.lines.back(), results.lines.size(), error.what());
      }
    }
    return false;
  };
  Json document;
  try {
    document = parsed(position.begin(), position.end(), each);
  } catch (const Error& error) {
    reject(fmt::format("line {}: {}", position.line(), error.what()));
  }
  const auto list = document.is_object() ? document.find("results") : document.end();
  if (!(document.is_array() || (list != document.end() && list->is_array()))) return std::nullopt;
  if (!problem.empty()) reject(problem);
  return results;
}

}  // namespace aa
