// SPDX-License-Identifier: MIT
// The report for a terminal or a pipe: a calendar of the days that hold
// something saved, weeks as columns as in a contribution graph, and under
// it a sparkline a line, week by week in the same columns: the check's
// total and each sign, and the check-in's strength.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "aa/core/report.hpp"

namespace aa {

struct ReportStyle {
  std::size_t width = 0;  // 0: every week, however wide
  bool color = false;     // ANSI styles
  bool ascii = false;     // ASCII only: for --ascii and a locale that is not UTF-8
};

// The calendar and the sparklines of `data`. When the weeks do not fit in
// `style.width` (with the day names), only the latest that do are shown,
// and a line says so. Sign names are escaped for the terminal.
std::string render_report_text(const ReportData& data, const ReportStyle& style);

// One character a period, from ▁ for `low` to █ for `high` (in ASCII,
// from _ to #); '·' (in ASCII, a space) for a period with no value.
std::string report_sparkline(std::span<const PeriodValue> values, int low, int high, bool ascii);

}  // namespace aa
