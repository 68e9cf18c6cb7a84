// SPDX-License-Identifier: MIT
// Finding the program `aa NAME` runs: aa-NAME in the folder of aa itself,
// then on PATH, as git finds its commands. Any aa-NAME on PATH is a
// command, so anyone can add one of their own (a plugin).
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aa::cli {

// What every command's program name starts with.
inline constexpr std::string_view command_prefix = "aa-";

// Whether `name` may be the NAME of aa-NAME: a plain word of ASCII
// letters, digits, '-', '_' and '.', starting with a letter or a digit, at
// most 100 bytes. So never a path ("../x", "a/b"), an option ("-x"), an
// empty name, or anything a terminal or a shell would read otherwise.
bool is_command_name(std::string_view name);

// The folders searched, in order: `own_folder` (that of the running aa),
// then each entry of `path` ($PATH). Relative and empty entries, which
// mean the current folder, are skipped: `aa NAME` never runs a program
// from wherever the person happens to be. Each folder once.
std::vector<std::string> command_folders(const std::optional<std::string>& own_folder,
                                         std::optional<std::string_view> path);

// command_folders() for this process: the folder of /proc/self/exe, and
// $PATH, or the system's default path when PATH is unset. When
// /proc/self/exe cannot be read (no /proc), `without_own_folder` is called
// and the search is on PATH alone.
std::vector<std::string> command_folders(const std::function<void()>& without_own_folder = {});

// The same without the folder of aa: where other programs (man) are found.
std::vector<std::string> path_folders();

// Where a program was found.
struct ProgramLookup {
  std::string path;            // the first executable regular file; "" when none
  std::string not_executable;  // when there is none, the first regular file that is not executable
};

// Looks for the file `name` in `folders`, in order, as execvp() does, but
// only there: folders and other files that are not regular are passed over.
ProgramLookup find_program(std::string_view name, std::span<const std::string> folders);

// find_program() for aa-NAME.
ProgramLookup find_command(std::string_view name, std::span<const std::string> folders);

struct FoundCommand {
  std::string name;  // "tip"
  std::string path;  // "/usr/bin/aa-tip"
};

// Every command in `folders`: each executable regular file aa-NAME whose
// NAME is_command_name(), the first found of each name, sorted by name.
std::vector<FoundCommand> list_commands(std::span<const std::string> folders);

}  // namespace aa::cli
