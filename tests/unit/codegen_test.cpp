// SPDX-License-Identifier: MIT
#include "aa/content/codegen.hpp"

#include <doctest/doctest.h>

#include "aa/content/builtin.hpp"

TEST_CASE("string literals escape what C++ would misread") {
  CHECK(aa::cpp_string_literal("plain") == "std::string_view(\"plain\", 5)");
  CHECK(aa::cpp_string_literal("say \"hi\"\\") == "std::string_view(\"say \\\"hi\\\"\\\\\", 9)");
  // Octal escapes are three digits, so a digit after one is not swallowed.
  CHECK(aa::cpp_string_literal("\xe2\x80\x99"
                               "1") == "std::string_view(\"\\342\\200\\2311\", 4)");
  CHECK(aa::cpp_string_literal("?\?=") == "std::string_view(\"\\077\\077=\", 3)");
}

TEST_CASE("the generated source carries every record") {
  const std::string source = aa::generate_content_source(aa::builtin_content());
  for (const aa::Tip& tip : aa::builtin_content().tips) {
    CHECK(source.find(aa::cpp_string_literal(tip.id)) != std::string::npos);
  }
  CHECK(source.find("const Content& builtin_content()") != std::string::npos);
}
