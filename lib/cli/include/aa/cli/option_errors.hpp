// SPDX-License-Identifier: MIT
// A mistake on the command line, in the terms the person typed, and the
// one line that explains it. The parser finds the mistake (cli_errors.hpp
// reads it off CLI11; aa reads its own); the words are ours, the same in every command.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aa::cli {

enum class OptionMistakeKind {
  unknown_option,        // --dialy, or -daily: one dash before a long name
  unknown_command,       // aa-content chek
  missing_command,       // aa-content alone
  unexpected_arguments,  // aa-tip foo
  missing_value,         // --category at the end of the line
  extra_values,          // more than the one value an option takes
  value_not_taken,       // --daily=maybe: a flag given a value it cannot use
  invalid_value,         // a check refused the value
  conflict,              // --daily --seed 3
  needs_other,           // --yes without --forget
  missing,               // a required option or argument left out
  other,                 // only the parser's own words are known
};

struct OptionMistake {
  OptionMistakeKind kind = OptionMistakeKind::other;
  // The option or argument at fault as the person typed it ("--category",
  // "SECTION"), or for unknown_option the unknown name.
  std::string option;
  // What `option` conflicts with or needs; for a conflict, `option` is the
  // one that came first on the line.
  std::string other;
  bool other_is_argument = false;          // `other` names the positional arguments (SECTION)
  std::string value_name;                  // "NAME", "N"
  std::vector<std::string> values;         // the values or arguments concerned, in order
  std::string detail;                      // a check's words, or the parser's message
  bool takes_arguments = true;             // whether the command takes positional arguments
  std::vector<std::string> known_options;  // every option a person may type, for "did you mean"
  std::vector<std::string> commands;       // the subcommands there are, for unknown_command and missing_command
};

// One line, without the program's name: "--category needs a NAME",
// "unknown option '--dialy'; did you mean '--daily'?". Quoted values are
// made printable and cut short.
std::string explain(const OptionMistake& mistake, std::string_view program);

// "a NAME", "an ID", "an N": the article as the placeholder is read aloud
// ("TEXT" takes none).
std::string with_article(std::string_view value_name);

}  // namespace aa::cli
