// SPDX-License-Identifier: MIT
// The checklist answer parser: any bytes in, one rating per item (on the
// scale, or "does not apply") out, or a usage error — never a crash or
// another kind of failure.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aa/content/builtin.hpp"
#include "aa/core/answers.hpp"
#include "aa/io/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto items = aa::builtin_content().checklist;
  try {
    const aa::Answers answers = aa::parse_answers(text, items);
    if (answers.size() != items.size()) __builtin_trap();
    for (int value : answers) {
      // On the scale or "does not apply": the values that have a word.
      if (aa::rating_word(value).empty()) __builtin_trap();
    }
  } catch (const aa::Error& error) {
    if (error.code() != aa::Problem::usage) __builtin_trap();
  }
  return 0;
}
