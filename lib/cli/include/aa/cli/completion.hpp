// SPDX-License-Identifier: MIT
// Shell completion scripts for bash, zsh and fish, made from a plain
// description of a command's options: the one its CLI11 declarations give
// (cli_completion.hpp reads it off a CLI::App). No CLI11 here, so this file
// costs a command nothing until a script is asked for.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aa/content/model.hpp"

namespace aa {
struct CheckRecord;   // aa/core/check.hpp
struct JournalEntry;  // aa/core/journal.hpp
}  // namespace aa

namespace aa::cli {

// What a value is, for completing it.
enum class ValueKind {
  none,               // a flag: takes no value
  text,               // free text or a number: nothing to offer
  choices,            // one of a fixed list
  file,               // a file name
  directory,          // a directory
  content_directory,  // a directory of content, passed on when names are asked
  names,              // names the command lists itself (completion_names)
};

struct CompletionValue {
  ValueKind kind = ValueKind::none;
  std::vector<std::string> choices;  // for ValueKind::choices
  std::string names;                 // for ValueKind::names: what to ask for ("sections")
};

struct CompletionOption {
  std::vector<std::string> names;  // as typed: "-d", "--daily"
  std::string description;
  std::string value_name;  // "N", "DIR"; empty for a flag
  CompletionValue value;
  std::vector<std::string> excludes;  // names of the options it cannot go with
  bool excludes_arguments = false;    // nor with the positional arguments
  // What it only works with: for each group, one of its names must be on
  // the line before the option is offered (--yes: {{"--forget", "--delete"}}).
  std::vector<std::vector<std::string>> needs;
  bool alone = false;       // --help, --version: the rest of the line does not matter
  bool repeatable = false;  // may be given again (--tag a --tag b): still offered once on the line
};

// The positional arguments (all of one kind, any number of them).
struct CompletionArguments {
  std::string name;  // "SECTION"
  std::string description;
  CompletionValue value;
};

// A subcommand (aa-content dump): its name and what it does.
struct CompletionSubcommand {
  std::string name;
  std::string description;
};

struct CompletionCommand {
  std::string program;  // "aa-tip"
  // Offered for the first argument when there are any; the options and
  // arguments are then those of every subcommand together.
  std::vector<CompletionSubcommand> subcommands;
  std::string names_option;               // how the script asks for names: "--completion-names"
  std::vector<CompletionOption> options;  // in the order of --help
  std::optional<CompletionArguments> arguments;
};

// How a completion script asks a command for names: `PROGRAM
// --completion-names KIND`, hidden from --help, as it is not for people.
inline constexpr std::string_view completion_names_option = "--completion-names";

// NAME<TAB>DESCRIPTION, or NAME alone, and a newline: a line of the names
// printed for --completion-names. A tab or line break in the description
// (a path, say) would break the line format, so each is a space.
std::string completion_name_line(std::string_view name, std::string_view description);

// The shells there are scripts for.
const std::vector<std::string>& completion_shells();

// The script that completes `command` in `shell` (one of completion_shells()).
// Throws Error (usage) for another shell.
std::string completion_script(const CompletionCommand& command, std::string_view shell);

std::string bash_completion(const CompletionCommand& command);
std::string zsh_completion(const CompletionCommand& command);
std::string fish_completion(const CompletionCommand& command);

// The kinds of names a script may ask a command for.
const std::vector<std::string>& completion_name_kinds();

// Where the names come from; each function is called only for the kinds
// that need it.
struct NameSources {
  std::function<Content()> content;
  std::int64_t today = 0;
  std::function<std::vector<CheckRecord>()> results;   // the saved results, in the order --history shows them
  std::function<std::vector<JournalEntry>()> entries;  // the journal's entries, in the order --list shows them
};

// The names of `kind`, one a line as NAME<TAB>DESCRIPTION (or NAME alone),
// in the order a reader meets them: "sections" (slug and title, in reading
// order), "questions" (number and id, each with the question), "tips" (id
// and text), "categories", "prompts" (id and text), "today" (the date
// `today`, as YYYY-MM-DD), "results" (the id of each saved result, with
// its date and total), "entries" (the id of each journal entry, with
// its date and prompt), "tags" (each tag of the journal's entries, with
// how many have it) and "exercises" (id and title). Throws Error (usage)
// for an unknown kind.
std::string completion_names(std::string_view kind, const NameSources& sources);

}  // namespace aa::cli
