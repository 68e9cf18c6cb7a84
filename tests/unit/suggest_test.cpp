#include "aa/suggest.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_CASE("the closest name is suggested only when it is a likely slip") {
  const std::vector<std::string_view> names = {"strategies", "support", "signs", "summary"};
  CHECK(aa::closest_match("stratgies", names) == "strategies");
  CHECK(aa::closest_match("SUPORT", names) == "support");
  CHECK(aa::closest_match("sig", names) == "signs");
  CHECK_FALSE(aa::closest_match("zzzzzz", names).has_value());
  CHECK_FALSE(aa::closest_match("", names).has_value());
  CHECK_FALSE(aa::closest_match(std::string(100000, 'x'), names).has_value());
}

TEST_CASE("messages stay one printable line") {
  CHECK(aa::printable("a\nb\x1b[31m") == "a\\x0ab\\x1b[31m");
  CHECK(aa::printable("caf\xc3\xa9") == "caf\xc3\xa9");
  CHECK(aa::printable("bad\xff") == "bad\\xff");
  const std::string long_text = aa::printable(std::string(1000, 'x'));
  CHECK(long_text.size() < 70);
  CHECK(long_text.ends_with("..."));
  // Never cut inside a multi-byte character.
  std::string euros;
  for (int i = 0; i < 40; ++i) euros += "\xe2\x82\xac";
  CHECK(aa::printable(euros).size() % 3 == 0);
}
