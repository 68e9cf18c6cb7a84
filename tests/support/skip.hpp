// SPDX-License-Identifier: MIT
// A test that cannot run here says so instead of passing in silence. It
// prints a line that ctest reports as a skip (SKIP_REGULAR_EXPRESSION in
// tests/CMakeLists.txt). With AA_TESTS_REQUIRE_ALL set, as .ci/run sets it,
// a skip for something missing from the machine is a failure instead.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>
#include <string>

namespace aa::test {

// The line ctest looks for.
inline constexpr const char* skip_marker = "aa-test: skipped: ";

// Skips the rest of a test by design (a build where it cannot work), never
// fatal: `why` is printed for ctest.
inline void skip_by_design(const std::string& why) { std::cout << skip_marker << why << std::endl; }

// Reports that `what` is missing here: a visible skip, or a failure when all
// tests must run. The caller returns after it: ctest counts the whole test
// as skipped, so nothing after a skip may be checked.
inline void skip_missing(const std::string& what) {
  const char* require_all = std::getenv("AA_TESTS_REQUIRE_ALL");
  if (require_all != nullptr && *require_all != '\0') {
    FAIL_CHECK(what << " is missing, and AA_TESTS_REQUIRE_ALL asks every test to run");
  } else {
    std::cout << skip_marker << what << " is missing" << std::endl;
  }
}

}  // namespace aa::test
