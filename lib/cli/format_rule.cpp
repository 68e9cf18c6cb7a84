// SPDX-License-Identifier: MIT
#include "aa/cli/format_rule.hpp"

#include <string>

#include <fmt/core.h>

#include "aa/io/error.hpp"

namespace aa::cli {
namespace {

constexpr Format every_format[] = {Format::text, Format::markdown, Format::json, Format::fortune};

}  // namespace

std::string_view format_name(Format format) {
  switch (format) {
    case Format::text: return "text";
    case Format::markdown: return "markdown";
    case Format::json: return "json";
    case Format::fortune: return "fortune";
  }
  return "text";
}

bool format_applies(Format format, Printout printout) {
  switch (format) {
    case Format::text:
    case Format::json: return true;
    // Markdown is for reading as a document; hits and names are lines for
    // scripts, and a notice is not content.
    case Format::markdown: return printout == Printout::document || printout == Printout::tips;
    // A fortune file holds tips and nothing else.
    case Format::fortune: return printout == Printout::tips;
  }
  return false;
}

void require_format(Format format, Printout printout, std::string_view what) {
  if (format_applies(format, printout)) return;
  std::string choices;
  std::size_t left = 0;
  for (Format each : every_format) left += format_applies(each, printout) ? 1 : 0;
  for (Format each : every_format) {
    if (!format_applies(each, printout)) continue;
    --left;
    if (!choices.empty()) choices += left == 0 ? " or " : ", ";
    choices += format_name(each);
  }
  throw Error(Problem::usage,
              fmt::format("--format {} does not apply to {}, which prints {}", format_name(format), what, choices));
}

}  // namespace aa::cli
