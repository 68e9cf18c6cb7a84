// SPDX-License-Identifier: MIT
// The commands of the toolkit, each with the line that says what it is
// for: `aa help` lists those that are installed, in this order, which is
// also the order a newcomer meets them in.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace aa::cli {

struct KnownCommand {
  std::string_view name;     // "tip", run as aa-tip
  std::string_view summary;  // one line, short enough for an 80-column --help
};

std::span<const KnownCommand> known_commands();

// The summary of the toolkit's command `name`; nullopt for another command.
std::optional<std::string_view> known_summary(std::string_view name);

// Where a newcomer starts.
inline constexpr std::string_view first_command = "read";

}  // namespace aa::cli
