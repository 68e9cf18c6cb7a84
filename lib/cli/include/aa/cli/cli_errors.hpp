// SPDX-License-Identifier: MIT
// What went wrong in a parse, as an OptionMistake (option_errors.hpp) for
// our own words: read off what CLI11 gives structurally (the exception's
// type, the options and the state it left them in, the words it did not
// take) and off the arguments we gave it, never off its message. Inline,
// like cli_options.hpp, which includes it: CLI11 stays out of lib/'s
// compiled files.
#pragma once

#include <span>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "aa/cli/cli_help.hpp"
#include "aa/cli/option_errors.hpp"

namespace aa::cli {

// Thrown by our checks (cli_options.hpp) with their words, from inside the
// parse: CLI11 would fold the words into a message of its own. Not a
// ValidationError, which CLI11 catches to do so.
struct ValueRefused : CLI::ParseError {
  explicit ValueRefused(const std::string& why)
      : CLI::ParseError("ValueRefused", why, CLI::ExitCodes::ValidationError) {}
};

// Every option a person may type: those --help shows.
inline std::vector<std::string> typed_option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_positional() || option->get_group().empty()) continue;
    for (std::string& name : typed_names(*option)) names.push_back(std::move(name));
  }
  return names;
}

namespace detail {

// The options given, in the order CLI11 checks and converts them once the
// words are read: the command's, then those of the subcommand it runs,
// each in the order of declaration.
inline void add_given(const CLI::App& app, std::vector<const CLI::Option*>& given) {
  for (const CLI::Option* option : app.get_options()) {
    if (option->count() > 0) given.push_back(option);
  }
  for (const CLI::App* subcommand : app.get_subcommands()) add_given(*subcommand, given);
}

// The first two options on the line that rule each other out, in the
// order they came; the named option first when one is the arguments.
inline void find_conflict(const CLI::App& app, OptionMistake& mistake) {
  const std::vector<CLI::Option*>& order = app.parse_order();
  for (std::size_t i = 0; i < order.size(); ++i) {
    for (std::size_t j = i + 1; j < order.size(); ++j) {
      CLI::Option* first = order[i];
      CLI::Option* second = order[j];
      if (first == second || (!first->get_excludes().count(second) && !second->get_excludes().count(first))) continue;
      if (first->get_positional()) std::swap(first, second);
      mistake.kind = OptionMistakeKind::conflict;
      mistake.option = first->get_name();
      mistake.other = second->get_name();
      mistake.other_is_argument = second->get_positional();
      return;
    }
  }
}

// The first option given whose partner was not.
inline void find_missing_partner(const CLI::App& app, OptionMistake& mistake) {
  for (const CLI::Option* option : app.parse_order()) {
    for (const CLI::Option* needed : option->get_needs()) {
      if (needed->count() > 0) continue;
      mistake.kind = OptionMistakeKind::needs_other;
      mistake.option = option->get_name();
      mistake.other = needed->get_name();
      return;
    }
  }
}

inline void read_extras(const CLI::App& app, OptionMistake& mistake) {
  mistake.known_options = typed_option_names(app);
  mistake.takes_arguments =
      !app.get_options([](const CLI::Option* option) { return option->get_positional(); }).empty();
  const std::vector<std::string> extras = app.remaining();
  for (const std::string& extra : extras) {
    if (extra.size() > 1 && extra[0] == '-') {
      mistake.kind = OptionMistakeKind::unknown_option;
      mistake.option = extra;
      return;
    }
  }
  mistake.kind = OptionMistakeKind::unexpected_arguments;
  mistake.values = extras;
}

// A value left out: CLI11 ran out of words, so the option is the last one,
// "--width", "--width=" or the last letter of "-lc".
inline void read_missing_value(const CLI::App& app, std::span<const std::string> arguments, OptionMistake& mistake) {
  if (arguments.empty()) return;
  const std::string& last = arguments.back();
  const std::string name = last.starts_with("--")  ? last.substr(0, last.find('='))
                           : last.starts_with("-") ? std::string("-") + last.back()
                                                   : "";
  const CLI::Option* option = name.empty() ? nullptr : app.get_option_no_throw(name);
  if (option == nullptr) return;
  mistake.kind = OptionMistakeKind::missing_value;
  mistake.option = option->get_name();
  mistake.value_name = option->get_type_name();
}

inline void read_required(const CLI::App& app, OptionMistake& mistake) {
  for (const CLI::Option* option : app.get_options()) {
    if (!option->get_required() || option->count() > 0) continue;
    mistake.kind = OptionMistakeKind::missing;
    mistake.option = option->get_name();
    return;
  }
}

}  // namespace detail

// The mistake that stopped a parse of `arguments` (the words after the
// program's name) by `root` with `error`; `at` is the subcommand it ran, if
// any, else `root`. Kinds of error our commands never meet keep CLI11's words.
inline OptionMistake option_mistake(const CLI::ParseError& error, const CLI::App& root, const CLI::App& at,
                                    std::span<const std::string> arguments) {
  OptionMistake mistake;
  // Our own words for a ValueRefused; CLI11's for what is not read below.
  mistake.detail = error.what();
  std::vector<const CLI::Option*> given;
  detail::add_given(root, given);
  if (dynamic_cast<const ValueRefused*>(&error)) {
    // CLI11 checks each option given in turn, and marks it as run once its
    // checks pass: the first not so marked is the one refused.
    for (const CLI::Option* option : given) {
      if (option->get_callback_run()) continue;
      mistake.kind = OptionMistakeKind::invalid_value;
      mistake.option = option->get_name();
      mistake.value_name = option->get_type_name();
      break;
    }
  } else if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    detail::read_extras(at, mistake);
  } else if (dynamic_cast<const CLI::ExcludesError*>(&error)) {
    detail::find_conflict(at, mistake);
  } else if (dynamic_cast<const CLI::RequiresError*>(&error)) {
    detail::find_missing_partner(at, mistake);
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
    detail::read_missing_value(at, arguments, mistake);
    if (mistake.option.empty()) detail::read_missing_value(root, arguments, mistake);
  } else if (dynamic_cast<const CLI::ConversionError*>(&error)) {
    // Our checks let through only values that convert, so this is a flag
    // given a value ("--daily=maybe"): CLI11 marks an option as run before
    // converting its value, so it is the last one marked.
    for (auto it = given.rbegin(); it != given.rend(); ++it) {
      if (!(*it)->get_callback_run()) continue;
      mistake.kind = OptionMistakeKind::value_not_taken;
      mistake.option = (*it)->get_name();
      mistake.values = (*it)->results();
      break;
    }
  } else if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    detail::read_required(at, mistake);
  }
  return mistake;
}

}  // namespace aa::cli
