// SPDX-License-Identifier: MIT
#include "aa/core/date.hpp"

#include <chrono>
#include <ctime>

#include <fmt/core.h>

namespace aa {
namespace {

std::optional<int> digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// The largest UTC offset a time is written with, and read: 18 hours, as
// ISO 8601 profiles and most libraries take it (every real zone is within 14).
constexpr int max_offset_minutes = 18 * 60;

std::int64_t day_number(const std::chrono::year_month_day& date) {
  return std::chrono::sys_days(date).time_since_epoch().count();
}

}  // namespace

std::optional<std::int64_t> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = digits(text.substr(0, 4));
  const auto month = digits(text.substr(5, 2));
  const auto day = digits(text.substr(8, 2));
  if (!year || !month || !day || *year == 0) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  return day_number(date);
}

std::optional<std::int64_t> parse_day(std::string_view text, std::int64_t today) {
  std::string lower(text);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  std::optional<std::int64_t> day;
  if (lower == "today") {
    day = today;
  } else if (lower == "yesterday") {
    day = today - 1;
  } else if (lower.size() >= 2 && (lower.back() == 'd' || lower.back() == 'w')) {
    // Seven digits reach past the calendar's 3.65 million days, and no further.
    const std::string_view count = std::string_view(lower).substr(0, lower.size() - 1);
    const auto number = count.size() <= 7 ? digits(count) : std::nullopt;
    if (number) day = today - std::int64_t{*number} * (lower.back() == 'w' ? 7 : 1);
  } else {
    return parse_iso_date(text);
  }
  if (!day || *day < *parse_iso_date("0001-01-01") || *day > *parse_iso_date("9999-12-31")) return std::nullopt;
  return day;
}

std::string format_iso_date(std::int64_t day) {
  const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(day))};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::int64_t local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  const std::chrono::year_month_day date{std::chrono::year(local.tm_year + 1900),
                                         std::chrono::month(static_cast<unsigned>(local.tm_mon + 1)),
                                         std::chrono::day(static_cast<unsigned>(local.tm_mday))};
  return day_number(date);
}

LocalTime local_time_of(std::time_t when) {
  std::tm local{};
  if (localtime_r(&when, &local) == nullptr) return {};
  // An offset that RFC 3339 cannot write (TZ=UTC+24 gives -24:00; local
  // mean time has seconds in it): the time is given in UTC instead, so that
  // what is written can always be read back.
  if (local.tm_gmtoff % 60 != 0 || local.tm_gmtoff < -max_offset_minutes * 60 ||
      local.tm_gmtoff > max_offset_minutes * 60) {
    if (gmtime_r(&when, &local) == nullptr) return {};
  }
  const std::chrono::year_month_day date{std::chrono::year(local.tm_year + 1900),
                                         std::chrono::month(static_cast<unsigned>(local.tm_mon + 1)),
                                         std::chrono::day(static_cast<unsigned>(local.tm_mday))};
  // A leap second (tm_sec 60) is shown as the last second of its minute.
  const int second = local.tm_sec > 59 ? 59 : local.tm_sec;
  return {day_number(date), local.tm_hour * 3600 + local.tm_min * 60 + second, static_cast<int>(local.tm_gmtoff / 60)};
}

std::string format_local_time(const LocalTime& time) {
  const int offset = time.offset_minutes < 0 ? -time.offset_minutes : time.offset_minutes;
  return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_iso_date(time.day), time.second_of_day / 3600,
                     time.second_of_day / 60 % 60, time.second_of_day % 60, time.offset_minutes < 0 ? '-' : '+',
                     offset / 60, offset % 60);
}

std::int64_t seconds_since_epoch(const LocalTime& time) {
  return time.day * 86400 + time.second_of_day - std::int64_t{time.offset_minutes} * 60;
}

std::string readable_time(std::string_view stored) {
  const auto time = parse_local_time(stored);
  if (!time) return std::string(stored);
  const auto when = static_cast<std::time_t>(seconds_since_epoch(*time));
  std::tm local{};
  // A moment the local zone cannot place is shown on the clock it was
  // written with.
  if (localtime_r(&when, &local) == nullptr || local.tm_year + 1900 < 1 || local.tm_year + 1900 > 9999) {
    return fmt::format("{} {:02}:{:02}", format_iso_date(time->day), time->second_of_day / 3600,
                       time->second_of_day / 60 % 60);
  }
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
                     local.tm_hour, local.tm_min);
}

std::optional<LocalTime> parse_local_time(std::string_view text) {
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
  const auto day = parse_iso_date(text.substr(0, 10));
  const auto hour = digits(text.substr(11, 2));
  const auto minute = digits(text.substr(14, 2));
  const auto second = digits(text.substr(17, 2));
  if (!day || !hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
  LocalTime time{*day, *hour * 3600 + *minute * 60 + *second, 0};
  const std::string_view zone = text.substr(19);
  if (zone == "Z") return time;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
  const auto offset_hours = digits(zone.substr(1, 2));
  const auto offset_minutes = digits(zone.substr(4, 2));
  if (!offset_hours || !offset_minutes || *offset_minutes > 59 ||
      *offset_hours * 60 + *offset_minutes > max_offset_minutes) {
    return std::nullopt;
  }
  time.offset_minutes = (zone[0] == '-' ? -1 : 1) * (*offset_hours * 60 + *offset_minutes);
  return time;
}

}  // namespace aa
