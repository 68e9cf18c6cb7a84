// SPDX-License-Identifier: MIT
// What aa-report does once main.cpp has parsed its options: reads the
// check history and the journal, and shows the days asked for as a
// picture on the terminal or writes them as a page (report.cpp).
#pragma once

#include <string>
#include <string_view>

#include "aa/cli/cli.hpp"
#include "aa/cli/range_options.hpp"

namespace aa::cli {

inline constexpr std::string_view report_program = "aa-report";

// The words of aa-report's --last, --from and --to.
extern const RangeWords report_range_words;

struct ReportRequest {
  RangeOptions range;
  std::string page;    // -o FILE: the page's file, "-" for stdout; "" for the terminal's picture
  bool ascii = false;  // --ascii
};

// Prints the picture, or writes the page; exit 1, saying so, when the days
// hold nothing saved.
int run_report(const ReportRequest& request, const Output& output);

}  // namespace aa::cli
