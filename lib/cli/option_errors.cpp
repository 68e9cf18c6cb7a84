// SPDX-License-Identifier: MIT
#include "aa/cli/option_errors.hpp"

#include <cstring>

#include <fmt/core.h>

#include "aa/content/text.hpp"
#include "aa/core/suggest.hpp"

namespace aa::cli {

namespace {

std::string quoted(std::string_view text) { return "'" + printable(text) + "'"; }

std::string quoted_list(const std::vector<std::string>& values, std::string_view last = " and ") {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += i + 1 == values.size() ? std::string(last) : ", ";
    out += quoted(values[i]);
  }
  return out;
}

// The long option nearest to `typed` ("--dialy", or "-daily" with one
// dash), if one is close. Short options are one letter, and so are most
// slips of a name of one or two: any other would be as close, so a
// suggestion for them would be a guess.
std::string suggestion_for(std::string_view typed, const std::vector<std::string>& known) {
  const std::size_t start = typed.find_first_not_of('-');
  if (start == std::string_view::npos || typed.size() - start < 3) return "";
  const std::string_view name = typed.substr(start);
  std::vector<std::string_view> names;
  for (const std::string& option : known) {
    if (option.starts_with("--")) names.push_back(std::string_view(option).substr(2));
  }
  const auto match = closest_match(name, names);
  return match ? "--" + std::string(*match) : "";
}

std::string unknown_command(const OptionMistake& mistake, std::string_view program) {
  std::vector<std::string_view> names(mistake.commands.begin(), mistake.commands.end());
  std::string message = fmt::format("unknown command {} for {}", quoted(mistake.option), program);
  if (const auto match = closest_match(mistake.option, names)) message += fmt::format("; did you mean '{}'?", *match);
  return message;
}

std::string unknown_option(const OptionMistake& mistake) {
  // "--dialy=3" is the option "--dialy" given a value.
  const std::string_view typed = std::string_view(mistake.option).substr(0, mistake.option.find('='));
  std::string message = "unknown option " + quoted(typed);
  const std::string suggestion = suggestion_for(typed, mistake.known_options);
  if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
  return message;
}

std::string unexpected_arguments(const OptionMistake& mistake, std::string_view program) {
  const char* noun = mistake.values.size() == 1 ? "argument" : "arguments";
  if (!mistake.takes_arguments) {
    return fmt::format("{} takes no arguments, but was given {}", program, quoted_list(mistake.values));
  }
  return fmt::format("unexpected {} {}", noun, quoted_list(mistake.values));
}

}  // namespace

std::string with_article(std::string_view value_name) {
  if (value_name.empty()) return "a value";
  // Text is not counted: "needs TEXT".
  if (value_name == "TEXT") return std::string(value_name);
  const char first = value_name[0];
  // Read as a word (ID, OPTION) or as a letter (N: "en").
  const bool vowel_sound = std::strchr("AEIOUaeiou", first) != nullptr ||
                           (value_name.size() == 1 && std::strchr("FHLMNRSX", first) != nullptr);
  return (vowel_sound ? "an " : "a ") + std::string(value_name);
}

std::string explain(const OptionMistake& mistake, std::string_view program) {
  const std::string& option = mistake.option;
  switch (mistake.kind) {
    case OptionMistakeKind::unknown_option: return unknown_option(mistake);
    case OptionMistakeKind::unknown_command: return unknown_command(mistake, program);
    case OptionMistakeKind::missing_command:
      return fmt::format("{} needs a command: {}", program, quoted_list(mistake.commands, " or "));
    case OptionMistakeKind::unexpected_arguments: return unexpected_arguments(mistake, program);
    case OptionMistakeKind::missing_value: return option + " needs " + with_article(mistake.value_name);
    case OptionMistakeKind::extra_values:
      return fmt::format("{} takes one {}, but was given {}", option,
                         mistake.value_name.empty() ? "value" : mistake.value_name, quoted_list(mistake.values));
    case OptionMistakeKind::value_not_taken:
      return fmt::format("{} takes no value, but was given {}", option, quoted_list(mistake.values));
    case OptionMistakeKind::invalid_value:
      if (!mistake.detail.empty()) return option + ": " + mistake.detail;
      return fmt::format("{}: {} is not {}", option, quoted_list(mistake.values), with_article(mistake.value_name));
    case OptionMistakeKind::conflict:
      if (mistake.other_is_argument)
        return fmt::format("{} cannot be used with {}", option, with_article(mistake.other));
      return fmt::format("{} and {} cannot be used together", option, mistake.other);
    case OptionMistakeKind::needs_other: return fmt::format("{} only works with {}", option, mistake.other);
    case OptionMistakeKind::missing: return option + " must be given";
    case OptionMistakeKind::other: break;
  }
  return mistake.detail;
}

}  // namespace aa::cli
