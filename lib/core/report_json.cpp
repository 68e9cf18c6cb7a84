// SPDX-License-Identifier: MIT
#include "aa/core/report_json.hpp"

#include <nlohmann/json.hpp>

#include "aa/core/json.hpp"

namespace aa {
namespace {

nlohmann::ordered_json series_json(const Series& series) {
  nlohmann::ordered_json points = nlohmann::ordered_json::array();
  for (const DayValue& point : series.points) {
    points.push_back({{"date", format_iso_date(point.day)}, {"value", point.value}});
  }
  return {{"name", series.name}, {"low", series.low}, {"high", series.high}, {"points", std::move(points)}};
}

}  // namespace

std::string report_json(const ReportData& data) {
  nlohmann::ordered_json days = nlohmann::ordered_json::array();
  for (std::int64_t day = data.from; day <= data.to; ++day) {
    const ReportDay& saved = data.on(day);
    if (saved.kinds() == 0) continue;
    days.push_back({{"date", format_iso_date(day)},
                    {"checks", saved.checks},
                    {"entries", saved.entries},
                    {"exercises", saved.exercises}});
  }
  nlohmann::ordered_json signs = nlohmann::ordered_json::array();
  for (const Series& sign : data.signs) signs.push_back(series_json(sign));
  const nlohmann::ordered_json document = {{"from", format_iso_date(data.from)},
                                           {"to", format_iso_date(data.to)},
                                           {"checks", data.checks},
                                           {"entries", data.entries},
                                           {"exercises", data.exercises},
                                           {"days", std::move(days)},
                                           {"total", series_json(data.total)},
                                           {"signs", std::move(signs)},
                                           {"strength", series_json(data.strength)}};
  return dump_json(document);
}

}  // namespace aa
