// SPDX-License-Identifier: MIT
#include "aa/core/journal.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "aa/content/text.hpp"
#include "aa/core/date.hpp"
#include "aa/core/json.hpp"
#include "aa/io/error.hpp"
#include "aa/io/io.hpp"

namespace aa {
namespace {

[[noreturn]] void reject(const std::string& why) { throw Error(Problem::data, why); }

using Json = nlohmann::json;

// The object on a line of the journal.
Json object_on(std::string_view line) {
  Json value = Json::parse(line, nullptr, false);
  if (value.is_discarded()) reject("not JSON");
  if (!value.is_object()) reject("not a JSON object");
  return value;
}

Json& member(Json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) reject(fmt::format("'{}' is missing", key));
  return *found;
}

std::uint64_t id_member(Json& object, const char* key) {
  const Json& value = member(object, key);
  if (!value.is_number_unsigned() || value.get<std::uint64_t>() == 0) {
    reject(fmt::format("'{}' is not a whole number from 1", key));
  }
  return value.get<std::uint64_t>();
}

std::string string_member(Json& object, const char* key) {
  Json& value = member(object, key);
  if (!value.is_string()) reject(fmt::format("'{}' is not a string", key));
  return std::move(value.get_ref<std::string&>());
}

// A line {"retired": N}: the id of a deleted entry that was the last one.
std::optional<std::uint64_t> retired_id(Json& object) {
  if (object.size() != 1 || !object.contains("retired")) return std::nullopt;
  return id_member(object, "retired");
}

std::string trim_blank_lines(std::string_view text) {
  std::string out;
  std::vector<std::string_view> lines;
  for_each_numbered_line(text, [&](std::string_view line, std::size_t) {
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

std::optional<std::string> tag_from(std::string_view typed) {
  if (typed.empty() || typed.size() > tag_limit || !is_valid_utf8(typed)) return std::nullopt;
  std::string tag;
  for (std::size_t at = 0; at < typed.size();) {
    const Decoded d = decode_utf8(typed, at);
    if (d.codepoint == ',' || is_invisible(d.codepoint) || is_terminal_control(d.codepoint)) return std::nullopt;
    tag.append(typed.substr(at, d.length));
    at += d.length;
  }
  std::transform(tag.begin(), tag.end(), tag.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return tag;
}

std::vector<std::string> typed_tags(std::span<const std::string> typed) {
  std::vector<std::string> tags;
  for (std::string_view value : typed) {
    while (true) {
      const std::size_t comma = value.find(',');
      const std::string_view piece = value.substr(0, comma);
      const auto tag = tag_from(piece);
      if (!tag) {
        throw Error(Problem::usage,
                    fmt::format("'{}' is not a tag: a tag is 1 to {} bytes of text with no space, comma or control "
                                "character",
                                printable(piece), tag_limit));
      }
      if (std::find(tags.begin(), tags.end(), *tag) == tags.end()) tags.push_back(*tag);
      if (comma == std::string_view::npos) break;
      value.remove_prefix(comma + 1);
    }
  }
  return tags;
}

bool has_tags(const JournalEntry& entry, std::span<const std::string> tags) {
  return std::all_of(tags.begin(), tags.end(), [&](const std::string& tag) {
    return std::find(entry.tags.begin(), entry.tags.end(), tag) != entry.tags.end();
  });
}

std::string journal_line(const JournalEntry& entry) {
  nlohmann::ordered_json value = {{"id", entry.id}, {"time", entry.time}, {"prompt", nullptr}, {"text", entry.text}};
  if (!entry.prompt.empty()) value["prompt"] = entry.prompt;
  if (!entry.tags.empty()) value["tags"] = entry.tags;
  if (entry.exercise) value["exercise"] = exercise_json(*entry.exercise);
  return dump_json_line(value);
}

nlohmann::ordered_json exercise_json(const ExerciseRecord& record) {
  nlohmann::ordered_json answers = nlohmann::ordered_json::array();
  for (const ExerciseAnswer& answer : record.answers) {
    nlohmann::ordered_json step = {{"step", answer.step}};
    if (answer.number) {
      step["value"] = *answer.number;
    } else {
      step["value"] = answer.text;
    }
    answers.push_back(std::move(step));
  }
  return {{"id", record.id}, {"steps", std::move(answers)}};
}

namespace {

std::vector<std::string> tags_from(Json& value) {
  if (!value.is_array()) reject("'tags' is not a list");
  std::vector<std::string> tags;
  for (Json& item : value) {
    const auto tag = item.is_string() ? tag_from(item.get_ref<const std::string&>()) : std::nullopt;
    if (!tag || *tag != item.get_ref<const std::string&>()) reject("'tags' holds something that is not a tag");
    if (std::find(tags.begin(), tags.end(), *tag) != tags.end()) reject(fmt::format("'tags' has {} twice", *tag));
    tags.push_back(*tag);
  }
  return tags;
}

ExerciseAnswer answer_from(Json& object) {
  if (!object.is_object()) reject("a step of 'exercise' is not a JSON object");
  ExerciseAnswer answer;
  answer.step = string_member(object, "step");
  if (answer.step.empty() || !is_valid_utf8(answer.step)) reject("a step of 'exercise' has no id");
  Json& value = member(object, "value");
  if (value.is_number_integer()) {
    answer.number = value.get<std::int64_t>();
  } else if (value.is_string()) {
    answer.text = std::move(value.get_ref<std::string&>());
    if (!is_valid_utf8(answer.text)) reject("it is not valid UTF-8");
  } else {
    reject(fmt::format("the value of step '{}' is neither a whole number nor text", answer.step));
  }
  return answer;
}

ExerciseRecord exercise_from(Json& object) {
  if (!object.is_object()) reject("'exercise' is not a JSON object");
  ExerciseRecord record;
  record.id = string_member(object, "id");
  if (record.id.empty() || !is_valid_utf8(record.id)) reject("'exercise' has no id");
  Json& steps = member(object, "steps");
  if (!steps.is_array()) reject("the steps of 'exercise' are not a list");
  for (Json& step : steps) record.answers.push_back(answer_from(step));
  return record;
}

// The entry a line holds.
JournalEntry entry_from(Json& object) {
  JournalEntry entry;
  entry.id = id_member(object, "id");
  entry.time = string_member(object, "time");
  if (!parse_local_time(entry.time)) reject("'time' is not a local time with its offset, as 2026-03-01T21:14:05+01:00");
  if (!member(object, "prompt").is_null()) {
    entry.prompt = string_member(object, "prompt");
    if (entry.prompt.empty()) reject("'prompt' is empty");
  }
  entry.text = string_member(object, "text");
  if (!is_valid_utf8(entry.text) || !is_valid_utf8(entry.prompt)) reject("it is not valid UTF-8");
  if (entry.text.empty()) reject("'text' is empty");
  if (const auto tags = object.find("tags"); tags != object.end()) entry.tags = tags_from(*tags);
  if (const auto exercise = object.find("exercise"); exercise != object.end()) {
    entry.exercise = exercise_from(*exercise);
  }
  return entry;
}

}  // namespace

JournalEntry parse_journal_entry(std::string_view text) {
  Json object = object_on(text);
  return entry_from(object);
}

Journal parse_journal(std::string_view text) {
  Journal journal;
  for_each_numbered_line(text, [&](std::string_view line, std::size_t number) {
    if (is_blank_line(line)) return;
    try {
      Json object = object_on(line);
      if (const auto retired = retired_id(object)) {
        journal.highest_id = std::max(journal.highest_id, *retired);
        return;
      }
      journal.entries.push_back(entry_from(object));
      journal.highest_id = std::max(journal.highest_id, journal.entries.back().id);
    } catch (const Error& error) {
      if (journal.problem_count++ < line_problems_kept) journal.problems.push_back({number, error.what()});
    }
  });
  return journal;
}

std::optional<LineId> line_id(std::string_view line) {
  if (is_blank_line(line)) return std::nullopt;
  try {
    Json object = object_on(line);
    if (const auto retired = retired_id(object)) return LineId{*retired, true};
    return LineId{entry_from(object).id, false};
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
std::vector<std::string> template_lines(const Prompt* prompt, std::string_view program, DraftFor purpose) {
  std::vector<std::string> lines;
  if (prompt) lines.push_back(fmt::format("# Prompt: {}", prompt->text));
  if (purpose == DraftFor::new_entry) {
    lines.push_back(fmt::format("# Write your entry above. {} leaves out these lines, the ones it put here;", program));
    lines.emplace_back("# your own lines that start with '#' are kept.");
    lines.emplace_back("# Save and close the editor to keep it; an empty entry keeps nothing.");
    return lines;
  }
  lines.push_back(fmt::format("# Edit your entry above. {} leaves out these lines, the ones it put here;", program));
  lines.emplace_back("# your own lines that start with '#' are kept.");
  if (purpose == DraftFor::edit_exercise) {
    lines.emplace_back("# This entry records an exercise: its answers are kept as they were; only this text changes.");
  }
  // Emptied, it is not deleted: a deletion asks first, and has its own option.
  lines.emplace_back("# Save and close the editor to keep the change; an empty entry changes nothing.");
  return lines;
}

}  // namespace

std::string entry_text_from_draft(std::string_view draft, const Prompt* prompt, std::string_view program,
                                  DraftFor purpose) {
  draft = without_byte_order_mark(draft);
  const std::vector<std::string> ours = template_lines(prompt, program, purpose);
  std::string kept;
  for_each_numbered_line(draft, [&](std::string_view line, std::size_t) {
    std::string_view bare = line;
    if (bare.ends_with('\r')) bare.remove_suffix(1);
    if (std::find(ours.begin(), ours.end(), bare) != ours.end()) return;
    kept.append(line);
    kept += '\n';
  });
  return entry_text(kept);
}

std::string draft_template(const Prompt* prompt, std::string_view program, DraftFor purpose) {
  std::string out = "\n";
  for (const std::string& line : template_lines(prompt, program, purpose)) out += line + "\n";
  return out;
}

std::vector<const JournalEntry*> select_entries(std::span<const JournalEntry> entries, const EntryFilter& filter) {
  std::vector<const JournalEntry*> chosen;
  for (const JournalEntry& entry : entries) {
    const auto time = parse_local_time(entry.time);
    if (!time || !filter.days.contains(time->day) || !has_tags(entry, filter.tags)) continue;
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
