// SPDX-License-Identifier: MIT
// The layout of --help: every line within the width it is given (the
// terminal's, or 80 in a pipe: help_width() in terminal.hpp), each option's
// description in a column of its own. The words come from the options
// (cli_help.hpp reads them off CLI11); this is only where they go.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace aa::cli {

// The column descriptions start in: 30, or half the width when that is
// narrower, so that a narrow terminal keeps room for the words.
std::size_t help_description_column(std::size_t width);
// Where a description beneath its names starts, when a word of it is too
// wide for the column.
inline constexpr std::size_t help_hanging_indent = 8;

// One option: "  NAMES" and its description beside it from the
// description column, wrapped within `width`; when the names reach the
// column, the description starts on the next line. Ends with a newline.
std::string help_entry(std::string_view names, std::string_view description, std::size_t width);

// Text of one or more lines, each wrapped within `width`. Ends with a
// newline unless empty.
std::string help_paragraphs(std::string_view text, std::size_t width);

// What a person does most, and how, tldr-style: what it does, then the
// command on a line of its own.
struct Example {
  std::string_view what;
  std::string_view command;
};

// "Examples:" and each example: "  What it does:" and "    command"
// beneath it, wrapped within `width`. Empty for no examples.
std::string help_examples(std::span<const Example> examples, std::size_t width);

}  // namespace aa::cli
