// SPDX-License-Identifier: MIT
// Saved results read back: a line of the history, or the records of an
// export.
//
// `aa-check --history` reads every line of the history each time, and a
// history grows by one line a day, so a line is not built into a JSON
// document (a tree of maps and strings, most of it thrown away at once).
// A SAX reader reports the line token by token (PlainJsonReader for the
// plain JSON we write, nlohmann-json's parser for anything else), and
// RecordCapture keeps only what a record is made of: each member the checks
// look at, with its JSON type, and its value when that is text or a whole
// number. Everything else is passed over. The JSON rules stay nlohmann's
// own (the same parser reports the same errors), and a member named twice
// keeps its last value, as the parser's documents do. The checks below
// then run on the captured members in a fixed order, so the first problem
// named is the same whatever order the members come in.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "aa/content/text.hpp"
#include "aa/core/answers.hpp"
#include "aa/core/check_json.hpp"
#include "aa/core/date.hpp"
#include "aa/core/json_members.hpp"
#include "aa/core/plain_json.hpp"
#include "aa/io/error.hpp"

namespace aa {
namespace {

[[noreturn]] void reject(const std::string& why) { throw Error(Problem::data, why); }

using Kind = JsonKind;
using Captured = JsonMember;  // one member as the checks need it

struct CapturedAnswer {
  Kind kind = Kind::missing;
  Captured id, sign, value;
};

struct CapturedAnswers {
  Kind kind = Kind::missing;
  std::vector<CapturedAnswer> items;
};

// A list of text: stand_out or read_next.
struct CapturedTexts {
  Kind kind = Kind::missing;
  std::vector<std::string> items;
  bool only_text = true;
};

struct CapturedRecord {
  Kind kind = Kind::missing;
  Captured id, date, time, total, max, note;
  CapturedAnswers answers;
  CapturedTexts stand_out, read_next;
};

// What is wrong with text that is not JSON, worded as nlohmann's document
// parser's errors were: the byte for a syntax error, nothing more for a
// number too large for any type.
template <typename Exception>
std::string invalid_json(const Exception& error) {
  if constexpr (std::is_same_v<Exception, nlohmann::json::parse_error>) {
    return fmt::format("not valid JSON (at byte {})", error.byte);
  } else {
    return "not valid JSON";
  }
}

// The SAX handler (nlohmann::json::sax_parse) that fills a CapturedRecord.
class RecordCapture {
 public:
  explicit RecordCapture(CapturedRecord& record) : record_(record) {}

  bool null() { return scalar(Kind::null); }
  bool boolean(bool) { return scalar(Kind::boolean); }
  bool number_float(double, const std::string&) { return scalar(Kind::floating); }
  bool binary(nlohmann::json::binary_t&) { return scalar(Kind::binary); }  // never in JSON text
  bool number_integer(std::int64_t value) {
    if (Captured* slot = scalar_slot(Kind::integer)) slot->integer = value;
    return true;
  }
  bool number_unsigned(std::uint64_t value) {
    if (Captured* slot = scalar_slot(Kind::natural)) slot->natural = value;
    return true;
  }
  // nlohmann's parser gives a string of its own to take; PlainJsonReader
  // a view of the line.
  bool string(std::string& value) { return text(std::move(value)); }
  bool string(std::string_view value) {
    if (skipped_ > 0) return true;
    return text(std::string(value));
  }
  bool start_object(std::size_t) { return open(Kind::object); }
  bool start_array(std::size_t) { return open(Kind::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& name) { return key(std::string_view(name)); }
  bool key(std::string_view name) {
    if (skipped_ > 0) return true;
    if (where_.back() == Where::record) member_ = record_member(name);
    if (where_.back() == Where::answer) answer_member_ = answer_member(name);
    return true;
  }
  template <typename Exception>
  bool parse_error(std::size_t, const std::string&, const Exception& error) {
    problem_ = invalid_json(error);
    return false;
  }

  const std::string& problem() const { return problem_; }

 private:
  // The container the next value is in.
  enum class Where { top, record, answers, answer, texts };
  enum class Member { other, id, date, time, answers, total, max, stand_out, read_next, note };

  static Member record_member(std::string_view name) {
    static constexpr std::pair<std::string_view, Member> members[] = {{"id", Member::id},
                                                                      {"date", Member::date},
                                                                      {"time", Member::time},
                                                                      {"answers", Member::answers},
                                                                      {"total", Member::total},
                                                                      {"max", Member::max},
                                                                      {"stand_out", Member::stand_out},
                                                                      {"read_next", Member::read_next},
                                                                      {"note", Member::note}};
    for (const auto& [known, member] : members) {
      if (name.size() == known.size() && name == known) return member;
    }
    return Member::other;
  }

  bool text(std::string&& value) {
    if (skipped_ == 0 && where_.back() == Where::texts) {
      texts_->items.push_back(std::move(value));
    } else if (Captured* slot = scalar_slot(Kind::string)) {
      slot->text = std::move(value);
    }
    return true;
  }

  Captured* answer_member(std::string_view name) {
    CapturedAnswer& answer = record_.answers.items.back();
    if (name == "id") return &answer.id;
    if (name == "sign") return &answer.sign;
    if (name == "value") return &answer.value;
    return nullptr;
  }

  Captured* record_scalar(Member member) {
    switch (member) {
      case Member::id: return &record_.id;
      case Member::date: return &record_.date;
      case Member::time: return &record_.time;
      case Member::total: return &record_.total;
      case Member::max: return &record_.max;
      case Member::note: return &record_.note;
      default: return nullptr;
    }
  }

  CapturedTexts* record_texts(Member member) {
    if (member == Member::stand_out) return &record_.stand_out;
    if (member == Member::read_next) return &record_.read_next;
    return nullptr;
  }

  // Notes a value of `kind` where it stands, replacing what an earlier
  // member of the same name said; returns the member to hold its text or
  // number, if it is one the checks read.
  Captured* take(Kind kind) {
    Captured* slot = nullptr;
    switch (where_.back()) {
      case Where::top: record_.kind = kind; break;
      case Where::record:
        if (member_ == Member::answers) {
          record_.answers = {kind, {}};
        } else if (CapturedTexts* texts = record_texts(member_)) {
          *texts = {kind, {}, true};
        } else {
          slot = record_scalar(member_);
        }
        break;
      case Where::answers: record_.answers.items.push_back({kind, {}, {}, {}}); break;
      case Where::answer: slot = answer_member_; break;
      case Where::texts: texts_->only_text = false; break;  // text itself is kept by string()
    }
    if (slot) *slot = {kind, {}, 0, 0};
    return slot;
  }

  Captured* scalar_slot(Kind kind) { return skipped_ > 0 ? nullptr : take(kind); }
  bool scalar(Kind kind) {
    scalar_slot(kind);
    return true;
  }

  bool open(Kind kind) {
    if (skipped_ > 0) {
      ++skipped_;
      return true;
    }
    const Where where = where_.back();
    take(kind);
    if (where == Where::top && kind == Kind::object) {
      where_.push_back(Where::record);
      member_ = Member::other;
    } else if (where == Where::record && kind == Kind::array && member_ == Member::answers) {
      record_.answers.items.reserve(8);  // a checklist's worth, without growing
      where_.push_back(Where::answers);
    } else if (where == Where::record && kind == Kind::array && record_texts(member_)) {
      texts_ = record_texts(member_);
      where_.push_back(Where::texts);
    } else if (where == Where::answers && kind == Kind::object) {
      answer_member_ = nullptr;
      where_.push_back(Where::answer);
    } else {
      skipped_ = 1;  // nothing in it is read
    }
    return true;
  }

  bool close() {
    if (skipped_ > 0) {
      --skipped_;
    } else {
      where_.pop_back();
    }
    return true;
  }

  CapturedRecord& record_;
  std::vector<Where> where_{Where::top};
  std::size_t skipped_ = 0;  // how deep in a container that is passed over
  Member member_ = Member::other;
  Captured* answer_member_ = nullptr;
  CapturedTexts* texts_ = nullptr;
  std::string problem_;
};

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

// The SAX handler for an export: {"results": [record, ...], ...}, or a bare
// list of records as versions before the summary wrote. Each record is
// captured by a RecordCapture, as a line of the history is; everything
// else is passed over. As in a document, a "results" named twice counts
// once, the last time.
class ExportCapture {
 public:
  explicit ExportCapture(ReadPosition& position) : position_(position) {}

  bool null() {
    return value(Kind::null, [](RecordCapture& record) { return record.null(); });
  }
  bool boolean(bool yes) {
    return value(Kind::boolean, [&](RecordCapture& record) { return record.boolean(yes); });
  }
  bool number_integer(std::int64_t number) {
    return value(Kind::integer, [&](RecordCapture& record) { return record.number_integer(number); });
  }
  bool number_unsigned(std::uint64_t number) {
    return value(Kind::natural, [&](RecordCapture& record) { return record.number_unsigned(number); });
  }
  bool number_float(double number, const std::string& text) {
    return value(Kind::floating, [&](RecordCapture& record) { return record.number_float(number, text); });
  }
  bool string(std::string& text) {
    return value(Kind::string, [&](RecordCapture& record) { return record.string(text); });
  }
  bool binary(nlohmann::json::binary_t& bytes) {
    return value(Kind::binary, [&](RecordCapture& record) { return record.binary(bytes); });
  }
  bool key(std::string& name) {
    if (record_) return record_->key(name);
    results_next_ = skipped_ == 0 && depth_ == 1 && list_depth_ != 1 && name == "results";
    return true;
  }
  bool start_object(std::size_t size) {
    return open(Kind::object, [&](RecordCapture& record) { return record.start_object(size); });
  }
  bool start_array(std::size_t size) {
    return open(Kind::array, [&](RecordCapture& record) { return record.start_array(size); });
  }
  bool end_object() {
    return close([](RecordCapture& record) { return record.end_object(); });
  }
  bool end_array() {
    return close([](RecordCapture& record) { return record.end_array(); });
  }
  template <typename Exception>
  bool parse_error(std::size_t, const std::string&, const Exception& error) {
    problem_ = invalid_json(error);
    return false;
  }

  const std::string& problem() const { return problem_; }
  // The type of what should be the list of records: the "results" member,
  // or else the document itself.
  Kind list_kind() const { return list_kind_; }
  std::vector<CapturedRecord>& records() { return records_; }
  const std::vector<std::size_t>& lines() const { return lines_; }

 private:
  // A value outside any record: it may start one, or be the list.
  template <typename Event>
  bool value(Kind kind, Event event) {
    if (record_) {
      event(*record_);
      return record_depth_ > 0 || finish_record();
    }
    if (skipped_ > 0) return true;
    if (depth_ == list_depth_ && list_depth_ > 0) {
      start_record();
      event(*record_);
      return finish_record();  // a record that is not an object: the checks say so
    }
    if (depth_ == 0 || results_next_) take_list(kind);
    return true;
  }

  template <typename Event>
  bool open(Kind kind, Event event) {
    if (!record_ && skipped_ == 0 && depth_ == list_depth_ && list_depth_ > 0) start_record();
    if (record_) {
      ++record_depth_;
      return event(*record_);
    }
    if (skipped_ > 0) {
      ++skipped_;
      return true;
    }
    const bool list = depth_ == 0 || results_next_;
    if (list) take_list(kind);
    ++depth_;
    if (list && kind == Kind::array) {
      list_depth_ = depth_;
    } else if (depth_ > 1) {
      skipped_ = 1;  // a member other than the list, or a list that is not one: passed over
      --depth_;
    }
    return true;
  }

  template <typename Event>
  bool close(Event event) {
    if (record_) {
      event(*record_);
      return --record_depth_ > 0 || finish_record();
    }
    if (skipped_ > 0) {
      --skipped_;
      return true;
    }
    if (depth_ == list_depth_) list_depth_ = 0;
    --depth_;
    return true;
  }

  void take_list(Kind kind) {
    list_kind_ = kind;
    records_.clear();
    lines_.clear();
    results_next_ = false;
  }

  void start_record() {
    lines_.push_back(position_.line());
    current_ = {};
    record_.emplace(current_);
    record_depth_ = 0;
  }

  bool finish_record() {
    records_.push_back(std::move(current_));
    record_.reset();
    return true;
  }

  std::size_t depth_ = 0;       // the containers open around the next value, records and passed-over ones aside
  std::size_t list_depth_ = 0;  // depth_ inside the list of records; 0 outside it
  std::size_t skipped_ = 0;     // how deep in a container that is passed over
  bool results_next_ = false;   // the next value is the document's "results"
  Kind list_kind_ = Kind::missing;
  ReadPosition& position_;
  std::vector<CapturedRecord> records_;
  std::vector<std::size_t> lines_;  // the line each record starts on
  CapturedRecord current_;
  std::optional<RecordCapture> record_;  // capturing current_
  std::size_t record_depth_ = 0;         // the containers open within it
  std::string problem_;
};

const Captured& present(const Captured& value, const char* key) {
  if (value.kind == Kind::missing) reject(fmt::format("'{}' is missing", key));
  return value;
}

std::string text_member(Captured& value, const char* key) {
  if (present(value, key).kind != Kind::string) reject(fmt::format("'{}' is not a string", key));
  return std::move(value.text);
}

int whole_number_member(const Captured& value, const char* key, std::int64_t low, std::int64_t high) {
  const Kind kind = present(value, key).kind;
  if (kind != Kind::integer && kind != Kind::natural) reject(fmt::format("'{}' is not a whole number", key));
  // Compare in the type the value was read as: a huge unsigned must not wrap.
  if (kind == Kind::natural ? value.natural > static_cast<std::uint64_t>(high)
                            : (value.integer < low || value.integer > high)) {
    reject(fmt::format("'{}' is not from {} to {}", key, low, high));
  }
  return static_cast<int>(kind == Kind::natural ? static_cast<std::int64_t>(value.natural) : value.integer);
}

std::vector<std::string> texts_member(CapturedTexts& value, const char* key) {
  if (value.kind == Kind::missing) reject(fmt::format("'{}' is missing", key));
  if (value.kind != Kind::array) reject(fmt::format("'{}' is not a list", key));
  if (!value.only_text) reject(fmt::format("'{}' holds something other than text", key));
  return std::move(value.items);
}

// The text of an optional member: "" when it is missing or null.
std::string optional_text_member(Captured& value, const char* key) {
  if (value.kind == Kind::missing || value.kind == Kind::null) return "";
  return text_member(value, key);
}

Rating rating_from(CapturedAnswer& answer, std::size_t index) {
  if (answer.kind != Kind::object) reject(fmt::format("answer {} is not an object", index + 1));
  try {
    return {text_member(answer.id, "id"), text_member(answer.sign, "sign"),
            whole_number_member(answer.value, "value", lowest_rating, highest_rating)};
  } catch (const Error& error) {
    reject(fmt::format("answer {}: {}", index + 1, error.what()));
  }
}

CheckRecord record_from(CapturedRecord& value) {
  if (value.kind != Kind::object) reject("not a JSON object");
  CheckRecord record;
  record.id = optional_text_member(value.id, "id");
  if (!record.id.empty() && !is_record_id(record.id)) reject("'id' is not 8 hexadecimal digits (0-9, a-f)");
  record.date = text_member(value.date, "date");
  if (!parse_iso_date(record.date)) reject("'date' is not a date as YYYY-MM-DD");
  record.time = optional_text_member(value.time, "time");
  if (!record.time.empty()) {
    if (!parse_local_time(record.time)) reject("'time' is not a local time as YYYY-MM-DDTHH:MM:SS+HH:MM");
    if (!record.time.starts_with(record.date)) reject("'time' is not on the day 'date' says");
  }
  if (value.answers.kind == Kind::missing) reject("'answers' is missing");
  if (value.answers.kind != Kind::array || value.answers.items.empty()) reject("'answers' is not a list of answers");
  record.answers.reserve(value.answers.items.size());
  for (std::size_t i = 0; i < value.answers.items.size(); ++i) {
    record.answers.push_back(rating_from(value.answers.items[i], i));
  }
  record.total = whole_number_member(value.total, "total", 0, 1'000'000);
  record.max = whole_number_member(value.max, "max", 0, 1'000'000);
  record.stand_out = texts_member(value.stand_out, "stand_out");
  record.read_next = texts_member(value.read_next, "read_next");
  record.note = optional_text_member(value.note, "note");
  if (record.note.size() > note_limit) reject(fmt::format("'note' is longer than {} bytes", note_limit));
  if (!is_valid_utf8(record.note)) reject("'note' is not valid UTF-8");
  return record;
}

}  // namespace

CheckRecord parse_check_json(std::string_view text) {
  CapturedRecord captured;
  RecordCapture quick(captured);
  if (!PlainJsonReader(text, quick).read()) {
    // Not JSON as we write it: nlohmann's parser reads it, and words what is wrong.
    captured = {};
    RecordCapture capture(captured);
    if (!nlohmann::json::sax_parse(text, &capture)) reject(capture.problem());
  }
  return record_from(captured);
}

ExportedResults parse_history_json(std::string_view text) {
  ReadPosition position(text);
  ExportCapture capture(position);
  if (!nlohmann::json::sax_parse(position.begin(), position.end(), &capture)) {
    reject(fmt::format("line {}: {}", position.line(), capture.problem()));
  }
  if (capture.list_kind() != Kind::array) reject("not saved results as 'aa-check --history --format json' writes them");
  ExportedResults results;
  results.records.reserve(capture.records().size());
  results.lines = capture.lines();
  for (std::size_t i = 0; i < capture.records().size(); ++i) {
    try {
      results.records.push_back(record_from(capture.records()[i]));
    } catch (const Error& error) {
      reject(fmt::format("line {}: result {}: {}", results.lines[i], i + 1, error.what()));
    }
  }
  return results;
}

}  // namespace aa
