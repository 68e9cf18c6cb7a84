// SPDX-License-Identifier: MIT
#include "aa/core/render_report_text.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/color.h>
#include <fmt/core.h>

#include "aa/content/text.hpp"

namespace aa {
namespace {

// The day names before the calendar's rows: "Mon ", and as wide for the rest.
constexpr std::size_t label_width = 4;

constexpr std::string_view month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A day's cell by how many kinds it holds (none, one, two, all three).
constexpr std::string_view unicode_cells[] = {"·", "░", "▓", "█"};
constexpr std::string_view ascii_cells[] = {".", "-", "+", "#"};

constexpr std::string_view unicode_levels[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr std::string_view ascii_levels[] = {"_", ".", ",", "-", "=", "+", "*", "#"};

std::string styled(std::string_view text, fmt::text_style style, bool color) {
  return color ? fmt::format(style, "{}", text) : std::string(text);
}

// `text` with each character outside ASCII made a '?', for --ascii: the
// text is valid UTF-8 already (terminal_safe), so a character is one lead
// byte and its continuation bytes.
std::string ascii_only(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c >= 0xc0) {
      out += '?';
    }
  }
  return out;
}

std::string shown_text(std::string_view text, const ReportStyle& style) {
  const std::string safe = terminal_safe(text);
  return style.ascii ? ascii_only(safe) : safe;
}

std::string paragraph(std::string_view text, const ReportStyle& style) {
  return wrap_paragraph(text, style.width) + "\n";
}

std::string heading(std::string_view text, const ReportStyle& style) {
  return styled(wrap_paragraph(text, style.width), fmt::emphasis::bold, style.color) + "\n";
}

unsigned month_of(std::int64_t day) {
  return static_cast<unsigned>(std::chrono::year_month_day{std::chrono::sys_days(std::chrono::days(day))}.month());
}

unsigned day_of_month(std::int64_t day) {
  return static_cast<unsigned>(std::chrono::year_month_day{std::chrono::sys_days(std::chrono::days(day))}.day());
}

// The columns of the calendar: the Mondays of the weeks shown.
struct Weeks {
  std::int64_t first = 0;  // the Monday of the first week shown
  std::size_t shown = 0;   // how many are shown
  std::size_t all = 0;     // how many the days span
};

Weeks weeks_of(const ReportData& data, const ReportStyle& style) {
  const std::int64_t first = week_start(data.from);
  const auto all = static_cast<std::size_t>((week_start(data.to) - first) / 7 + 1);
  std::size_t shown = all;
  if (style.width > 0) shown = std::min(all, style.width > label_width ? style.width - label_width : std::size_t{1});
  return {first + static_cast<std::int64_t>(all - shown) * 7, shown, all};
}

// The months over the columns: each name over the week its first day is
// in, when that day is shown.
std::string month_row(const ReportData& data, const Weeks& weeks) {
  std::string row(label_width, ' ');
  std::size_t free_from = 0;  // the first column a name may start at
  for (std::size_t column = 0; column < weeks.shown; ++column) {
    const std::int64_t monday = weeks.first + static_cast<std::int64_t>(column) * 7;
    std::optional<unsigned> month;
    for (std::int64_t day = std::max(monday, data.from); day < monday + 7 && day <= data.to; ++day) {
      if (day_of_month(day) == 1) month = month_of(day);
    }
    // A name that would run past the last column is left out: it would
    // make the line wider than the calendar.
    if (!month || column < free_from || column + month_names[0].size() > weeks.shown) continue;
    row.append(column - (row.size() - label_width), ' ');
    row += month_names[*month - 1];
    free_from = column + month_names[0].size() + 1;
  }
  while (!row.empty() && row.back() == ' ') row.pop_back();
  return row + "\n";
}

std::string calendar(const ReportData& data, const Weeks& weeks, const ReportStyle& style) {
  static constexpr std::string_view day_labels[] = {"Mon", "", "Wed", "", "Fri", "", ""};
  const auto& cells = style.ascii ? ascii_cells : unicode_cells;
  const fmt::text_style cell_styles[] = {fmt::emphasis::faint, fmt::fg(fmt::terminal_color::green),
                                         fmt::fg(fmt::terminal_color::green),
                                         fmt::fg(fmt::terminal_color::bright_green) | fmt::emphasis::bold};
  std::string out = month_row(data, weeks);
  for (int row = 0; row < 7; ++row) {
    std::string line = fmt::format("{:<{}}", day_labels[row], label_width);
    for (std::size_t column = 0; column < weeks.shown; ++column) {
      const std::int64_t day = weeks.first + static_cast<std::int64_t>(column) * 7 + row;
      if (day < data.from || day > data.to) {
        line += ' ';
        continue;
      }
      const int kinds = data.on(day).kinds();
      line += styled(cells[kinds], cell_styles[kinds], style.color);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  const std::string legend = fmt::format("{} nothing saved  {} one of the three  {} two  {} all three", cells[0],
                                         cells[1], cells[2], cells[3]);
  const std::string indent(label_width, ' ');
  // Wrapping would close up the two spaces between the keys: only when it must.
  if (style.width == 0 || label_width + display_width(legend) <= style.width) return out + indent + legend + "\n";
  return out + wrap_paragraph(legend, style.width, indent, indent) + "\n";
}

// How a sparkline is named: "Fear of space, 0 to 4".
std::string series_name(const Series& series, const ReportStyle& style) {
  return fmt::format("{}, {} to {}", shown_text(series.name, style), series.low, series.high);
}

// Whether every sparkline's name fits after it; if one does not, all go
// above their lines, so that the lines stay in one column.
bool names_beside(const ReportData& data, const Weeks& weeks, const ReportStyle& style) {
  if (style.width == 0) return true;
  std::size_t widest =
      std::max(display_width(series_name(data.total, style)), display_width(series_name(data.strength, style)));
  for (const Series& sign : data.signs) widest = std::max(widest, display_width(series_name(sign, style)));
  return label_width + weeks.shown + 2 + widest <= style.width;
}

// A sparkline under the calendar's columns, named after it or above it.
std::string sparkline_row(const Series& series, const Weeks& weeks, const ReportData& data, bool beside,
                          const ReportStyle& style) {
  const std::int64_t last_day = std::min(data.to, weeks.first + static_cast<std::int64_t>(weeks.shown) * 7 - 1);
  const auto periods = by_period(series, std::max(data.from, weeks.first), last_day, Period::week);
  const std::string line = report_sparkline(periods, series.low, series.high, style.ascii);
  const std::string name = series_name(series, style);
  const std::string indent(label_width, ' ');
  if (beside) return indent + line + "  " + name + "\n";
  return wrap_paragraph(name, style.width, indent, indent) + "\n" + indent + line + "\n";
}

}  // namespace

std::string report_sparkline(std::span<const PeriodValue> values, int low, int high, bool ascii) {
  const auto& levels = ascii ? ascii_levels : unicode_levels;
  const double span = high > low ? high - low : 1;
  std::string out;
  for (const PeriodValue& value : values) {
    if (!value.average) {
      out += ascii ? " " : "·";
      continue;
    }
    const double share = std::clamp((*value.average - low) / span, 0.0, 1.0);
    out += levels[static_cast<std::size_t>(std::lround(share * 7))];
  }
  return out;
}

std::string render_report_text(const ReportData& data, const ReportStyle& style) {
  std::size_t with_check = 0, with_entry = 0, with_exercise = 0, with_any = 0;
  for (const ReportDay& day : data.days) {
    with_check += day.checks > 0 ? 1 : 0;
    with_entry += day.entries > 0 ? 1 : 0;
    with_exercise += day.exercises > 0 ? 1 : 0;
    with_any += day.kinds() > 0 ? 1 : 0;
  }
  const Weeks weeks = weeks_of(data, style);
  std::string out =
      heading(fmt::format("Your days from {} to {}", format_iso_date(data.from), format_iso_date(data.to)), style);
  out += paragraph(fmt::format("{} {} something saved: {} a check, {} a journal entry, {} an exercise.", with_any,
                               with_any == 1 ? "day holds" : "days hold", with_check, with_entry, with_exercise),
                   style);
  if (weeks.shown < weeks.all) {
    out += paragraph(fmt::format("The last {} of {} weeks are shown: as many as fit in {} columns.", weeks.shown,
                                 weeks.all, style.width),
                     style);
  }
  out += "\n" + calendar(data, weeks, style);
  const bool beside = names_beside(data, weeks, style);
  out += "\n" + heading("The check, week by week: the average of your answers", style);
  if (data.total.points.empty()) {
    out += paragraph("No check was saved in these days.", style);
  } else {
    out += sparkline_row(data.total, weeks, data, beside, style);
    for (const Series& sign : data.signs) out += sparkline_row(sign, weeks, data, beside, style);
  }
  out += "\n" + heading("Check-in strength, week by week", style);
  if (data.strength.points.empty()) {
    out += paragraph("No check-in was saved in these days.", style);
  } else {
    out += sparkline_row(data.strength, weeks, data, beside, style);
  }
  return out;
}

}  // namespace aa
