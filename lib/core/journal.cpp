// SPDX-License-Identifier: MIT
#include "aa/core/journal.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "aa/content/text.hpp"
#include "aa/core/date.hpp"
#include "aa/core/json.hpp"
#include "aa/core/json_members.hpp"
#include "aa/core/plain_json.hpp"
#include "aa/io/error.hpp"
#include "aa/io/io.hpp"

namespace aa {
namespace {

[[noreturn]] void reject(const std::string& why) { throw Error(Problem::data, why); }

// The members of a journal line that the checks read (json_members.hpp).
struct JournalLine {
  JsonKind kind = JsonKind::missing;
  JsonMember id, time, prompt, text, retired;
  bool others = false;  // whether it has a member other than "retired"
};

// The SAX handler that fills a JournalLine: the members of the line's
// object, by name; whatever is inside them is passed over. A member named
// twice keeps its last value, as in a JSON document.
class JournalCapture {
 public:
  explicit JournalCapture(JournalLine& line) : line_(line) {}

  bool null() { return scalar(JsonKind::null); }
  bool boolean(bool) { return scalar(JsonKind::boolean); }
  bool number_float(double, const std::string&) { return scalar(JsonKind::floating); }
  bool binary(nlohmann::json::binary_t&) { return scalar(JsonKind::binary); }  // never in JSON text
  bool number_integer(std::int64_t value) {
    if (JsonMember* member = take(JsonKind::integer)) member->integer = value;
    return true;
  }
  bool number_unsigned(std::uint64_t value) {
    if (JsonMember* member = take(JsonKind::natural)) member->natural = value;
    return true;
  }
  // nlohmann's parser gives a string of its own; PlainJsonReader a view.
  bool string(std::string& value) {
    if (JsonMember* member = take(JsonKind::string)) member->text = std::move(value);
    return true;
  }
  bool string(std::string_view value) {
    if (JsonMember* member = take(JsonKind::string)) member->text = value;
    return true;
  }
  bool key(std::string& name) { return key(std::string_view(name)); }
  bool key(std::string_view name) {
    if (depth_ != 1) return true;
    member_ = name == "id"        ? &line_.id
              : name == "time"    ? &line_.time
              : name == "prompt"  ? &line_.prompt
              : name == "text"    ? &line_.text
              : name == "retired" ? &line_.retired
                                  : nullptr;
    if (name != "retired") line_.others = true;
    return true;
  }
  bool start_object(std::size_t) { return open(JsonKind::object); }
  bool start_array(std::size_t) { return open(JsonKind::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  template <typename Exception>
  bool parse_error(std::size_t, const std::string&, const Exception&) {
    return false;
  }

 private:
  // Notes a value of `kind` where it stands; returns the member to hold its
  // text or number, if it is one the checks read.
  JsonMember* take(JsonKind kind) {
    if (depth_ == 0) line_.kind = kind;
    if (depth_ != 1 || member_ == nullptr) return nullptr;
    *member_ = {kind, {}, 0, 0};
    return member_;
  }
  bool scalar(JsonKind kind) {
    take(kind);
    return true;
  }
  bool open(JsonKind kind) {
    take(kind);
    ++depth_;
    member_ = nullptr;
    return true;
  }
  bool close() {
    --depth_;
    member_ = nullptr;
    return true;
  }

  JournalLine& line_;
  std::size_t depth_ = 0;  // the containers open around the next value
  JsonMember* member_ = nullptr;
};

// The members of `text`, which must be a JSON object. The plain JSON we
// write is read by PlainJsonReader, anything else by nlohmann's parser.
JournalLine captured_line(std::string_view text) {
  JournalLine line;
  JournalCapture quick(line);
  if (!PlainJsonReader(text, quick).read()) {
    line = {};
    JournalCapture capture(line);
    if (!nlohmann::json::sax_parse(text, &capture)) reject("not JSON");
  }
  if (line.kind != JsonKind::object) reject("not a JSON object");
  return line;
}

std::uint64_t id_member(const JsonMember& member, const char* key) {
  if (member.kind == JsonKind::missing) reject(fmt::format("'{}' is missing", key));
  if (member.kind != JsonKind::natural || member.natural == 0) {
    reject(fmt::format("'{}' is not a whole number from 1", key));
  }
  return member.natural;
}

std::string string_member(JsonMember& member, const char* key) {
  if (member.kind == JsonKind::missing) reject(fmt::format("'{}' is missing", key));
  if (member.kind != JsonKind::string) reject(fmt::format("'{}' is not a string", key));
  return std::move(member.text);
}

// A line {"retired": N}: the id of a deleted entry that was the last one.
std::optional<std::uint64_t> retired_id(const JournalLine& line) {
  if (line.others || line.retired.kind == JsonKind::missing) return std::nullopt;
  return id_member(line.retired, "retired");
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// Calls `each(line, number)` for every line of `text`.
template <typename Each>
void for_each_line(std::string_view text, Each each) {
  std::size_t number = 0;
  while (!text.empty()) {
    ++number;
    const std::size_t end = text.find('\n');
    each(text.substr(0, end), number);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
}

std::string trim_blank_lines(std::string_view text) {
  std::string out;
  std::vector<std::string_view> lines;
  for_each_line(text, [&](std::string_view line, std::size_t) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    lines.push_back(line);
  });
  std::size_t first = 0, last = lines.size();
  while (first < last && lines[first].empty()) ++first;
  while (last > first && lines[last - 1].empty()) --last;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) out += '\n';
    out.append(lines[i]);
  }
  return out;
}

}  // namespace

std::string_view entry_date(const JournalEntry& entry) { return std::string_view(entry.time).substr(0, 10); }

std::string journal_line(const JournalEntry& entry) {
  nlohmann::ordered_json value = {{"id", entry.id}, {"time", entry.time}, {"prompt", nullptr}, {"text", entry.text}};
  if (!entry.prompt.empty()) value["prompt"] = entry.prompt;
  return dump_json_line(value);
}

namespace {

// The entry a line holds.
JournalEntry entry_from(JournalLine& line) {
  JournalEntry entry;
  entry.id = id_member(line.id, "id");
  entry.time = string_member(line.time, "time");
  if (!parse_local_time(entry.time)) reject("'time' is not a local time with its offset, as 2026-03-01T21:14:05+01:00");
  if (line.prompt.kind == JsonKind::missing) reject("'prompt' is missing");
  if (line.prompt.kind != JsonKind::null) {
    entry.prompt = string_member(line.prompt, "prompt");
    if (entry.prompt.empty()) reject("'prompt' is empty");
  }
  entry.text = string_member(line.text, "text");
  if (!is_valid_utf8(entry.text) || !is_valid_utf8(entry.prompt)) reject("it is not valid UTF-8");
  if (entry.text.empty()) reject("'text' is empty");
  return entry;
}

}  // namespace

JournalEntry parse_journal_entry(std::string_view text) {
  JournalLine line = captured_line(text);
  return entry_from(line);
}

Journal parse_journal(std::string_view text) {
  Journal journal;
  for_each_line(text, [&](std::string_view line, std::size_t number) {
    if (is_blank(line)) return;
    try {
      JournalLine members = captured_line(line);
      if (const auto retired = retired_id(members)) {
        journal.highest_id = std::max(journal.highest_id, *retired);
        return;
      }
      journal.entries.push_back(entry_from(members));
      journal.highest_id = std::max(journal.highest_id, journal.entries.back().id);
    } catch (const Error& error) {
      if (journal.problem_count++ < line_problems_kept) journal.problems.push_back({number, error.what()});
    }
  });
  return journal;
}

std::optional<LineId> line_id(std::string_view line) {
  if (is_blank(line)) return std::nullopt;
  try {
    JournalLine members = captured_line(line);
    if (const auto retired = retired_id(members)) return LineId{*retired, true};
    return LineId{entry_from(members).id, false};
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::string retired_line(std::uint64_t id) {
  std::string line = dump_json_line(nlohmann::ordered_json{{"retired", id}});
  line.pop_back();
  return line;
}

std::string entry_text(std::string_view written) {
  written = without_byte_order_mark(written);
  if (!is_valid_utf8(written)) throw Error(Problem::usage, "the entry is not valid UTF-8 text");
  std::string text;
  text.reserve(written.size());
  for (std::size_t at = 0; at < written.size();) {
    const Decoded d = decode_utf8(written, at);
    if (d.codepoint == '\r' && at + 1 < written.size() && written[at + 1] == '\n') {
      at += 1;
      continue;
    }
    const bool control = d.codepoint < 0x20 || (d.codepoint >= 0x7f && d.codepoint < 0xa0);
    if (control && d.codepoint != '\n' && d.codepoint != '\t') {
      throw Error(
          Problem::usage,
          fmt::format("the entry has the control character U+{:04X}, which is not kept in a journal", d.codepoint));
    }
    text.append(written.substr(at, d.length));
    at += d.length;
  }
  text = trim_blank_lines(text);
  if (text.size() > journal_entry_limit) {
    throw Error(Problem::usage, fmt::format("the entry is larger than {}, the most one entry may hold",
                                            describe_size(journal_entry_limit)));
  }
  return text;
}

namespace {

// The lines of the draft template: each is recognised whole, so that the
// person's own lines that start with '#' ("#1 thing", "#calm") are kept.
std::vector<std::string> template_lines(const Prompt* prompt) {
  std::vector<std::string> lines;
  if (prompt) lines.push_back(fmt::format("# Prompt: {}", prompt->text));
  lines.emplace_back("# Write your entry above. aa-journal leaves out these lines, the ones it put here;");
  lines.emplace_back("# your own lines that start with '#' are kept.");
  lines.emplace_back("# Save and close the editor to keep it; an empty entry keeps nothing.");
  return lines;
}

}  // namespace

std::string entry_text_from_draft(std::string_view draft, const Prompt* prompt) {
  draft = without_byte_order_mark(draft);
  const std::vector<std::string> ours = template_lines(prompt);
  std::string kept;
  for_each_line(draft, [&](std::string_view line, std::size_t) {
    std::string_view bare = line;
    if (bare.ends_with('\r')) bare.remove_suffix(1);
    if (std::find(ours.begin(), ours.end(), bare) != ours.end()) return;
    kept.append(line);
    kept += '\n';
  });
  return entry_text(kept);
}

std::string draft_template(const Prompt* prompt) {
  std::string out = "\n";
  for (const std::string& line : template_lines(prompt)) out += line + "\n";
  return out;
}

std::vector<const JournalEntry*> select_entries(std::span<const JournalEntry> entries, const EntryFilter& filter) {
  std::vector<const JournalEntry*> chosen;
  for (const JournalEntry& entry : entries) {
    const auto time = parse_local_time(entry.time);
    if (!time || !filter.days.contains(time->day)) continue;
    chosen.push_back(&entry);
  }
  if (filter.last && chosen.size() > *filter.last) chosen.erase(chosen.begin(), chosen.end() - *filter.last);
  return chosen;
}

const JournalEntry* find_entry(std::span<const JournalEntry> entries, std::uint64_t id) {
  for (const JournalEntry& entry : entries) {
    if (entry.id == id) return &entry;
  }
  return nullptr;
}

std::optional<std::uint64_t> parse_entry_id(std::string_view text) {
  std::uint64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id == 0) return std::nullopt;
  return id;
}

}  // namespace aa
