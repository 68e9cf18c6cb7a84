// SPDX-License-Identifier: MIT
// ctest runs each test case by its name, as doctest_discover_tests reads
// the names into a CMake list: a ';' in a name splits it there, and the
// test ctest then runs matches no case and passes without running it.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "files.hpp"
#include "process.hpp"

TEST_CASE("every test case's name reaches ctest whole, with no semicolon") {
  const std::filesystem::path root = aa::test::source_dir();
  const std::regex test_case(R"re(TEST_CASE\("([^"]*)"\))re");
  std::size_t names = 0;
  for (const char* folder : {"tests/unit", "tests/e2e", "tests/package"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / folder)) {
      if (entry.path().extension() != ".cpp") continue;
      const std::string text = aa::test::slurp(entry.path());
      for (std::sregex_iterator it(text.begin(), text.end(), test_case), end; it != end; ++it) {
        CAPTURE(entry.path().string());
        CAPTURE((*it)[1].str());
        CHECK((*it)[1].str().find(';') == std::string::npos);
        ++names;
      }
    }
  }
  // The scan found the suites: this file's own case at least, and many more.
  CHECK(names > 100);
}
