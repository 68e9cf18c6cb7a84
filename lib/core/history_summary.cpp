// SPDX-License-Identifier: MIT
#include "aa/core/history_summary.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/color.h>
#include <fmt/core.h>

#include "aa/content/text.hpp"
#include "aa/core/markdown.hpp"

namespace aa {
namespace {

// As many sign columns as the history table has.
constexpr std::size_t most_signs = 8;

// The value `record` gives the sign `id`, if it rates it and it applied.
std::optional<int> value_of(const CheckRecord& record, std::string_view id) {
  for (const Rating& rating : record.answers) {
    if (rating.id == id && applies(rating.value)) return rating.value;
  }
  return std::nullopt;
}

// "1.5"; "-" for a sign that never applied.
std::string one_decimal(const std::optional<double>& value) { return value ? fmt::format("{:.1f}", *value) : "-"; }

std::string change_text(const SignSummary& sign) {
  const auto shown = [](const std::optional<int>& value) { return value ? std::to_string(*value) : "-"; };
  return fmt::format("{} → {}", shown(sign.first), shown(sign.latest));
}

std::string heading_text(const HistorySummary& summary) {
  if (summary.count == 1) return fmt::format("Summary: 1 result, on {}", summary.first_time);
  return fmt::format("Summary: {} results, from {} to {}", summary.count, summary.first_time, summary.latest_time);
}

// Said only where there is less than fewest_to_compare.
std::string nothing_to_compare(const HistorySummary& summary) {
  return fmt::format("First against latest needs {} results or more; {} {} shown here.", fewest_to_compare,
                     summary.count, summary.count == 1 ? "is" : "are");
}

}  // namespace

HistorySummary summarize_history(std::span<const CheckRecord> records) {
  HistorySummary summary;
  summary.count = records.size();
  if (records.empty()) return summary;
  summary.first_time = terminal_safe(when_taken(records.front()));
  summary.latest_time = terminal_safe(when_taken(records.back()));
  struct Tally {
    long long sum = 0;
    std::size_t count = 0;
  };
  std::unordered_map<std::string_view, std::size_t> index;
  std::vector<Tally> tallies;
  for (auto record = records.rbegin(); record != records.rend(); ++record) {
    for (const Rating& rating : record->answers) {
      auto found = index.find(rating.id);
      if (found == index.end()) {
        if (summary.signs.size() == most_signs) continue;
        found = index.emplace(rating.id, summary.signs.size()).first;
        summary.signs.push_back({rating.id, rating.sign, 0, std::nullopt, std::nullopt});
        tallies.emplace_back();
      }
      if (!applies(rating.value)) continue;
      tallies[found->second].sum += rating.value;
      ++tallies[found->second].count;
    }
  }
  for (std::size_t i = 0; i < summary.signs.size(); ++i) {
    if (tallies[i].count == 0) continue;
    summary.signs[i].average = static_cast<double>(tallies[i].sum) / static_cast<double>(tallies[i].count);
  }
  summary.trend = records.size() >= fewest_to_compare;
  if (summary.trend) {
    summary.first_total = records.front().total;
    summary.latest_total = records.back().total;
    for (SignSummary& sign : summary.signs) {
      sign.first = value_of(records.front(), sign.id);
      sign.latest = value_of(records.back(), sign.id);
    }
  }
  return summary;
}

std::string render_summary_text(const HistorySummary& summary, const CheckStyle& style) {
  if (summary.count == 0) return "";
  std::string out = "\n";
  const std::string title = wrap_paragraph(heading_text(summary), style.width);
  out += (style.color ? fmt::format(fmt::emphasis::bold, "{}", title) : title) + "\n";
  if (summary.trend) {
    out += wrap_paragraph(fmt::format("First against latest: total {} → {}", summary.first_total, summary.latest_total),
                          style.width, "  ", "  ") +
           "\n";
  }
  std::vector<std::string> signs;
  std::size_t sign_width = 0;
  for (const SignSummary& sign : summary.signs) {
    signs.push_back(terminal_safe(sign.sign));
    sign_width = std::max(sign_width, display_width(signs.back()));
  }
  for (std::size_t i = 0; i < signs.size(); ++i) {
    const SignSummary& sign = summary.signs[i];
    std::string values = summary.trend ? change_text(sign) + "  " : "";
    values += "average " + one_decimal(sign.average);
    const std::size_t row = 2 + sign_width + 2 + display_width(values);
    if (style.width > 0 && row > style.width) {
      out += wrap_paragraph(signs[i], style.width, "  ", "  ") + "\n    " + values + "\n";
    } else {
      out += "  " + signs[i] + std::string(sign_width - display_width(signs[i]), ' ') + "  " + values + "\n";
    }
  }
  if (!summary.trend) out += wrap_paragraph(nothing_to_compare(summary), style.width, "  ", "  ") + "\n";
  return out;
}

std::string render_summary_markdown(const HistorySummary& summary) {
  if (summary.count == 0) return "";
  std::string out = "\n" + markdown_heading(2, "Summary", "summary") + "\n";
  out += escape_markdown(heading_text(summary).substr(std::string_view("Summary: ").size())) + ".\n\n";
  if (summary.trend) {
    out += fmt::format("First against latest: total {} → {}.\n\n", summary.first_total, summary.latest_total);
    out += "| Sign | First | Latest | Average |\n|---|---:|---:|---:|\n";
  } else {
    out += "| Sign | Average |\n|---|---:|\n";
  }
  for (const SignSummary& sign : summary.signs) {
    const std::string name = escape_markdown(terminal_safe(sign.sign));
    const auto shown = [](const std::optional<int>& value) { return value ? std::to_string(*value) : "-"; };
    if (summary.trend) {
      out += fmt::format("| {} | {} | {} | {} |\n", name, shown(sign.first), shown(sign.latest),
                         one_decimal(sign.average));
    } else {
      out += fmt::format("| {} | {} |\n", name, one_decimal(sign.average));
    }
  }
  if (!summary.trend) out += "\n" + nothing_to_compare(summary) + "\n";
  return out;
}

std::string render_comparison(const CheckRecord& previous, const CheckRecord& current) {
  std::string lower;
  std::string higher;
  for (const Rating& rating : current.answers) {
    const std::optional<int> before = value_of(previous, rating.id);
    if (!before || !applies(rating.value) || *before == rating.value) continue;
    std::string& list = rating.value < *before ? lower : higher;
    list += (list.empty() ? "" : ", ") + terminal_safe(rating.sign);
  }
  std::string out = fmt::format("Since your last check ({}): total {} → {}", terminal_safe(when_taken(previous)),
                                previous.total, current.total);
  if (lower.empty() && higher.empty()) return out + "; every sign is where it was.";
  if (!lower.empty()) out += "; lower: " + lower;
  if (!higher.empty()) out += "; higher: " + higher;
  return out + ".";
}

}  // namespace aa
