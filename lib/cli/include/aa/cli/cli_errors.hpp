// SPDX-License-Identifier: MIT
// What went wrong in a parse, read off CLI11's exception and the App it
// left behind, as an OptionMistake (option_errors.hpp) for our own words.
// Inline, like cli_options.hpp, which includes it: CLI11 stays out of
// lib/'s compiled files.
//
// CLI11 2.1 carries little more than a message in its exceptions, so the
// option's name is read from the start of the message where only the
// message has it; what the person typed is read from the App (the
// arguments it did not take, the order options came in), never from the
// message, where CLI11 lists extras in reverse.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "aa/cli/option_errors.hpp"

namespace aa::cli {

namespace detail {

// "NAME" of CLI11's "NAME: rest", or "" when there is no such prefix.
inline std::string name_before_colon(const std::string& message) {
  const std::size_t colon = message.find(": ");
  if (colon == std::string::npos || message.find(' ') < colon) return "";
  return message.substr(0, colon);
}

inline bool is_flag(const CLI::Option& option) { return option.get_items_expected_max() == 0; }

inline const CLI::Option* find_option(const CLI::App& app, const std::string& name) {
  if (name.empty()) return nullptr;
  return app.get_option_no_throw(name);
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

inline void read_argument_mismatch(const CLI::Option* option, const std::string& message, OptionMistake& mistake) {
  if (option == nullptr) return;
  mistake.option = option->get_name();
  mistake.value_name = option->get_type_name();
  const std::string rest = message.substr(mistake.option.size());
  if (rest.find(" missing") != std::string::npos || rest.find("At least") != std::string::npos) {
    mistake.kind = OptionMistakeKind::missing_value;
  } else if (rest.find("At Most") != std::string::npos) {
    mistake.kind = OptionMistakeKind::extra_values;
    mistake.limit = static_cast<std::size_t>(std::max(option->get_items_expected_max(), 1));
    mistake.values = option->results();
  } else if (rest.find("flag override") != std::string::npos) {
    mistake.kind = OptionMistakeKind::value_not_taken;
    mistake.values = option->results();
  }
}

inline void read_conversion_error(const CLI::App& app, const std::string& message, OptionMistake& mistake) {
  // "Could not convert: NAME = VALUES", "NAME: too many inputs for a flag",
  // "NAME: Should be true/false or a number".
  std::string name = name_before_colon(message);
  const std::string could_not = "Could not convert: ";
  if (message.rfind(could_not, 0) == 0) {
    name = message.substr(could_not.size(), message.find(" = ") - could_not.size());
  }
  const CLI::Option* option = find_option(app, name);
  if (option == nullptr) return;
  mistake.option = option->get_name();
  mistake.value_name = option->get_type_name();
  mistake.values = option->results();
  mistake.kind = is_flag(*option) ? OptionMistakeKind::value_not_taken : OptionMistakeKind::invalid_value;
}

}  // namespace detail

// Every option a person may type: those --help shows.
inline std::vector<std::string> typed_option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_positional() || option->get_group().empty()) continue;
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

// The mistake `error` reports, from a parse of `app` that threw it.
inline OptionMistake option_mistake(const CLI::ParseError& error, const CLI::App& app) {
  OptionMistake mistake;
  mistake.detail = error.what();
  mistake.known_options = typed_option_names(app);
  mistake.takes_arguments =
      !app.get_options([](const CLI::Option* option) { return option->get_positional(); }).empty();
  const std::string message = error.what();
  const std::string name = detail::name_before_colon(message);
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    detail::read_extras(app, mistake);
  } else if (dynamic_cast<const CLI::ExcludesError*>(&error)) {
    detail::find_conflict(app, mistake);
  } else if (dynamic_cast<const CLI::RequiresError*>(&error)) {
    detail::find_missing_partner(app, mistake);
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
    const CLI::Option* option = detail::find_option(app, name);
    // "NAME was given a disallowed flag override" has no colon.
    if (option == nullptr) option = detail::find_option(app, message.substr(0, message.find(' ')));
    detail::read_argument_mismatch(option, message, mistake);
  } else if (dynamic_cast<const CLI::ConversionError*>(&error)) {
    detail::read_conversion_error(app, message, mistake);
  } else if (dynamic_cast<const CLI::ValidationError*>(&error)) {
    if (const CLI::Option* option = detail::find_option(app, name)) {
      mistake.kind = OptionMistakeKind::invalid_value;
      mistake.option = option->get_name();
      mistake.value_name = option->get_type_name();
      mistake.detail = message.substr(name.size() + 2);
    }
  } else if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    const std::string is_required = " is required";
    const std::string required = message.substr(0, message.size() - std::min(message.size(), is_required.size()));
    if (message.ends_with(is_required)) {
      if (const CLI::Option* option = detail::find_option(app, required)) {
        mistake.kind = OptionMistakeKind::missing;
        mistake.option = option->get_name();
      }
    }
  }
  return mistake;
}

}  // namespace aa::cli
