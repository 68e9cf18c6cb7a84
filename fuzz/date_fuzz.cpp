// SPDX-License-Identifier: MIT
// The --date parser and the --from/--to parser: any bytes in, a day number
// or nothing out; a date either accepts prints back as the same text (an
// ISO date) or as one that parse_iso_date() reads as that day.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aa/core/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto iso = aa::parse_iso_date(text);
  if (iso && aa::format_iso_date(*iso) != text) __builtin_trap();
  // A fixed today, so that a crash is reproduced from its input alone.
  const std::int64_t today = 20522;  // 2026-03-10
  if (const auto day = aa::parse_day(text, today)) {
    if (aa::parse_iso_date(aa::format_iso_date(*day)) != day) __builtin_trap();
    // An ISO date means that date, whatever today is.
    if (iso && *day != *iso) __builtin_trap();
  } else if (iso) {
    __builtin_trap();
  }
  return 0;
}
