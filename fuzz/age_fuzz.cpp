// SPDX-License-Identifier: MIT
// Any bytes as an encrypted store: the plain text, or an AgeError that says
// which rule the file breaks, never a crash or another kind of failure.
// Work factors above 8 are refused here, to keep each input quick. The
// same bytes, encrypted, open again as themselves.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aa/io/age.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    static_cast<void>(aa::age::decrypt(bytes, "password", 8));
  } catch (const aa::age::AgeError&) {
  }
  if (aa::age::decrypt(aa::age::encrypt(bytes, "password", 1), "password", 8) != bytes) __builtin_trap();
  return 0;
}
