// SPDX-License-Identifier: MIT
// What went wrong in a parse, as an OptionMistake (option_errors.hpp) for
// our own words: read off what CLI11 gives structurally (the exception's
// type, the options and the state it left them in, the words it did not
// take) and off the arguments we gave it, never off its message. Inline,
// like cli_options.hpp, which includes it: CLI11 stays out of lib/'s
// compiled files.
#pragma once

#include <optional>
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

// The word the person typed that CLI11 left `extra` of: "-daily" for
// "-aily", when it read "-d" as a flag of its own.
inline std::string as_typed(const std::string& extra, std::span<const std::string> arguments) {
  if (extra.starts_with("--")) return extra;
  for (const std::string& word : arguments) {
    if (word.size() == extra.size() + 1 && !word.starts_with("--") && word.ends_with(extra.substr(1))) return word;
  }
  return extra;
}

inline void read_extras(const CLI::App& app, std::span<const std::string> arguments, OptionMistake& mistake) {
  mistake.known_options = typed_option_names(app);
  mistake.takes_arguments =
      !app.get_options([](const CLI::Option* option) { return option->get_positional(); }).empty();
  std::vector<std::string> extras = app.remaining();
  for (auto it = extras.begin(); it != extras.end(); ++it) {
    const std::string& extra = *it;
    if (extra == "--") {
      // What follows is arguments, whatever it looks like.
      extras.erase(it);
      break;
    }
    if (extra.size() > 1 && extra[0] == '-') {
      mistake.kind = OptionMistakeKind::unknown_option;
      mistake.option = as_typed(extra, arguments);
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

// A command with subcommands (aa-content dump) given none: the first word
// that is not an option is a command mistyped, if there is one.
inline void read_missing_command(const CLI::App& app, std::span<const std::string> arguments, OptionMistake& mistake) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    mistake.commands.push_back(sub->get_name());
  }
  mistake.kind = OptionMistakeKind::missing_command;
  for (const std::string& word : arguments) {
    if (word == "--") break;
    if (word.starts_with("-")) continue;
    mistake.kind = OptionMistakeKind::unknown_command;
    mistake.option = word;
    return;
  }
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
    detail::read_extras(at, arguments, mistake);
  } else if (dynamic_cast<const CLI::ExcludesError*>(&error)) {
    detail::find_conflict(at, mistake);
  } else if (dynamic_cast<const CLI::RequiresError*>(&error)) {
    detail::find_missing_partner(at, mistake);
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
    detail::read_missing_value(at, arguments, mistake);
    if (mistake.option.empty()) detail::read_missing_value(root, arguments, mistake);
  } else if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    const bool wants_command = &at == &root && root.get_require_subcommand_min() > 0;
    if (wants_command) {
      detail::read_missing_command(root, arguments, mistake);
    } else {
      detail::read_required(at, mistake);
    }
  }
  return mistake;
}

// A word CLI11 would read otherwise than the person meant, without a
// complaint, and the command (or subcommand) it belongs to:
// - "--daily=yes": a flag takes no value, but CLI11 would read "yes" as
//   true, and "--daily=no" as false;
// - "-count": one dash before a long name, which CLI11 would read as "-c"
//   with the value "ount".
// Words after "--" are arguments, whatever they look like.
struct MisreadWord {
  OptionMistake mistake;
  const CLI::App* app = nullptr;
};
inline std::optional<MisreadWord> misread_word(const CLI::App& root, std::span<const std::string> arguments) {
  std::vector<const CLI::App*> apps = {&root};
  for (const CLI::App* sub : root.get_subcommands([](const CLI::App*) { return true; })) apps.push_back(sub);
  for (const std::string& word : arguments) {
    if (word == "--") break;
    if (word.size() < 3 || word[0] != '-') continue;
    const std::string name = word.substr(0, word.find('='));
    const bool one_dash = name[1] != '-';
    for (const CLI::App* app : apps) {
      const CLI::Option* option = app->get_option_no_throw(one_dash ? "-" + name : name);
      if (option == nullptr || option->get_positional()) continue;
      OptionMistake mistake;
      if (one_dash && name.size() > 2) {
        mistake.kind = OptionMistakeKind::unknown_option;
        mistake.option = name;
        mistake.known_options = typed_option_names(*app);
      } else if (!one_dash && option->get_expected_max() == 0 && name.size() < word.size()) {
        mistake.kind = OptionMistakeKind::value_not_taken;
        mistake.option = name;
        mistake.values = {word.substr(name.size() + 1)};
      } else {
        continue;
      }
      return MisreadWord{std::move(mistake), app};
    }
  }
  return std::nullopt;
}

}  // namespace aa::cli
