// SPDX-License-Identifier: MIT
// What `aa ARGUMENTS...` asks for. aa has a handful of options of its own,
// all before the command; everything after the command's name belongs to
// the command. Read by hand rather than with CLI11: `aa tip --daily` runs
// at shell logins and must cost no more than one exec.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aa::cli {

// aa's own options, as --help, aa(1) and the completions show them.
struct UmbrellaOption {
  std::string_view names;        // "-h,--help"
  std::string_view value_name;   // "SHELL"; empty for a flag
  std::string_view description;  // one line
};
std::span<const UmbrellaOption> umbrella_options();

// "-h,--help" -> {"-h", "--help"}.
std::vector<std::string> typed_names(const UmbrellaOption& option);

// How a completion script asks for the commands (NAME<TAB>SUMMARY lines):
// `aa --completion-names commands` (completion.hpp).
inline constexpr std::string_view umbrella_names_kind = "commands";

enum class UmbrellaAction {
  overview,          // aa, aa help, aa --help: the commands and how to start
  version,           // aa --version
  completions,       // aa --completions SHELL
  completion_names,  // aa --completion-names commands
  help_on,           // aa help NAME
  run,               // aa NAME ARGUMENTS...
};

struct UmbrellaRequest {
  UmbrellaAction action = UmbrellaAction::overview;
  // The command for help_on and run (as typed), the shell for completions.
  std::string value;
  // For run: the index in the arguments given of the command's first argument.
  std::size_t rest = 0;
};

// Reads the arguments after the program's name. Throws Error(Problem::usage)
// with the words for a mistake: an unknown option, a missing or wrong
// value, a command name that is not a plain word (see is_command_name()).
UmbrellaRequest read_umbrella_arguments(std::span<const char* const> arguments);

}  // namespace aa::cli
