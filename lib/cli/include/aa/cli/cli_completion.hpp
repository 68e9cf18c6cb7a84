// SPDX-License-Identifier: MIT
// Completion, declared with each option: a note on what its value is, and
// the description of a command (completion.hpp) read off its CLI::App.
// Inline, like cli_options.hpp, which includes it: CLI11 stays out of lib/'s
// compiled files.
//
// A note is a validator that accepts everything and carries its meaning in
// its name, so it rides on the option itself and declaring an option with
// its completion stays one statement:
//   app.add_option("--id", o.id, "The tip with this id")->check(cli::completes_names("tips"));
// one_of() leaves the same kind of note with its choices.
//
// What an option works with is read off CLI11's own excludes() and needs();
// completes_only_with() notes the one rule CLI11 cannot hold: an option of
// use with any one of several others (--yes with --forget or --delete).
#pragma once

#include <algorithm>
#include <initializer_list>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "aa/cli/cli_help.hpp"
#include "aa/cli/completion.hpp"

namespace aa::cli {

inline constexpr std::string_view completion_note_prefix = "aa-completes:";

inline CLI::Validator completion_note(std::string_view note) {
  return CLI::Validator([](std::string&) { return std::string(); }, "",
                        std::string(completion_note_prefix) + std::string(note));
}

// The value is a file name.
inline CLI::Validator completes_file() { return completion_note("file"); }

// The value is a directory.
inline CLI::Validator completes_directory() { return completion_note("directory"); }

// The value is the directory content is read from: completed as a
// directory, and given again to the command when the script asks for names.
inline CLI::Validator completes_content_directory() { return completion_note("content-directory"); }

// The value is one of the names `program --completion-names KIND` prints.
inline CLI::Validator completes_names(std::string_view kind) { return completion_note("names:" + std::string(kind)); }

// The option does something only with one of `partners` on the line, so
// completion offers it only then. The run still says so to whoever gives
// it alone: this is a note, not a check.
inline CLI::Validator completes_only_with(std::initializer_list<const CLI::Option*> partners) {
  std::string names;
  for (const CLI::Option* partner : partners) {
    for (const std::string& name : typed_names(*partner)) names += (names.empty() ? "" : " ") + name;
  }
  return completion_note("with:" + names);
}

// The note one_of() leaves: one of `choices`.
inline std::string choices_note_name(const std::vector<std::string>& choices) {
  std::string name = std::string(completion_note_prefix) + "choices";
  for (const std::string& choice : choices) name += "\n" + choice;
  return name;
}

namespace detail {

inline CompletionValue value_of(const std::string& note) {
  CompletionValue value;
  if (note == "file") {
    value.kind = ValueKind::file;
  } else if (note == "directory") {
    value.kind = ValueKind::directory;
  } else if (note == "content-directory") {
    value.kind = ValueKind::content_directory;
  } else if (note.rfind("names:", 0) == 0) {
    value.kind = ValueKind::names;
    value.names = note.substr(6);
  } else if (note.rfind("choices", 0) == 0) {
    value.kind = ValueKind::choices;
    for (std::size_t at = note.find('\n'); at != std::string::npos;) {
      const std::size_t end = note.find('\n', at + 1);
      value.choices.push_back(note.substr(at + 1, end == std::string::npos ? end : end - at - 1));
      at = end;
    }
  }
  return value;
}

// The completion notes on `option`, without their prefix.
inline std::vector<std::string> notes_of(CLI::Option& option) {
  std::vector<std::string> notes;
  // CLI11 2.1 lists an option's validators only by index.
  for (int index = 0;; ++index) {
    const CLI::Validator* validator = nullptr;
    try {
      validator = option.get_validator(index);
    } catch (const CLI::OptionNotFound&) {
      break;
    }
    const std::string& name = validator->get_name();
    if (name.rfind(completion_note_prefix, 0) == 0) notes.push_back(name.substr(completion_note_prefix.size()));
  }
  return notes;
}

// What an option's value is: its note, else free text (or none for a flag).
inline CompletionValue value_of(CLI::Option& option) {
  for (const std::string& note : notes_of(option)) {
    if (note.rfind("with:", 0) != 0) return value_of(note);
  }
  CompletionValue value;
  value.kind = option.get_items_expected_max() == 0 ? ValueKind::none : ValueKind::text;
  return value;
}

// What `option` only works with: each option CLI11 says it needs, and the
// options of its completes_only_with() note, one of which will do.
inline std::vector<std::vector<std::string>> needs_of(CLI::App& app, CLI::Option& option) {
  std::vector<std::vector<std::string>> needs;
  // In the order of declaration, as the exclusions below.
  const std::set<CLI::Option*> needed = option.get_needs();
  for (CLI::Option* other : app.get_options()) {
    if (needed.count(other)) needs.push_back(typed_names(*other));
  }
  for (const std::string& note : notes_of(option)) {
    if (note.rfind("with:", 0) != 0) continue;
    std::vector<std::string> group;
    std::istringstream names(note.substr(5));
    for (std::string name; names >> name;) group.push_back(name);
    needs.push_back(std::move(group));
  }
  return needs;
}

}  // namespace detail

// The options of `app` (and of its subcommands) added to `command`, each once.
inline void add_completion_options(CLI::App& app, CompletionCommand& command);

// The options `app` parses, as completion sees them. Options in no group
// (hidden from --help) are left out: they are for scripts, not people. A
// command with subcommands (aa-content) offers their names first, then
// their options and arguments together.
inline CompletionCommand completion_command(CLI::App& app, std::string names_option) {
  CompletionCommand command;
  command.program = app.get_name();
  command.names_option = std::move(names_option);
  add_completion_options(app, command);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    command.subcommands.push_back({sub->get_name(), sub->get_description()});
    add_completion_options(*sub, command);
  }
  return command;
}

inline void add_completion_options(CLI::App& app, CompletionCommand& command) {
  for (CLI::Option* option : app.get_options()) {
    if (option->get_positional()) {
      command.arguments = CompletionArguments{option->get_name(), option->get_description(), detail::value_of(*option)};
      continue;
    }
    if (option->get_group().empty()) continue;
    CompletionOption out;
    out.names = typed_names(*option);
    out.description = option->get_description();
    out.value = detail::value_of(*option);
    out.needs = detail::needs_of(app, *option);
    if (out.value.kind != ValueKind::none) out.value_name = option->get_type_name();
    out.repeatable = option->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
    // --help and --version go alone: nothing else is read with them.
    const auto long_names = option->get_lnames();
    out.alone = std::find(long_names.begin(), long_names.end(), "help") != long_names.end() ||
                std::find(long_names.begin(), long_names.end(), "version") != long_names.end();
    // In the order of declaration: CLI11 keeps them by address, which
    // changes from run to run, and the scripts should not.
    const std::set<CLI::Option*> excluded_set = option->get_excludes();
    std::vector<CLI::Option*> excludes;
    for (CLI::Option* other : app.get_options()) {
      if (excluded_set.count(other)) excludes.push_back(other);
    }
    for (const CLI::Option* excluded : excludes) {
      if (excluded->get_positional()) {
        out.excludes_arguments = true;
      } else {
        for (const std::string& name : typed_names(*excluded)) out.excludes.push_back(name);
      }
    }
    // Options two subcommands share (--content-dir, --help) are offered once.
    const bool known = std::any_of(command.options.begin(), command.options.end(),
                                   [&](const CompletionOption& other) { return other.names == out.names; });
    if (!known) command.options.push_back(std::move(out));
  }
}

}  // namespace aa::cli
