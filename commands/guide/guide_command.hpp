// SPDX-License-Identifier: MIT
// aa-read and aa-faq are one command over two documents of the guide: the
// sections and the questions. Each lists its document, prints chosen parts
// or all of it, or searches it; only the document and the words differ.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aa/cli/cli.hpp"
#include "aa/cli/help_format.hpp"

namespace CLI {
class App;
}

namespace aa::cli {

enum class GuideDocument { sections, questions };

// The words of one such command, for --help.
struct GuideCommandWords {
  std::string_view program;  // "aa-read"
  std::string_view about;    // the first line of --help
  std::string_view item;     // the positional argument: "SECTION"
  std::string_view item_help;
  std::string_view item_names;  // what completion offers for the item: "sections"
  std::string_view list_help;
  std::string_view all_help;
  std::string_view search_help;
  std::span<const cli::Example> examples;
};

struct GuideOptions {
  cli::CommonOptions common;
  std::vector<std::string> names;
  bool list = false;
  bool all = false;
  std::string search;
};

// The words of the command over `document`: aa-read's or aa-faq's.
const GuideCommandWords& guide_command_words(GuideDocument document);

// Registers the command's options with `app`, to be parsed into `options`.
void setup_guide_command(CLI::App& app, const GuideCommandWords& words, GuideOptions& options);

// What a guide command prints, and what to report after printing it: a
// search without a match prints nothing (or, in JSON, the empty list) and
// ends as not found, exit 1.
struct GuideText {
  std::string text;
  std::optional<Error> then_fail;
};

// What the parsed options ask for, ready to print: the list, the chosen
// parts (each once), or the search results. Throws Error:
// Problem::not_found for an unknown name.
GuideText guide_text(GuideDocument document, const GuideOptions& options, const cli::Output& output);

}  // namespace aa::cli
