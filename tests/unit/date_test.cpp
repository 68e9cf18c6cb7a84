// SPDX-License-Identifier: MIT
#include "aa/core/date.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "time_zone.hpp"

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

TEST_CASE("--from and --to days: a date, or today, yesterday, N days or N weeks before today") {
  const std::int64_t today = *aa::parse_iso_date("2026-03-10");
  const auto day = [&](const char* text) {
    const auto parsed = aa::parse_day(text, today);
    return parsed ? aa::format_iso_date(*parsed) : "refused";
  };
  CHECK(day("2026-01-31") == "2026-01-31");
  CHECK(day("today") == "2026-03-10");
  CHECK(day("yesterday") == "2026-03-09");
  CHECK(day("0d") == "2026-03-10");
  CHECK(day("1d") == "2026-03-09");
  CHECK(day("10d") == "2026-02-28");  // across the end of February
  CHECK(day("0w") == "2026-03-10");
  CHECK(day("2w") == "2026-02-24");
  CHECK(day("007d") == "2026-03-03");
  CHECK(day("Today") == "2026-03-10");
  CHECK(day("YESTERDAY") == "2026-03-09");
  CHECK(day("3D") == "2026-03-07");
  CHECK(day("1W") == "2026-03-03");
  // As far back as the calendar goes, and not a day further.
  const std::int64_t first = *aa::parse_iso_date("0001-01-01");
  CHECK(aa::parse_day(std::to_string(today - first) + "d", today) == first);
  CHECK_FALSE(aa::parse_day(std::to_string(today - first + 1) + "d", today).has_value());
  for (const char* bad : {"",
                          "d",
                          "w",
                          "-1d",
                          "+1d",
                          "1.5d",
                          "1 d",
                          " 1d",
                          "1dd",
                          "1y",
                          "1m",
                          "tomorrow",
                          "tod",
                          "todayx",
                          "12345678d",
                          "99999999999999999999d",
                          "9999999w",
                          "2026-02-30",
                          "1d\n",
                          "\xff"
                          "d"}) {
    CAPTURE(bad);
    CHECK_FALSE(aa::parse_day(bad, today).has_value());
  }
  // A day after 9999-12-31 cannot be written back: refused even as "today".
  CHECK_FALSE(aa::parse_day("today", *aa::parse_iso_date("9999-12-31") + 1).has_value());
}

TEST_CASE("today is a plausible local date") {
  const auto today = aa::local_today();
  CHECK(today > *aa::parse_iso_date("2020-01-01"));
  CHECK(today < *aa::parse_iso_date("2200-01-01"));
}

using aa::test::in_time_zone;

TEST_CASE("a moment is shown in local time with its offset, as TZ says") {
  const std::time_t when = 1795854912;  // 2026-11-28 08:35:12 UTC
  in_time_zone("CET-1CEST,M3.5.0,M10.5.0/3", [&] {
    const aa::LocalTime local = aa::local_time_of(when);
    CHECK(local == aa::LocalTime{20785, 9 * 3600 + 35 * 60 + 12, 60});
    CHECK(aa::format_local_time(local) == "2026-11-28T09:35:12+01:00");
    // Summer time: two hours, and past midnight the local date is the next day.
    CHECK(aa::format_local_time(aa::local_time_of(1782945000)) == "2026-07-02T00:30:00+02:00");
  });
  in_time_zone("UTC0", [&] { CHECK(aa::format_local_time(aa::local_time_of(when)) == "2026-11-28T08:35:12+00:00"); });
  in_time_zone("<-0330>3:30",
               [&] { CHECK(aa::format_local_time(aa::local_time_of(when)) == "2026-11-28T05:05:12-03:30"); });
}

TEST_CASE("local times parse back to what they were") {
  for (const char* text : {"2026-11-28T09:35:12+01:00", "2026-11-28T05:05:12-03:30", "0001-01-01T00:00:00+00:00",
                           "9999-12-31T23:59:59+14:00", "2024-02-29T12:00:00-18:00"}) {
    const auto parsed = aa::parse_local_time(text);
    REQUIRE(parsed);
    CHECK(aa::format_local_time(*parsed) == text);
  }
  CHECK(aa::parse_local_time("2026-11-28T09:35:12+01:00") == aa::LocalTime{20785, 34512, 60});
  CHECK(aa::parse_local_time("2026-11-28T09:35:12Z") == aa::LocalTime{20785, 34512, 0});
  CHECK(aa::parse_local_time("2026-11-28T09:35:12-00:30")->offset_minutes == -30);
}

TEST_CASE("malformed local times are refused") {
  for (const char* text :
       {"", "2026-11-28", "2026-11-28T09:35:12", "2026-11-28 09:35:12+01:00", "2026-11-28T24:00:00+01:00",
        "2026-11-28T09:60:00+01:00", "2026-11-28T09:35:60+01:00", "2026-02-30T09:35:12+01:00",
        "2026-11-28T09:35:12+0100", "2026-11-28T09:35:12+01:60", "2026-11-28T09:35:12+19:00",
        "2026-11-28T09:35:12 +01:00", "2026-11-28T09:35:12+01:00 ", "2026-11-28T9:35:12+01:00", "2026-11-28T09:35:12z",
        "2026-11-28T09:35:12.5+01:00", "2026-11-28T+9:35:12+01:00"}) {
    CAPTURE(text);
    CHECK_FALSE(aa::parse_local_time(text));
  }
}

TEST_CASE("date ranges include both ends, and an open end holds everything that way") {
  const aa::DateRange range{aa::parse_iso_date("2026-03-01"), aa::parse_iso_date("2026-03-31")};
  CHECK(range.contains(*aa::parse_iso_date("2026-03-01")));
  CHECK(range.contains(*aa::parse_iso_date("2026-03-31")));
  CHECK_FALSE(range.contains(*aa::parse_iso_date("2026-02-28")));
  CHECK_FALSE(range.contains(*aa::parse_iso_date("2026-04-01")));
  CHECK_FALSE(range.empty());
  CHECK(aa::DateRange{}.contains(0));
  CHECK(aa::DateRange{std::nullopt, 5}.contains(-100000));
  CHECK_FALSE(aa::DateRange{std::nullopt, 5}.contains(6));
  CHECK(aa::DateRange{5, 4}.empty());
  CHECK_FALSE(aa::DateRange{5, 5}.empty());
}

TEST_CASE("a stored time reads as YYYY-MM-DD HH:MM in the local time zone, whatever zone wrote it") {
  const char* stored = "2026-03-01T21:14:05+01:00";  // 20:14:05 UTC
  in_time_zone("UTC0", [&] { CHECK(aa::readable_time(stored) == "2026-03-01 20:14"); });
  in_time_zone("CET-1CEST,M3.5.0,M10.5.0/3", [&] { CHECK(aa::readable_time(stored) == "2026-03-01 21:14"); });
  // Across midnight, the date follows the local clock.
  in_time_zone("JST-9", [&] { CHECK(aa::readable_time(stored) == "2026-03-02 05:14"); });
  in_time_zone("<-0330>3:30", [&] { CHECK(aa::readable_time(stored) == "2026-03-01 16:44"); });
  in_time_zone("UTC0", [&] {
    CHECK(aa::readable_time("2026-03-05T12:00:00Z") == "2026-03-05 12:00");
    CHECK(aa::readable_time("2026-03-03T08:00:59-05:00") == "2026-03-03 13:00");
    // The extremes a store may hold still read.
    CHECK(aa::readable_time("9999-12-31T23:59:59+14:00") == "9999-12-31 09:59");
    CHECK(aa::readable_time("0001-01-01T00:00:00+00:00") == "0001-01-01 00:00");
  });
  // Past the years a local date can show, the clock it was written with.
  in_time_zone("JST-9", [&] { CHECK(aa::readable_time("9999-12-31T23:00:00+00:00") == "9999-12-31 23:00"); });
  // What is not a stored time comes back as it is, for the caller to escape.
  CHECK(aa::readable_time("2026-03-01") == "2026-03-01");
  CHECK(aa::readable_time("soon\x1b") == "soon\x1b");
}

TEST_CASE("seconds_since_epoch counts the offset") {
  CHECK(aa::seconds_since_epoch(*aa::parse_local_time("1970-01-01T01:00:00+01:00")) == 0);
  CHECK(aa::seconds_since_epoch(*aa::parse_local_time("2026-11-28T09:35:12+01:00")) == 1795854912);
}
