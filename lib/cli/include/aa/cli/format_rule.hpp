// SPDX-License-Identifier: MIT
// The output formats by name, and which of them apply to what a command
// prints: one rule for every command, from which --format's choices follow,
// so that the help and a refusal cannot disagree, and a format that makes
// no sense is refused with the same words everywhere.
#pragma once

#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "aa/core/format.hpp"

namespace aa::cli {

// What a command is about to print.
enum class Printout {
  // Sections, questions, a check result, the history, entries, and every
  // list of names (--list, --items, --list-categories, --list-prompts):
  // text, markdown, json.
  document,
  tips,     // tips: a document, or a fortune(6) file
  hits,     // search hits, as grep prints them: text or json
  notice,   // what was done, such as a deletion: text or json
  picture,  // aa-report's picture: text, or json for the numbers it is drawn from
};

// The name --format takes for `format`, and the format of a name.
std::string_view format_name(Format format);
std::optional<Format> format_named(std::string_view name);

bool format_applies(Format format, Printout printout);

// The formats that apply to any of `printouts`, in the order --help lists them.
std::vector<Format> formats_for(std::initializer_list<Printout> printouts);

// Throws Error(Problem::usage) when `format` does not apply to `printout`;
// `what` names the output in the message ("--search", "the history").
void require_format(Format format, Printout printout, std::string_view what);

}  // namespace aa::cli
