// SPDX-License-Identifier: MIT
// The layout of --help: every line within 80 columns, each option's
// description in a column of its own. The words come from the options
// (cli_help.hpp reads them off CLI11); this is only where they go.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aa::cli {

// The widest a --help line gets, and the column descriptions start in.
inline constexpr std::size_t help_width = 80;
inline constexpr std::size_t help_description_column = 30;

// One option: "  NAMES" and its description beside it from the
// description column, wrapped within help_width; when the names reach the
// column, the description starts on the next line. Ends with a newline.
std::string help_entry(std::string_view names, std::string_view description);

// Text of one or more lines, each wrapped within help_width. Ends with a
// newline unless empty.
std::string help_paragraphs(std::string_view text);

}  // namespace aa::cli
