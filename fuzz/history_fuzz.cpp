// SPDX-License-Identifier: MIT
// The history reader on any bytes, since people edit that file by hand:
// every line is a record or a problem, never a crash or an exception; each
// line reads as a line alone does (parse_check_json): the same record, or a
// problem in the same words, and so does an export of it; each record is
// whole and writes back as the same record, and all of them go through an
// export (--history --format json, then --import) unchanged; and the table
// shown for the records holds no byte a terminal would act on.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aa/core/answers.hpp"
#include "aa/core/check_json.hpp"
#include "aa/core/date.hpp"
#include "aa/core/history.hpp"
#include "aa/core/history_summary.hpp"
#include "aa/core/render_check.hpp"
#include "aa/io/error.hpp"

namespace {

bool same_record(const aa::CheckRecord& a, const aa::CheckRecord& b) {
  if (a.id != b.id || a.date != b.date || a.time != b.time || a.note != b.note || a.total != b.total ||
      a.max != b.max || a.stand_out != b.stand_out || a.read_next != b.read_next ||
      a.answers.size() != b.answers.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.answers.size(); ++i) {
    const aa::Rating& x = a.answers[i];
    const aa::Rating& y = b.answers[i];
    if (x.id != y.id || x.sign != y.sign || x.value != y.value) return false;
  }
  return true;
}

// Each line that is not blank, read alone, matches the next
// record or the next problem; and, when it is JSON at all, an export of
// that one line (--import) reads as the line does.
void check_line_by_line(std::string_view text, const aa::History& history) {
  std::size_t record = 0, problem = 0, number = 0;
  while (!text.empty()) {
    ++number;
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::optional<aa::CheckRecord> expected;
    std::string why;
    try {
      expected = aa::parse_check_json(line);
    } catch (const aa::Error& error) {
      why = error.what();
    }
    if (expected) {
      aa::CheckRecord saved = *expected;
      if (saved.id.empty()) saved.id = aa::derived_record_id(line);
      if (record >= history.records.size() || !same_record(history.records[record++], saved)) __builtin_trap();
    } else {
      // The reader keeps the first few problems and counts the rest.
      if (problem < history.problems.size()) {
        const aa::HistoryProblem& found = history.problems[problem];
        if (found.line != number || found.reason != why) __builtin_trap();
      }
      ++problem;
    }
    // A byte order mark is JSON's only at the start of a document, and
    // nlohmann-json ends its input at a NUL byte, which inside "[...]"
    // would cut the array short: the export reads such lines otherwise.
    if (why.starts_with("not valid JSON") || line.starts_with("\xEF\xBB\xBF") ||
        line.find('\0') != std::string_view::npos) {
      continue;
    }
    try {
      const auto imported = aa::parse_history_json("[" + std::string(line) + "]");
      if (!expected || !imported || imported->records.size() != 1 || !same_record(imported->records[0], *expected)) {
        __builtin_trap();
      }
    } catch (const aa::Error& error) {
      if (expected || error.what() != "line 1: result 1: " + why) __builtin_trap();
    }
  }
  if (record != history.records.size() || problem != history.problem_count ||
      history.problems.size() != std::min(problem, aa::line_problems_kept)) {
    __builtin_trap();
  }
}

std::size_t lines_in(std::string_view text) {
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  return lines + (!text.empty() && text.back() != '\n');
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const aa::History history = aa::parse_history(text);
  const std::size_t lines = lines_in(text);
  if (history.records.size() + history.problem_count > lines) __builtin_trap();
  check_line_by_line(text, history);
  std::size_t previous_line = 0;
  for (const aa::HistoryProblem& problem : history.problems) {
    if (problem.line <= previous_line || problem.line > lines || problem.reason.empty()) __builtin_trap();
    previous_line = problem.line;
  }
  for (const aa::CheckRecord& record : history.records) {
    if (!aa::parse_iso_date(record.date) || record.answers.empty()) __builtin_trap();
    for (const aa::Rating& rating : record.answers) {
      if (aa::rating_word(rating.value).empty()) __builtin_trap();
    }
    // Every record has an id, stored or derived from its line.
    if (!aa::is_record_id(record.id)) __builtin_trap();
    if (!same_record(aa::parse_check_json(aa::check_json_line(record)), record)) __builtin_trap();
  }
  const auto exported =
      aa::parse_history_json(aa::history_json(history.records, aa::summarize_history(history.records)));
  if (!exported || exported->records.size() != history.records.size()) __builtin_trap();
  for (std::size_t i = 0; i < history.records.size(); ++i) {
    if (!same_record(exported->records[i], history.records[i])) __builtin_trap();
  }
  // Plain text and the terminal's graphics: only newlines, and with
  // colour only the escapes we write ourselves (ESC [ ... m).
  aa::CheckStyle terminal;
  terminal.width = 60;
  terminal.graphics = true;
  for (const aa::CheckStyle& style : {aa::CheckStyle{}, terminal}) {
    for (char c : aa::render_history_text(history.records, style)) {
      const auto byte = static_cast<unsigned char>(c);
      if ((byte < 0x20 && byte != '\n') || byte == 0x7f) __builtin_trap();
    }
  }
  return 0;
}
