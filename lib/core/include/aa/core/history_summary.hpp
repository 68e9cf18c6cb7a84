// SPDX-License-Identifier: MIT
// What the history says about change: a summary of the results shown
// (first against latest, and the average of each sign), and the line that
// compares a new result with the one before it. Values, then their words
// for the terminal and for Markdown; check_json.hpp writes them as JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "aa/core/check.hpp"
#include "aa/core/render_check.hpp"

namespace aa {

struct SignSummary {
  std::string id;
  std::string sign;               // the newest name
  std::optional<double> average;  // over the results where it applies; none when it never did
  std::optional<int> first;       // in the first result, with a trend
  std::optional<int> latest;      // in the latest result, with a trend
};

struct HistorySummary {
  std::size_t count = 0;
  std::string first_time;   // when_taken() of the first, escaped
  std::string latest_time;  // and of the latest
  bool trend = false;       // count >= fewest_to_compare: first and latest are set
  int first_total = 0;
  int latest_total = 0;
  std::vector<SignSummary> signs;  // the signs of the newest result, then older ones', at most 8
};

// The summary of `records` (oldest first); count 0 for none.
HistorySummary summarize_history(std::span<const CheckRecord> records);

// The summary as lines for the terminal or a pipe, after the history
// table; "" for no records. Names from the records are escaped.
std::string render_summary_text(const HistorySummary& summary, const CheckStyle& style);

// The same as a Markdown section; "" for no records.
std::string render_summary_markdown(const HistorySummary& summary);

// One line that compares `current` with `previous`, the result saved
// before it: the totals, and which signs went lower or higher.
std::string render_comparison(const CheckRecord& previous, const CheckRecord& current);

}  // namespace aa
