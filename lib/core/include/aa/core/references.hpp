// SPDX-License-Identifier: MIT
// How rendered text points a person to more to read: the commands that
// show a section of the guide and the questions. The command-line layer
// names them (aa::cli::references()); the core only puts them in place.
#pragma once

#include <string_view>

namespace aa {

struct References {
  std::string_view section_reader;   // followed by a section's slug or number
  std::string_view question_reader;  // the frequently asked questions
};

}  // namespace aa
