// SPDX-License-Identifier: MIT
// The settings file on any bytes: settings, or a data error that names the
// file with a line and column — never a crash or another kind of failure.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aa/core/config.hpp"
#include "aa/io/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const aa::Config config = aa::parse_config(text, "config.toml");
    static_cast<void>(config);
  } catch (const aa::Error& error) {
    if (error.code() != aa::Problem::data || !std::string_view(error.what()).starts_with("config.toml:")) {
      __builtin_trap();
    }
  }
  return 0;
}
