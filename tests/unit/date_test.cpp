#include "aa/date.hpp"

#include <doctest/doctest.h>

TEST_CASE("ISO dates parse to day numbers and back") {
  CHECK(aa::parse_iso_date("1970-01-01") == 0);
  CHECK(aa::parse_iso_date("1970-01-02") == 1);
  CHECK(aa::parse_iso_date("1969-12-31") == -1);
  CHECK(aa::parse_iso_date("2024-02-29") == 19782);
  CHECK(aa::format_iso_date(19782) == "2024-02-29");
  CHECK(aa::format_iso_date(*aa::parse_iso_date("0001-01-01")) == "0001-01-01");
  CHECK(aa::format_iso_date(*aa::parse_iso_date("9999-12-31")) == "9999-12-31");
}

TEST_CASE("dates that do not exist or are badly written are refused") {
  for (const char* bad :
       {"2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01", "2026-1-01", "26-01-01",
        "2026/01/01", "2026-01-01x", "", "abcd-ef-gh", "+202-01-01", "2026-01-3\xff"}) {
    CAPTURE(bad);
    CHECK_FALSE(aa::parse_iso_date(bad).has_value());
  }
}

TEST_CASE("today is a plausible local date") {
  const auto today = aa::local_today();
  CHECK(today > *aa::parse_iso_date("2020-01-01"));
  CHECK(today < *aa::parse_iso_date("2200-01-01"));
}
