// SPDX-License-Identifier: MIT
// The --date parser: any bytes in, a day number or nothing out; a date it
// accepts prints back as the same text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aa/core/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto day = aa::parse_iso_date(text)) {
    if (aa::format_iso_date(*day) != text) __builtin_trap();
  }
  return 0;
}
