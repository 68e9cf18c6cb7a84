// SPDX-License-Identifier: MIT
#include "aa/cli/format_rule.hpp"

#include <string>
#include <utility>

#include <fmt/core.h>

#include "aa/io/error.hpp"

namespace aa::cli {
namespace {

constexpr std::pair<Format, std::string_view> formats[] = {
    {Format::text, "text"}, {Format::markdown, "markdown"}, {Format::json, "json"}, {Format::fortune, "fortune"}};

}  // namespace

std::string_view format_name(Format format) {
  for (const auto& [each, name] : formats) {
    if (each == format) return name;
  }
  return "text";
}

std::optional<Format> format_named(std::string_view name) {
  for (const auto& [format, each] : formats) {
    if (each == name) return format;
  }
  return std::nullopt;
}

bool format_applies(Format format, Printout printout) {
  switch (format) {
    case Format::text:
    case Format::json: return true;
    // Markdown is for reading as a document; hits are lines for scripts,
    // and neither a notice nor a picture is content.
    case Format::markdown: return printout == Printout::document || printout == Printout::tips;
    // A fortune file holds tips and nothing else.
    case Format::fortune: return printout == Printout::tips;
  }
  return false;
}

std::vector<Format> formats_for(std::initializer_list<Printout> printouts) {
  std::vector<Format> out;
  for (const auto& [format, name] : formats) {
    for (Printout printout : printouts) {
      if (format_applies(format, printout)) {
        out.push_back(format);
        break;
      }
    }
  }
  return out;
}

void require_format(Format format, Printout printout, std::string_view what) {
  if (format_applies(format, printout)) return;
  const std::vector<Format> fitting = formats_for({printout});
  std::string choices;
  for (std::size_t i = 0; i < fitting.size(); ++i) {
    if (i > 0) choices += i + 1 == fitting.size() ? " or " : ", ";
    choices += format_name(fitting[i]);
  }
  throw Error(Problem::usage,
              fmt::format("--format {} does not apply to {}, which prints {}", format_name(format), what, choices));
}

}  // namespace aa::cli
