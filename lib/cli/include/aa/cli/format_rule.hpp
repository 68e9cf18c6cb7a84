// SPDX-License-Identifier: MIT
// Which output formats apply to what a command prints: one rule for every
// command, so that a format that makes no sense is refused with the same
// words everywhere rather than ignored or turned into something else.
#pragma once

#include <string_view>

#include "aa/core/format.hpp"

namespace aa::cli {

// What a command is about to print.
enum class Printout {
  document,  // sections, questions, a check result, the history, a list of them: text, markdown, json
  tips,      // tips: a document, or a fortune(6) file
  hits,      // search hits, as grep prints them: text or json
  names,     // bare names, one a line: text or json
  notice,    // what was done, such as a deletion: text or json
};

// The name --format takes for `format`.
std::string_view format_name(Format format);

bool format_applies(Format format, Printout printout);

// Throws Error(Problem::usage) when `format` does not apply to `printout`;
// `what` names the output in the message ("--search", "the history").
void require_format(Format format, Printout printout, std::string_view what);

}  // namespace aa::cli
