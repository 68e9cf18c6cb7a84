// SPDX-License-Identifier: MIT
// The numbers aa-report draws, as JSON (aa-report --json), for a script:
//   {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD", "checks": N, "entries": N,
//    "exercises": N,
//    "days": [{"date", "checks", "entries", "exercises"}, ...] (days that hold something),
//    "total": {"name", "low", "high", "points": [{"date", "value"}, ...]},
//    "signs": [the same for each sign], "strength": the same for the check-in}
#pragma once

#include <string>

#include "aa/core/report.hpp"

namespace aa {

// The document, followed by a newline.
std::string report_json(const ReportData& data);

}  // namespace aa
