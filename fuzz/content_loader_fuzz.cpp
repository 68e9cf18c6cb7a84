// SPDX-License-Identifier: MIT
// Any bytes as any content file: either valid content or a content error
// (Problem::data) — never a crash, a hang or another kind of failure.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aa/builtin.hpp"
#include "aa/error.hpp"
#include "aa/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the kind, the rest is the file.
  const auto kind = static_cast<aa::ContentKind>(data[0] % 5);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  aa::Content content = aa::builtin_content();
  try {
    aa::load_content_text(content, kind, text, "fuzz.toml");
    // New sections may leave built-in references dangling: also a content error.
    aa::check_references(content);
  } catch (const aa::Error& error) {
    if (error.code() != aa::Problem::data) __builtin_trap();
  }
  return 0;
}
