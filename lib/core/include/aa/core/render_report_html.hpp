// SPDX-License-Identifier: MIT
// The report as one self-contained HTML page, to print or to show someone
// (a therapist): inline SVG charts, each with a <title> and a table to read
// instead; no script and no outside address, which its Content-Security-
// Policy also forbids; light and dark themes and a print stylesheet. A
// person's text (the signs' names, as the history file holds them) is
// escaped; the journal's words are not in it at all, only counts.
#pragma once

#include <string>
#include <string_view>

#include "aa/core/report.hpp"

namespace aa {

// What the page says about itself at its end.
struct PageFacts {
  std::string made_on;  // when, as a person reads it: "2026-03-01 21:14"
  std::string made_by;  // "aa-report 0.1.0"
};

// The policy the page declares: nothing from anywhere, its own styles only.
inline constexpr std::string_view report_content_policy = "default-src 'none'; style-src 'unsafe-inline'";

std::string render_report_html(const ReportData& data, const PageFacts& facts);

// `text` as HTML text or an attribute's value: & < > " ' as entities, and
// a control character (which HTML forbids) as U+FFFD.
std::string html_escape(std::string_view text);

}  // namespace aa
