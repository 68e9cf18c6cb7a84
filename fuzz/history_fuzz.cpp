// SPDX-License-Identifier: MIT
// The history reader on any bytes, since people edit that file by hand:
// every line is a record or a problem, never a crash or an exception; each
// record is whole and writes back as the same record; and the table shown
// for the records holds no byte a terminal would act on.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aa/answers.hpp"
#include "aa/check_json.hpp"
#include "aa/date.hpp"
#include "aa/history.hpp"
#include "aa/render_check.hpp"

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
  if (history.records.size() + history.problems.size() > lines) __builtin_trap();
  std::size_t previous_line = 0;
  for (const aa::HistoryProblem& problem : history.problems) {
    if (problem.line <= previous_line || problem.line > lines || problem.reason.empty()) __builtin_trap();
    previous_line = problem.line;
  }
  for (const aa::CheckRecord& record : history.records) {
    if (!aa::parse_iso_date(record.date) || record.answers.empty()) __builtin_trap();
    for (const aa::Rating& rating : record.answers) {
      if (rating.value < aa::lowest_rating || rating.value > aa::highest_rating) __builtin_trap();
    }
    // Every record has an id, stored or derived from its line.
    if (!aa::is_record_id(record.id)) __builtin_trap();
    if (!same_record(aa::parse_check_json(aa::check_json_line(record)), record)) __builtin_trap();
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
