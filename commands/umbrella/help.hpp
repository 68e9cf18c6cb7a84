// SPDX-License-Identifier: MIT
// What `aa`, `aa help` and `aa --help` print: the commands that are
// installed, each on one line, aa's options, and where to start; and the
// same commands as a completion script asks for them.
#pragma once

#include <span>
#include <string>

#include "umbrella/command_lookup.hpp"

namespace aa::cli {

// The commands in the order they are shown: the toolkit's own in the order
// of known_commands(), then the others (plugins) by name.
std::vector<FoundCommand> in_help_order(std::span<const FoundCommand> commands);

// The page, laid out as every --help is (help_format.hpp): within
// `width` columns, plain text. A plugin's line says where it was found.
std::string umbrella_help(std::span<const FoundCommand> commands, std::size_t width);

// NAME<TAB>DESCRIPTION lines for completion: `help`, then the commands in
// help order.
std::string umbrella_completion_names(std::span<const FoundCommand> commands);

// The command `typed` names among `commands`, as every name a person types
// is matched (suggest.hpp: exactly, else ignoring case, else by a unique
// start). Throws Error(Problem::usage) for a name that fits none ("unknown
// command 'tpi'; did you mean 'tip'?") or several.
const FoundCommand& choose_command(std::string_view typed, std::span<const FoundCommand> commands);

}  // namespace aa::cli
