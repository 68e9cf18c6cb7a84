// SPDX-License-Identifier: MIT
#include "umbrella/arguments.hpp"

#include <fmt/core.h>

#include "aa/cli/completion.hpp"
#include "aa/cli/option_errors.hpp"
#include "aa/content/text.hpp"
#include "aa/io/error.hpp"
#include "umbrella/command_lookup.hpp"

namespace aa::cli {

namespace {

constexpr UmbrellaOption options[] = {
    {"-h,--help", "", "Print this help and exit"},
    {"--version", "", "Print the version and exit"},
    {"--completions", "SHELL", "Print the completion script for bash, zsh or fish"},
};

[[noreturn]] void mistake(OptionMistake wrong) {
  for (const UmbrellaOption& option : options) {
    for (std::string& name : typed_names(option)) wrong.known_options.push_back(std::move(name));
  }
  throw Error(Problem::usage, explain(wrong, "aa") + " (try 'aa --help')");
}

OptionMistake mistake_of(OptionMistakeKind kind, std::string_view option) {
  OptionMistake wrong;
  wrong.kind = kind;
  wrong.option = std::string(option);
  return wrong;
}

// The value of an option that takes one, given as "--name=value" or
// "--name value", which must be one of `choices`; nothing may follow it.
std::string one_value(std::span<const char* const> arguments, std::string_view name, std::string_view value_name,
                      const std::vector<std::string>& choices) {
  const std::string_view first = arguments[0];
  std::vector<std::string> values;
  if (first.size() > name.size()) values.emplace_back(first.substr(name.size() + 1));
  for (const char* more : arguments.subspan(1)) values.emplace_back(more);
  OptionMistake wrong = mistake_of(OptionMistakeKind::missing_value, name);
  wrong.value_name = std::string(value_name);
  if (values.empty()) mistake(wrong);
  if (values.size() > 1) {
    wrong.kind = OptionMistakeKind::extra_values;
    wrong.values = values;
    mistake(wrong);
  }
  for (const std::string& choice : choices) {
    if (values[0] == choice) return values[0];
  }
  std::string list;
  for (const std::string& choice : choices) list += (list.empty() ? "" : ", ") + choice;
  wrong.kind = OptionMistakeKind::invalid_value;
  wrong.detail = fmt::format("'{}' is not one of {}", printable(values[0]), list);
  mistake(wrong);
}

// A flag must be alone on the line.
void alone(std::span<const char* const> arguments, std::string_view name) {
  if (arguments.size() == 1) return;
  OptionMistake wrong = mistake_of(OptionMistakeKind::value_not_taken, name);
  wrong.values.assign(arguments.begin() + 1, arguments.end());
  mistake(wrong);
}

bool is_option(std::string_view argument, std::string_view name) {
  return argument == name ||
         (argument.starts_with(name) && argument.size() > name.size() && argument[name.size()] == '=');
}

void require_command_name(std::string_view name) {
  if (is_command_name(name)) return;
  throw Error(Problem::usage, fmt::format("'{}' is not a command name: a command is a word of letters, digits, "
                                          "'-', '_' and '.' ('aa help' lists them)",
                                          printable(name)));
}

}  // namespace

std::span<const UmbrellaOption> umbrella_options() { return options; }

std::vector<std::string> typed_names(const UmbrellaOption& option) {
  std::vector<std::string> names;
  for (std::string_view all = option.names; !all.empty();) {
    const std::size_t comma = all.find(',');
    names.emplace_back(all.substr(0, comma));
    all.remove_prefix(comma == std::string_view::npos ? all.size() : comma + 1);
  }
  return names;
}

UmbrellaRequest read_umbrella_arguments(std::span<const char* const> arguments) {
  if (arguments.empty()) return {};
  const std::string_view first = arguments[0];
  if (first == "-h" || first == "--help") {
    alone(arguments, first);
    return {};
  }
  if (first == "--version") {
    alone(arguments, first);
    return {UmbrellaAction::version, "", 0};
  }
  if (is_option(first, "--completions")) {
    return {UmbrellaAction::completions, one_value(arguments, "--completions", "SHELL", completion_shells()), 0};
  }
  if (is_option(first, completion_names_option)) {
    return {UmbrellaAction::completion_names,
            one_value(arguments, completion_names_option, "KIND", {std::string(umbrella_names_kind)}), 0};
  }
  // A flag given a value ("--version=1"), as in every command.
  for (std::string_view flag : {"--help", "--version"}) {
    if (!is_option(first, flag)) continue;
    OptionMistake wrong = mistake_of(OptionMistakeKind::value_not_taken, flag);
    wrong.values = {std::string(first.substr(flag.size() + 1))};
    mistake(wrong);
  }
  if (first.starts_with('-')) mistake(mistake_of(OptionMistakeKind::unknown_option, first));
  if (first == "help") {
    if (arguments.size() == 1) return {};
    if (arguments.size() > 2) {
      throw Error(Problem::usage, fmt::format("help takes one command name, but was given {} ('aa help' lists them)",
                                              arguments.size() - 1));
    }
    require_command_name(arguments[1]);
    return {UmbrellaAction::help_on, arguments[1], 0};
  }
  require_command_name(first);
  return {UmbrellaAction::run, std::string(first), 1};
}

}  // namespace aa::cli
