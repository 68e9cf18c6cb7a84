// SPDX-License-Identifier: MIT
#include "umbrella/help.hpp"

#include <algorithm>
#include <array>

#include <fmt/core.h>

#include "aa/cli/cli.hpp"
#include "aa/cli/completion.hpp"
#include "aa/cli/help_format.hpp"
#include "aa/content/text.hpp"
#include "aa/core/render_guide.hpp"
#include "aa/core/suggest.hpp"
#include "aa/io/error.hpp"
#include "umbrella/arguments.hpp"
#include "umbrella/command_table.hpp"

namespace aa::cli {

namespace {

// Where a plugin was found, for its line: the program, made safe to show.
std::string found_at(const FoundCommand& command) { return printable(command.path, 200); }

constexpr std::string_view list_hint = "'aa help' lists the commands";

}  // namespace

std::vector<FoundCommand> in_help_order(std::span<const FoundCommand> commands) {
  std::vector<FoundCommand> ordered;
  for (const KnownCommand& known : known_commands()) {
    const auto found = std::find_if(commands.begin(), commands.end(),
                                    [&known](const FoundCommand& command) { return command.name == known.name; });
    if (found != commands.end()) ordered.push_back(*found);
  }
  std::vector<FoundCommand> others;
  for (const FoundCommand& command : commands) {
    if (!known_summary(command.name)) others.push_back(command);
  }
  std::sort(others.begin(), others.end(), [](const FoundCommand& a, const FoundCommand& b) { return a.name < b.name; });
  ordered.insert(ordered.end(), others.begin(), others.end());
  return ordered;
}

namespace {

// What people do first and most, with the command each needs.
struct UmbrellaExample {
  std::string_view command;
  Example example;
};
constexpr std::array<UmbrellaExample, 4> umbrella_examples = {{
    {"read", {"Read the guide, one section after another", "aa read"}},
    {"check", {"Take the checklist and keep the result", "aa check --save"}},
    {"tip", {"A tip each time a shell starts (a line for ~/.bashrc)", "aa tip --daily"}},
    {"journal", {"Write in the journal, with a prompt for the day", "aa journal"}},
}};

// The examples of the commands that are there.
std::vector<Example> examples_for(std::span<const FoundCommand> commands) {
  std::vector<Example> examples;
  for (const UmbrellaExample& entry : umbrella_examples) {
    const bool found = std::any_of(commands.begin(), commands.end(),
                                   [&entry](const FoundCommand& command) { return command.name == entry.command; });
    if (found) examples.push_back(entry.example);
  }
  return examples;
}

}  // namespace

std::string umbrella_help(std::span<const FoundCommand> commands, std::size_t width) {
  std::string out =
      "Usage: aa COMMAND [ARGUMENTS...]\n"
      "       aa help [COMMAND]\n";
  out += help_paragraphs(
      "Self-help on anxious attachment, from the shell. aa COMMAND runs the program aa-COMMAND with the "
      "arguments: the commands below, and any aa-NAME on your PATH.",
      width);
  std::string own, others;
  for (const FoundCommand& command : in_help_order(commands)) {
    if (const auto summary = known_summary(command.name)) {
      own += help_entry(command.name, *summary, width);
    } else {
      others += help_entry(command.name, found_at(command), width);
    }
  }
  if (own.empty() && others.empty()) {
    out += "\n" + help_paragraphs("No aa commands were found, beside aa or on PATH.", width);
  }
  if (!own.empty()) out += "\nCommands:\n" + own;
  if (!others.empty()) out += "\nMore commands:\n" + others;
  out += "\nOptions:\n";
  for (const UmbrellaOption& option : umbrella_options()) {
    const std::string names =
        option.value_name.empty() ? std::string(option.names) : fmt::format("{} {}", option.names, option.value_name);
    out += help_entry(names, option.description, width);
  }
  out += help_examples(examples_for(commands), width);
  out += "\n" +
         help_paragraphs(fmt::format("New here? Start with 'aa {}'. 'aa help COMMAND' shows the manual of a command.\n"
                                     "{} If you are not safe with someone: 'aa read safety'.\n"
                                     "Exit status: that of the command; 2 for an unknown command or a usage error, 126 "
                                     "for a command that cannot be run. See aa(1) for more.",
                                     first_command, crisis_words),
                         width);
  return out;
}

std::string umbrella_completion_names(std::span<const FoundCommand> commands) {
  std::string out = completion_name_line("help", "Show the manual of a command, or list the commands");
  for (const FoundCommand& command : in_help_order(commands)) {
    const auto summary = known_summary(command.name);
    out += completion_name_line(command.name, summary ? *summary : found_at(command));
  }
  return out;
}

const FoundCommand& choose_command(std::string_view typed, std::span<const FoundCommand> commands) {
  std::vector<Nameable> names;
  for (const FoundCommand& command : commands) names.push_back({command.name});
  try {
    return commands[find_name(names, typed, Names::none)];
  } catch (const NameNotFound& unknown) {
    if (unknown.ambiguous()) {
      std::string choices;
      for (std::size_t i = 0; i < unknown.candidates().size(); ++i) {
        if (i > 0) choices += i + 1 == unknown.candidates().size() ? " or " : ", ";
        choices += fmt::format("'{}'", unknown.candidates()[i]);
      }
      throw Error(Problem::usage, fmt::format("command '{}' is ambiguous; did you mean {}? ({})", printable(typed),
                                              choices, list_hint));
    }
    // In help order, so that of equally close names the toolkit's wins.
    const std::vector<FoundCommand> ordered = in_help_order(commands);
    std::vector<std::string_view> candidates;
    for (const FoundCommand& command : ordered) candidates.push_back(command.name);
    std::string message = fmt::format("unknown command '{}'", printable(typed));
    if (const auto match = closest_match(typed, candidates)) message += fmt::format("; did you mean '{}'?", *match);
    throw Error(Problem::usage, fmt::format("{} ({})", message, list_hint));
  }
}

}  // namespace aa::cli
