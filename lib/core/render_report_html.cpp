// SPDX-License-Identifier: MIT
#include "aa/core/render_report_html.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <vector>

#include <fmt/core.h>

namespace aa {
namespace {

// Light and dark by the reader's setting; on paper, black on white and
// greys that print. No font or image from anywhere: the page is one file.
constexpr std::string_view style_sheet = R"(:root{color-scheme:light dark;--bg:#fbfbf8;--fg:#222;--muted:#5b6168;
--line:#d3d7db;--ink:#35679a;--c0:#e6e8ea;--c1:#b9dcc2;--c2:#6fb887;--c3:#2e7d4c}
@media (prefers-color-scheme:dark){:root{--bg:#17191b;--fg:#e3e3e3;--muted:#a3a9b0;--line:#3a3f45;
--ink:#8fb8e8;--c0:#2a2e33;--c1:#24513a;--c2:#338356;--c3:#63c585}}
body{margin:0 auto;max-width:54rem;padding:1.5rem;font:16px/1.5 system-ui,sans-serif;background:var(--bg);
color:var(--fg)}
h1{font-size:1.6rem;font-weight:600;margin:0 0 .5rem}h2{font-size:1.25rem;font-weight:600;margin:2rem 0 .5rem}
h3{font-size:1rem;font-weight:600;margin:1.25rem 0 .25rem}
.quiet{color:var(--muted)}
svg{display:block;width:100%;height:auto;margin:.25rem 0 .75rem}svg.calendar{width:auto;max-width:100%}
svg text{fill:var(--muted);font:11px system-ui,sans-serif}
.axis{stroke:var(--line);stroke-width:1}.line{fill:none;stroke:var(--ink);stroke-width:2;stroke-linejoin:round}
.dot{fill:var(--ink)}
.k0{fill:var(--c0)}.k1{fill:var(--c1)}.k2{fill:var(--c2)}.k3{fill:var(--c3)}
.key{display:inline-block;width:.8em;height:.8em;border-radius:2px;vertical-align:-.05em;margin:0 .3em 0 .8em}
.b0{background:var(--c0)}.b1{background:var(--c1)}.b2{background:var(--c2)}.b3{background:var(--c3)}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem;font-variant-numeric:tabular-nums}
caption{text-align:left;color:var(--muted);padding-bottom:.25rem}
th,td{padding:.15rem .7rem;border-bottom:1px solid var(--line);text-align:right;font-weight:normal}
thead th{font-weight:600}th:first-child,td:first-child{text-align:left;padding-left:0;white-space:nowrap}
@media print{:root{--bg:#fff;--fg:#000;--muted:#333;--line:#999;--ink:#000;--c0:#eee;--c1:#bbb;--c2:#777;--c3:#222}
body{max-width:none;padding:0;font-size:11pt}h2{break-after:avoid}svg,tr{break-inside:avoid}
.key{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
)";

constexpr std::string_view month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

// A line chart's size, in the units of its viewBox.
constexpr double chart_width = 640, chart_height = 150;
constexpr double chart_left = 34, chart_right = 12, chart_top = 10, chart_bottom = 24;

// A calendar's cells.
constexpr int cell = 11, cell_step = 13, calendar_left = 30, calendar_top = 16;

std::chrono::year_month_day civil(std::int64_t day) {
  return std::chrono::year_month_day{std::chrono::sys_days(std::chrono::days(day))};
}

std::int64_t day_of(std::chrono::year_month_day date) { return std::chrono::sys_days(date).time_since_epoch().count(); }

int year_of(std::int64_t day) { return static_cast<int>(civil(day).year()); }

std::string month_label(std::int64_t day) {
  const auto date = civil(day);
  return fmt::format("{} {}", month_names[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()));
}

// How a period is named in a table's first column, and its heading.
std::string period_label(std::int64_t start, Period period) {
  return period == Period::month ? month_label(start) : format_iso_date(start);
}

std::string_view period_heading(Period period) {
  switch (period) {
    case Period::day: return "Day";
    case Period::week: return "Week of";
    case Period::month: return "Month";
  }
  return "";
}

std::string_view period_words(Period period) {
  switch (period) {
    case Period::day: return "day by day";
    case Period::week: return "week by week";
    case Period::month: return "month by month";
  }
  return "";
}

std::string one_decimal(const std::optional<double>& value) { return value ? fmt::format("{:.1f}", *value) : "–"; }

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// A line of averages over time, with its scale; a gap where a period has
// none, and a dot for a value with no neighbour to join.
std::string line_chart(std::string_view id, const std::string& title, const Series& series,
                       const std::vector<PeriodValue>& periods, Period period) {
  const double plot_width = chart_width - chart_left - chart_right;
  const double plot_height = chart_height - chart_top - chart_bottom;
  const double span = series.high > series.low ? series.high - series.low : 1;
  const auto x = [&](std::size_t i) {
    return chart_left + plot_width * (static_cast<double>(i) + 0.5) / static_cast<double>(periods.size());
  };
  const auto y = [&](double value) { return chart_top + plot_height * (1 - (value - series.low) / span); };
  std::string out =
      fmt::format("<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{}\"><title id=\"{}\">{}</title>\n",
                  chart_width, chart_height, id, id, title);
  for (const int value : {series.low, series.high}) {
    out += fmt::format("<line class=\"axis\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>", chart_left,
                       chart_width - chart_right, y(value), y(value));
    out +=
        fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", chart_left - 6, y(value) + 4, value);
  }
  const double label_y = chart_height - 6;
  out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", chart_left, label_y,
                     period_label(periods.front().start, period));
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", chart_width - chart_right, label_y,
                     period_label(periods.back().start, period));
  std::string path;
  std::string dots;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    if (!periods[i].average) continue;
    const bool joined_before = i > 0 && periods[i - 1].average;
    const bool joined_after = i + 1 < periods.size() && periods[i + 1].average;
    path += fmt::format("{}{:.1f} {:.1f}", joined_before ? " L" : (path.empty() ? "M" : " M"), x(i),
                        y(*periods[i].average));
    if (!joined_before && !joined_after) {
      dots +=
          fmt::format("<circle class=\"dot\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\"/>", x(i), y(*periods[i].average));
    }
  }
  if (!path.empty()) out += fmt::format("<path class=\"line\" d=\"{}\"/>\n", path);
  if (!dots.empty()) out += dots + "\n";
  return out + "</svg>\n";
}

// The words of a day's cell: what it holds.
std::string day_words(const ReportDay& day) {
  std::vector<std::string> parts;
  if (day.checks > 0) parts.push_back(plural(day.checks, "check", "checks"));
  if (day.entries > 0) parts.push_back(plural(day.entries, "journal entry", "journal entries"));
  if (day.exercises > 0) parts.push_back(plural(day.exercises, "exercise", "exercises"));
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

// One year's days, weeks as columns and Monday on top.
std::string year_calendar(const ReportData& data, int year) {
  const std::int64_t first = std::max(data.from, day_of(std::chrono::year(year) / 1 / 1));
  const std::int64_t last = std::min(data.to, day_of(std::chrono::year(year) / 12 / 31));
  const std::int64_t first_monday = week_start(first);
  const auto columns = static_cast<int>((week_start(last) - first_monday) / 7 + 1);
  std::size_t saved = 0;
  for (std::int64_t day = first; day <= last; ++day) saved += data.on(day).kinds() > 0 ? 1 : 0;
  const std::string id = fmt::format("calendar-{}", year);
  // Drawn at its own size (smaller on a narrow screen), not stretched:
  // half a year would otherwise have cells twice as large as a whole one.
  const int width = calendar_left + columns * cell_step + 2, height = calendar_top + 7 * cell_step + 2;
  std::string out = fmt::format(
      "<svg class=\"calendar\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-labelledby=\"{}\"><title id=\"{}\">{}: {} of {} days hold something saved</title>\n",
      width, height, width, height, id, id, year, saved, last - first + 1);
  static constexpr std::string_view day_labels[] = {"Mon", "", "Wed", "", "Fri", "", ""};
  for (int row = 0; row < 7; ++row) {
    if (day_labels[row].empty()) continue;
    out += fmt::format("<text x=\"0\" y=\"{}\">{}</text>", calendar_top + row * cell_step + cell - 1, day_labels[row]);
  }
  out += "\n";
  for (int column = 0; column < columns; ++column) {
    const std::int64_t monday = first_monday + column * 7;
    for (std::int64_t day = std::max(monday, first); day <= std::min(monday + 6, last); ++day) {
      if (civil(day).day() == std::chrono::day(1) || (day == first && column == 0)) {
        out += fmt::format("<text x=\"{}\" y=\"11\">{}</text>", calendar_left + column * cell_step,
                           month_names[static_cast<unsigned>(civil(day).month()) - 1].substr(0, 3));
      }
    }
  }
  out += "\n";
  for (std::int64_t day = first; day <= last; ++day) {
    const int column = static_cast<int>((week_start(day) - first_monday) / 7);
    const ReportDay& held = data.on(day);
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" class=\"k{}\"",
                       calendar_left + column * cell_step, calendar_top + weekday(day) * cell_step, cell, cell,
                       held.kinds());
    out +=
        held.kinds() == 0 ? "/>" : fmt::format("><title>{}: {}</title></rect>", format_iso_date(day), day_words(held));
    if (weekday(day) == 6) out += "\n";
  }
  return out + "\n</svg>\n";
}

std::string calendar_section(const ReportData& data) {
  std::string out =
      "<section>\n<h2>Days practised</h2>\n"
      "<p>Each square is a day; the darker it is, the more of three things it holds: a check, a journal entry, "
      "an exercise.</p>\n";
  for (int year = year_of(data.from); year <= year_of(data.to); ++year) {
    out += fmt::format("<h3>{}</h3>\n", year) + year_calendar(data, year);
  }
  out +=
      "<p class=\"quiet\"><span class=\"key b0\"></span>nothing saved<span class=\"key b1\"></span>one of the "
      "three<span class=\"key b2\"></span>two<span class=\"key b3\"></span>all three</p>\n";
  out +=
      "<table>\n<caption>Days practised, month by month</caption>\n<thead><tr><th scope=\"col\">Month</th>"
      "<th scope=\"col\">Days with a check</th><th scope=\"col\">With a journal entry</th>"
      "<th scope=\"col\">With an exercise</th><th scope=\"col\">With any of them</th></tr></thead>\n<tbody>\n";
  for (std::int64_t start = period_start(data.from, Period::month); start <= data.to;
       start = day_of(civil(start) + std::chrono::months(1))) {
    const std::int64_t end = std::min(data.to, day_of(civil(start) + std::chrono::months(1)) - 1);
    std::size_t counts[4] = {};
    for (std::int64_t day = std::max(start, data.from); day <= end; ++day) {
      const ReportDay& held = data.on(day);
      counts[0] += held.checks > 0 ? 1 : 0;
      counts[1] += held.entries > 0 ? 1 : 0;
      counts[2] += held.exercises > 0 ? 1 : 0;
      counts[3] += held.kinds() > 0 ? 1 : 0;
    }
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       month_label(start), counts[0], counts[1], counts[2], counts[3]);
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

std::string check_section(const ReportData& data, Period period) {
  std::string out = "<section>\n<h2>The check over time</h2>\n";
  if (data.total.points.empty()) return out + "<p>No check was saved in these days.</p>\n</section>\n";
  out += fmt::format(
      "<p>The average of your answers, {}. Each statement was answered from 0 (never) to 4 (almost always); "
      "the total adds up the answers that applied. A gap is a time with no check; an answer of “does not "
      "apply” is left out.</p>\n",
      period_words(period));
  std::vector<std::vector<PeriodValue>> columns{by_period(data.total, data.from, data.to, period)};
  out += "<h3>Total</h3>\n" + line_chart("chart-total",
                                         fmt::format("The check’s total, {}, on a scale of {} to {}",
                                                     period_words(period), data.total.low, data.total.high),
                                         data.total, columns.back(), period);
  for (std::size_t i = 0; i < data.signs.size(); ++i) {
    const Series& sign = data.signs[i];
    const std::string name = html_escape(sign.name);
    columns.push_back(by_period(sign, data.from, data.to, period));
    out += fmt::format("<h3>{}</h3>\n", name) +
           line_chart(fmt::format("chart-sign-{}", i + 1),
                      fmt::format("{}, {}, on a scale of {} to {}", name, period_words(period), sign.low, sign.high),
                      sign, columns.back(), period);
  }
  out += fmt::format(
      "<table>\n<caption>The check, {}: averages</caption>\n<thead><tr><th scope=\"col\">{}</th>"
      "<th scope=\"col\">Checks</th><th scope=\"col\">Total</th>",
      period_words(period), period_heading(period));
  for (const Series& sign : data.signs) out += fmt::format("<th scope=\"col\">{}</th>", html_escape(sign.name));
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t row = 0; row < columns.front().size(); ++row) {
    const PeriodValue& total = columns.front()[row];
    if (total.count == 0) continue;
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td>", period_label(total.start, period), total.count);
    for (const auto& column : columns) out += fmt::format("<td>{}</td>", one_decimal(column[row].average));
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

std::string strength_section(const ReportData& data, Period period) {
  std::string out = "<section>\n<h2>Check-in strength over time</h2>\n";
  if (data.strength.points.empty()) return out + "<p>No check-in was saved in these days.</p>\n</section>\n";
  const auto periods = by_period(data.strength, data.from, data.to, period);
  out += fmt::format("<p>How strong the feeling was at each check-in, from 0 to 10: the average, {}.</p>\n",
                     period_words(period));
  out += line_chart("chart-strength",
                    fmt::format("Check-in strength, {}, on a scale of {} to {}", period_words(period),
                                data.strength.low, data.strength.high),
                    data.strength, periods, period);
  out += fmt::format(
      "<table>\n<caption>Check-in strength, {}: averages</caption>\n<thead><tr><th scope=\"col\">{}</th>"
      "<th scope=\"col\">Check-ins</th><th scope=\"col\">Strength</th></tr></thead>\n<tbody>\n",
      period_words(period), period_heading(period));
  for (const PeriodValue& value : periods) {
    if (value.count == 0) continue;
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>\n", period_label(value.start, period),
                       value.count, one_decimal(value.average));
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == '\x7f') {
          out += "\xef\xbf\xbd";
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string render_report_html(const ReportData& data, const PageFacts& facts) {
  const Period period = period_for(data.from, data.to);
  const std::string from = format_iso_date(data.from), to = format_iso_date(data.to);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"color-scheme\" content=\"light dark\">\n"
      "<title>Your days, {} to {}</title>\n<style>\n{}</style>\n</head>\n<body>\n<main>\n",
      report_content_policy, from, to, style_sheet);
  out += fmt::format("<h1>Your days, {} to {}</h1>\n", from, to);
  out += fmt::format(
      "<p>What you saved with aa in these days: {}, {} and {}. The pictures show when you took time for "
      "yourself and how your answers moved; they describe answers, not the person who gave them.</p>\n",
      plural(data.checks, "check", "checks"), plural(data.entries, "journal entry", "journal entries"),
      plural(data.exercises, "exercise", "exercises"));
  out += calendar_section(data);
  out += check_section(data, period);
  out += strength_section(data, period);
  out += fmt::format(
      "<p class=\"quiet\">Made on {} by {}, from what was saved on this computer; nothing of it was sent "
      "anywhere. This is material to reflect on, not a diagnosis. If you are in crisis, contact your local "
      "emergency services or a crisis line (findahelpline.com lists them by country).</p>\n",
      html_escape(facts.made_on), html_escape(facts.made_by));
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace aa
