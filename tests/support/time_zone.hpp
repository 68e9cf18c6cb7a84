// SPDX-License-Identifier: MIT
// Unit tests that depend on the local time zone set it for a moment.
#pragma once

#include <cstdlib>
#include <ctime>
#include <string>

namespace aa::test {

// Runs `body` with TZ set to `zone` (a POSIX rule, so no time zone files
// are needed), and puts the old one back.
template <typename Body>
void in_time_zone(const char* zone, Body body) {
  const char* old = std::getenv("TZ");
  const std::string saved = old ? old : "";
  ::setenv("TZ", zone, 1);
  ::tzset();
  body();
  if (old) {
    ::setenv("TZ", saved.c_str(), 1);
  } else {
    ::unsetenv("TZ");
  }
  ::tzset();
}

}  // namespace aa::test
