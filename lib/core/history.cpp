// SPDX-License-Identifier: MIT
#include "aa/core/history.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <unordered_set>

#include <fmt/core.h>

#include "aa/core/check_json.hpp"
#include "aa/core/line_store.hpp"
#include "aa/core/suggest.hpp"
#include "aa/io/error.hpp"

namespace aa {

std::filesystem::path history_file_in(const std::filesystem::path& data_dir) {
  return data_dir / "aa" / "checks.jsonl";
}

namespace {

LineStore history_store(const std::filesystem::path& file) { return {file, history_file_limit}; }

constexpr std::string_view saving = "save your result to";

// 8 hexadecimal digits from FNV-1a (64 bits) of `text` and `round`, folded
// to 32 bits: short enough to type, and spread evenly.
std::string hashed_id(std::string_view text, unsigned round) {
  std::uint64_t hash = 14695981039346656037ULL;
  const auto mix = [&](unsigned char byte) {
    hash ^= byte;
    hash *= 1099511628211ULL;
  };
  for (char c : text) mix(static_cast<unsigned char>(c));
  for (unsigned r = round; r > 0; r >>= 8) mix(static_cast<unsigned char>(r & 0xff));
  return fmt::format("{:08x}", static_cast<std::uint32_t>(hash ^ (hash >> 32)));
}

// A new id for `record`, not among `taken`: the same record gets the same
// id, unless it is taken.
std::string new_id(CheckRecord record, const std::unordered_set<std::string>& taken) {
  record.id.clear();
  const std::string line = check_json_line(record);
  for (unsigned round = 0;; ++round) {
    std::string id = hashed_id(line, round);
    if (!taken.contains(id)) return id;
  }
}

std::unordered_set<std::string> ids_of(const std::vector<CheckRecord>& records) {
  std::unordered_set<std::string> ids;
  for (const CheckRecord& record : records) ids.insert(record.id);
  return ids;
}

// What a record says, its id aside: two records that say the same are one
// result, whatever their ids.
std::string content_key(CheckRecord record) {
  record.id.clear();
  return check_json_line(record);
}

// Seconds since 1970 in UTC. A record saved before times were kept counts
// from the start of its day in UTC: its offset is not known, and any
// instant of the day would be as much a guess.
std::int64_t record_instant(const CheckRecord& record) {
  constexpr std::int64_t day_seconds = 24 * 60 * 60;
  if (const auto time = parse_local_time(record.time)) {
    return seconds_since_epoch(*time);
  }
  return parse_iso_date(record.date).value_or(0) * day_seconds;
}

}  // namespace

std::string derived_record_id(std::string_view line) {
  const std::size_t end = line.find_last_not_of(" \t\r");
  return hashed_id(line.substr(0, end == std::string_view::npos ? 0 : end + 1), 0);
}

SavedResult append_to_history(const std::filesystem::path& file, const CheckRecord& record,
                              const LockWaitNotice& on_wait) {
  SavedResult saved{record, std::nullopt};
  append_lines(
      history_store(file),
      [&](std::string_view text) {
        // Under the lock: the ids taken and the newest record are the ones
        // in the file now, whoever else is saving.
        History history = parse_history(text);
        saved.record.id = new_id(record, ids_of(history.records));
        saved.previous.reset();
        // The check before this one by time: a result dated later (imported
        // from a clock that was ahead) is not the last check.
        sort_by_time(history.records);
        const std::int64_t now = record_instant(record);
        const auto later = std::find_if(history.records.begin(), history.records.end(),
                                        [&](const CheckRecord& saved_one) { return record_instant(saved_one) > now; });
        if (later != history.records.begin()) saved.previous = std::move(*std::prev(later));
        return std::vector<std::string>{check_json_line(saved.record)};
      },
      saving, on_wait);
  return saved;
}

History parse_history(std::string_view text) {
  History history;
  for_each_numbered_line(text, [&](std::string_view line, std::size_t number) {
    if (is_blank_line(line)) return;
    try {
      CheckRecord record = parse_check_json(line);
      if (record.id.empty()) record.id = derived_record_id(line);
      history.records.push_back(std::move(record));
    } catch (const Error& error) {
      if (history.problem_count++ < line_problems_kept) history.problems.push_back({number, error.what()});
    }
  });
  return history;
}

History read_history(const std::filesystem::path& file, const LockWaitNotice& on_wait) {
  History history = parse_history(read_store(history_store(file), on_wait));
  sort_by_time(history.records);
  return history;
}

void sort_by_time(std::vector<CheckRecord>& records) {
  // The instant of each record, worked out once rather than at every comparison.
  std::vector<std::pair<std::int64_t, std::size_t>> order;
  order.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) order.emplace_back(record_instant(records[i]), i);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<CheckRecord> sorted;
  sorted.reserve(records.size());
  for (const auto& [instant, i] : order) sorted.push_back(std::move(records[i]));
  records = std::move(sorted);
}

Forgotten forget_history(const std::filesystem::path& file, const LockWaitNotice& on_wait) {
  return forget_store(history_store(file), "delete", on_wait);
}

std::size_t find_record(std::span<const CheckRecord> records, std::string_view id) {
  std::vector<Nameable> names;
  names.reserve(records.size());
  for (const CheckRecord& record : records) names.push_back({record.id});
  return find_name(names, id, Names::results);
}

bool delete_from_history(const std::filesystem::path& file, std::string_view id, const LockWaitNotice& on_wait) {
  bool found = false;
  remove_lines(
      history_store(file),
      [&](std::string_view line) {
        // Only the first of two identical old lines (which share an id) goes.
        if (found || is_blank_line(line)) return false;
        try {
          CheckRecord record = parse_check_json(line);
          if (record.id.empty()) record.id = derived_record_id(line);
          found = record.id == id;
        } catch (const Error&) {
          // A line that is not a record stays as it is.
        }
        return found;
      },
      "delete from", on_wait);
  return found;
}

ImportOutcome import_into_history(const std::filesystem::path& file, std::span<const CheckRecord> records,
                                  const LockWaitNotice& on_wait) {
  ImportOutcome outcome;
  append_lines(
      history_store(file),
      [&](std::string_view text) {
        const std::vector<CheckRecord> present = parse_history(text).records;
        std::unordered_set<std::string> taken = ids_of(present);
        std::unordered_set<std::string> said;
        for (const CheckRecord& record : present) said.insert(content_key(record));
        std::unordered_set<std::string> importing;
        std::vector<std::string> lines;
        outcome = {};
        for (const CheckRecord& record : records) {
          std::string key = content_key(record);
          if (said.contains(key)) {
            ++outcome.skipped;
            continue;
          }
          if (!importing.insert(std::move(key)).second) {
            ++outcome.repeated;
            continue;
          }
          CheckRecord kept = record;
          if (kept.id.empty() || taken.contains(kept.id)) kept.id = new_id(kept, taken);
          taken.insert(kept.id);
          lines.push_back(check_json_line(kept));
          ++outcome.imported;
        }
        return lines;
      },
      "import into", on_wait);
  return outcome;
}

std::vector<CheckRecord> select_records(std::vector<CheckRecord> records, const DateRange& range,
                                        std::optional<std::size_t> last) {
  std::erase_if(records, [&](const CheckRecord& record) {
    const auto day = parse_iso_date(record.date);
    return !day || !range.contains(*day);
  });
  if (last && records.size() > *last)
    records.erase(records.begin(), records.end() - static_cast<std::ptrdiff_t>(*last));
  return records;
}

}  // namespace aa
