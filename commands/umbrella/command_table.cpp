// SPDX-License-Identifier: MIT
#include "umbrella/command_table.hpp"

namespace aa::cli {

namespace {

// At most 48 columns each, so that each fits on its line of --help.
constexpr KnownCommand commands[] = {
    {"read", "Read the guide, one section at a time"},
    {"check", "Reflect on the four signs, with a checklist"},
    {"tip", "Print a tip: at random, or the tip of the day"},
    {"faq", "Answers to common questions about getting help"},
    {"journal", "Write in a private journal, with a prompt"},
    {"content", "Write out, or check, content files of your own"},
    {"vault", "Encrypt your journal and check history"},
    {"practice", "Do a short guided exercise from the guide"},
    {"search", "Search the guide, FAQ, tips, exercises, journal"},
    {"report", "Pictures of change: a calendar and sparklines"},
};

}  // namespace

std::span<const KnownCommand> known_commands() { return commands; }

std::optional<std::string_view> known_summary(std::string_view name) {
  for (const KnownCommand& command : commands) {
    if (command.name == name) return command.summary;
  }
  return std::nullopt;
}

}  // namespace aa::cli
