// SPDX-License-Identifier: MIT
// The completion scripts. Each shell gets the same facts: the options with
// their descriptions and values, which options rule out which, and where
// names come from at completion time (the command itself, asked with the
// content directory given on the line). Generated text is plain
// string building; what each line means in its shell is said beside it.
#include "aa/cli/completion.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "aa/io/error.hpp"

namespace aa::cli {
namespace {

// A shell function name made from the program's: aa-tip -> aa_tip.
std::string identifier(std::string_view program) {
  std::string out;
  for (char c : program) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += plain ? c : '_';
  }
  return out;
}

// 'text', for bash and zsh.
std::string sh_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// 'text', for fish: a backslash and a quote are escaped inside.
std::string fish_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// One line, for a comment or a description.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\t', ' ');
  return text;
}

std::string joined(const std::vector<std::string>& words, std::string_view between = " ") {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : std::string(between)) + word;
  return out;
}

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (std::find(to.begin(), to.end(), name) == to.end()) to.push_back(name);
  }
}

bool is_long(const std::string& name) { return name.rfind("--", 0) == 0; }

// Whether any option or argument takes a value of `kind`.
bool has_value(const CompletionCommand& command, ValueKind kind) {
  if (command.arguments && command.arguments->value.kind == kind) return true;
  return std::any_of(command.options.begin(), command.options.end(),
                     [kind](const CompletionOption& option) { return option.value.kind == kind; });
}

bool takes_paths(const CompletionCommand& command) {
  return has_value(command, ValueKind::file) || has_value(command, ValueKind::directory) ||
         has_value(command, ValueKind::content_directory);
}

bool any_needs(const CompletionCommand& command) {
  return std::any_of(command.options.begin(), command.options.end(),
                     [](const CompletionOption& option) { return !option.needs.empty(); });
}

bool asks_for_names(const CompletionCommand& command) {
  if (command.arguments && command.arguments->value.kind == ValueKind::names) return true;
  return std::any_of(command.options.begin(), command.options.end(),
                     [](const CompletionOption& option) { return option.value.kind == ValueKind::names; });
}

// The option whose value is the content directory, if any.
const CompletionOption* content_option(const CompletionCommand& command) {
  for (const CompletionOption& option : command.options) {
    if (option.value.kind == ValueKind::content_directory) return &option;
  }
  return nullptr;
}

std::vector<std::string> all_option_names(const CompletionCommand& command) {
  std::vector<std::string> names;
  for (const CompletionOption& option : command.options) add_unique(names, option.names);
  return names;
}

// The options that, once on the line, leave no room for `option`: itself
// (when it takes no value: one that does must still have its value
// completed), the options it cannot go with, and those that end the line.
std::vector<std::string> hidden_by(const CompletionCommand& command, const CompletionOption& option) {
  std::vector<std::string> names;
  if (option.value.kind == ValueKind::none) add_unique(names, option.names);
  add_unique(names, option.excludes);
  for (const CompletionOption& other : command.options) {
    if (other.alone) add_unique(names, other.names);
  }
  return names;
}

// The options that leave no room for positional arguments.
std::vector<std::string> arguments_hidden_by(const CompletionCommand& command) {
  std::vector<std::string> names;
  for (const CompletionOption& option : command.options) {
    if (option.alone || option.excludes_arguments) add_unique(names, option.names);
  }
  return names;
}

// ---- bash ----------------------------------------------------------------

std::string bash_names_function(const CompletionCommand& command, const std::string& id) {
  std::string s;
  s += "# Offers the names of kind $1 that " + command.program +
       " lists (NAME<TAB>DESCRIPTION lines) and\n"
       "# that start with $cur, in its order; from the content named on the line.\n";
  s += "_" + id + "_names()\n{\n";
  s += "    local -a forwarded=()\n";
  s += "    local i value name rest program=${words[0]}\n";
  s += "    [[ $program == \\~/* ]] && program=$HOME/${program#\\~/}\n";
  if (const CompletionOption* content = content_option(command)) {
    std::vector<std::string> patterns;
    for (const std::string& name : content->names) {
      patterns.push_back(name);
    }
    s += "    for ((i = 1; i < cword; i++)); do\n";
    s += "        case ${words[i]} in\n";
    s += "            " + joined(patterns, " | ") + ")\n";
    s += "                value=${words[i + 1]}\n";
    s += "                [[ $value == = ]] && value=${words[i + 2]}\n";
    s += "                ;;\n";
    std::vector<std::string> with_value;
    for (const std::string& name : content->names) {
      if (is_long(name)) with_value.push_back(name + "=*");
    }
    if (!with_value.empty()) s += "            " + joined(with_value, " | ") + ") value=${words[i]#*=} ;;\n";
    s += "            *) continue ;;\n";
    s += "        esac\n";
    s += "        [[ $value == \\~/* ]] && value=$HOME/${value#\\~/}\n";
    s += "        forwarded=(" + content->names.back() + " \"$value\")\n";
    s += "    done\n";
  }
  s += "    while IFS=$'\\t' read -r name rest; do\n";
  s += "        [[ $name == \"$cur\"* ]] && COMPREPLY+=(\"$name\")\n";
  s += "    done < <(\"$program\" \"${forwarded[@]}\" " + command.names_option + " \"$1\" </dev/null 2>/dev/null)\n";
  s += "    compopt -o nosort 2>/dev/null\n";
  s += "    return 0\n";
  s += "}\n\n";
  return s;
}

// Without bash-completion there is no _filedir: compgen does its plain part.
std::string bash_files_function(const std::string& id) {
  std::string s;
  s += "# Offers the files (with -d, the folders) whose names start with $cur: with\n"
       "# bash-completion's _filedir when it is loaded, else with compgen.\n";
  s += "_" + id + "_files()\n{\n";
  s += "    if declare -F _filedir >/dev/null; then\n";
  s += "        _filedir \"$@\"\n";
  s += "        return\n";
  s += "    fi\n";
  s += "    compopt -o filenames 2>/dev/null\n";
  s += "    mapfile -t COMPREPLY < <(compgen \"${1:--f}\" -- \"$cur\")\n";
  s += "}\n\n";
  return s;
}

// The commands that complete a value, as the body of a case branch.
std::string bash_value(const CompletionValue& value, const std::string& id, std::string_view indent) {
  const std::string at(indent);
  switch (value.kind) {
    case ValueKind::choices:
      return at + "COMPREPLY=($(compgen -W " + sh_quoted(joined(value.choices)) + " -- \"$cur\"))\n";
    case ValueKind::file: return at + "_" + id + "_files\n";
    case ValueKind::directory:
    case ValueKind::content_directory: return at + "_" + id + "_files -d\n";
    case ValueKind::names: return at + "_" + id + "_names " + value.names + "\n";
    case ValueKind::none:
    case ValueKind::text: break;
  }
  return "";
}

}  // namespace

std::string bash_completion(const CompletionCommand& command) {
  const std::string id = identifier(command.program);
  std::string s;
  s += "# bash completion for " + command.program + "    -*- shell-script -*-\n";
  s += "# Generated by " + command.program + " from the options it parses. bash shows no\n";
  s += "# descriptions, so here they are:\n";
  for (const CompletionOption& option : command.options) {
    s += "#   " + joined(option.names, ", ") + (option.value_name.empty() ? "" : " " + option.value_name) + ": " +
         one_line(option.description) + "\n";
  }
  if (command.arguments) {
    s += "#   " + command.arguments->name + "...: " + one_line(command.arguments->description) + "\n";
  }
  s += "\n";
  if (asks_for_names(command)) s += bash_names_function(command, id);
  if (takes_paths(command)) s += bash_files_function(id);

  s += "_" + id + "()\n{\n";
  s += "    local cur prev words cword split\n";
  s += "    if declare -F _init_completion >/dev/null; then\n";
  s += "        _init_completion -s || return\n";
  s += "    else\n";
  // bash itself splits --name=value into three words: --name, =, value.
  s += "        # Without bash-completion: the words as bash split them, = apart.\n";
  s += "        words=(\"${COMP_WORDS[@]}\") cword=$COMP_CWORD split=false\n";
  s += "        cur=${words[cword]} prev=${words[cword - 1]}\n";
  s += "        if [[ $cur == = ]]; then\n";
  s += "            cur=\n";
  s += "        elif [[ $prev == = ]]; then\n";
  s += "            prev=${words[cword - 2]}\n";
  s += "        fi\n";
  s += "    fi\n\n";
  // The value of the option before the cursor.
  s += "    case $prev in\n";
  for (const CompletionOption& option : command.options) {
    if (option.value.kind == ValueKind::none) continue;
    s += "        " + joined(option.names, " | ") + ")\n";
    s += bash_value(option.value, id, "            ");
    s += "            return\n";
    s += "            ;;\n";
  }
  s += "    esac\n";
  s += "    $split && return\n\n";
  // What the options already on the line rule out.
  const bool needs = any_needs(command);
  s += needs ? "    local -A ruled_out=() seen=()\n" : "    local -A ruled_out=()\n";
  s += "    local word\n";
  s += "    for word in \"${words[@]:1:cword-1}\"; do\n";
  if (needs) s += "        [[ -n ${word%%=*} ]] && seen[${word%%=*}]=1\n";
  s += "        case ${word%%=*} in\n";
  const std::vector<std::string> every_name = all_option_names(command);
  for (const CompletionOption& option : command.options) {
    // Itself too, unless it may be given again: its value, if it takes
    // one, was completed above.
    std::vector<std::string> out = option.alone ? every_name : option.names;
    if (option.repeatable) out.clear();
    add_unique(out, option.excludes);
    if (option.alone || option.excludes_arguments) out.push_back("arguments");
    if (out.empty()) continue;
    std::string marks;
    for (const std::string& name : out) marks += (marks.empty() ? "" : " ") + ("[" + name + "]=1");
    s += "            " + joined(option.names, " | ") + ") ruled_out+=(" + marks + ") ;;\n";
  }
  s += "        esac\n";
  s += "    done\n";
  if (needs) s += "    # An option that only works with another: not until that one is on the line.\n";
  for (const CompletionOption& option : command.options) {
    for (const std::vector<std::string>& group : option.needs) {
      std::string any;
      for (const std::string& name : group) any += "${seen[" + name + "]-}";
      std::string marks;
      for (const std::string& name : option.names) marks += (marks.empty() ? "" : " ") + ("[" + name + "]=1");
      s += "    [[ -n " + any + " ]] || ruled_out+=(" + marks + ")\n";
    }
  }
  s += "\n";
  s += "    if [[ $cur == -* ]]; then\n";
  s += "        local option\n";
  s += "        for option in " + joined(every_name) + "; do\n";
  s += "            [[ -z ${ruled_out[$option]-} && $option == \"$cur\"* ]] && COMPREPLY+=(\"$option\")\n";
  s += "        done\n";
  s += "        return\n";
  s += "    fi\n";
  if (!command.subcommands.empty()) {
    // The subcommand first; the arguments only after it.
    std::vector<std::string> names;
    for (const CompletionSubcommand& sub : command.subcommands) names.push_back(sub.name);
    s += "    local subcommand_given=\n";
    s += "    for word in \"${words[@]:1:cword-1}\"; do\n";
    s += "        case $word in\n";
    s += "            " + joined(names, " | ") + ") subcommand_given=1 ;;\n";
    s += "        esac\n";
    s += "    done\n";
    s += "    if [[ -z $subcommand_given ]]; then\n";
    s += "        COMPREPLY=($(compgen -W " + sh_quoted(joined(names)) + " -- \"$cur\"))\n";
    s += "        return\n";
    s += "    fi\n";
  }
  if (command.arguments) {
    s += "    [[ -n ${ruled_out[arguments]-} ]] && return\n";
    s += bash_value(command.arguments->value, id, "    ");
  }
  s += "} &&\n";
  s += "    complete -F _" + id + " " + command.program + "\n";
  return s;
}

// ---- zsh -----------------------------------------------------------------

namespace {

// Text inside an option's [description]: brackets and backslashes escaped.
std::string zsh_description(const std::string& text) {
  std::string out;
  for (char c : one_line(text)) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// A message or value in an _arguments spec: colons and backslashes escaped.
std::string zsh_field(const std::string& text) {
  std::string out;
  for (char c : one_line(text)) {
    if (c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// ":MESSAGE:ACTION" for a value.
std::string zsh_value(const std::string& message, const CompletionValue& value, const std::string& id) {
  std::string action;
  switch (value.kind) {
    case ValueKind::choices: {
      std::vector<std::string> choices;
      for (const std::string& choice : value.choices) {
        std::string escaped;
        for (char c : choice) {
          if (c == ' ' || c == '(' || c == ')' || c == '\\' || c == ':') escaped += '\\';
          escaped += c;
        }
        choices.push_back(escaped);
      }
      action = "(" + joined(choices) + ")";
      break;
    }
    case ValueKind::file: action = "_files"; break;
    case ValueKind::directory:
    case ValueKind::content_directory: action = "_files -/"; break;
    case ValueKind::names:
      // {...} runs as it is, with no compadd options put in.
      action = "{_" + id + "_names " + value.names + "}";
      break;
    case ValueKind::none:
    case ValueKind::text: break;
  }
  return ":" + zsh_field(message.empty() ? "value" : message) + ":" + action;
}

std::string zsh_names_function(const CompletionCommand& command, const std::string& id) {
  std::string s;
  s += "# Offers the names of kind $1 that " + command.program +
       " lists (NAME<TAB>DESCRIPTION lines),\n"
       "# in its order; from the content named on the line.\n";
  s += "(( $+functions[_" + id + "_names] )) || _" + id + "_names() {\n";
  s += "  local -a forwarded names\n";
  s += "  local i line\n";
  if (const CompletionOption* content = content_option(command)) {
    s += "  for (( i = 2; i < CURRENT; i++ )); do\n";
    s += "    case $words[i] in\n";
    for (const std::string& name : content->names) {
      s += "      (" + name + ") forwarded=(" + content->names.back() + " ${(Q)words[i+1]/#\\~/$HOME}) ;;\n";
      if (is_long(name)) {
        s += "      (" + name + "=*) forwarded=(" + content->names.back() + " ${(Q)${words[i]#" + name +
             "=}/#\\~/$HOME}) ;;\n";
      }
    }
    s += "    esac\n";
    s += "  done\n";
  }
  s += "  for line in ${(f)\"$(_call_program names ${(q)words[1]} ${(q)forwarded} " + command.names_option +
       " ${(q)1} </dev/null 2>/dev/null)\"}; do\n";
  s += "    if [[ $line == *$'\\t'* ]]; then\n";
  s += "      names+=(\"${${line%%$'\\t'*}//:/\\\\:}:${line#*$'\\t'}\")\n";
  s += "    else\n";
  s += "      names+=(\"${line//:/\\\\:}\")\n";
  s += "    fi\n";
  s += "  done\n";
  // -V: an unsorted group, so the names keep the command's order.
  s += "  _describe -V -t $1 $1 names\n";
  s += "}\n\n";
  return s;
}

}  // namespace

std::string zsh_completion(const CompletionCommand& command) {
  const std::string id = identifier(command.program);
  std::string s;
  s += "#compdef " + command.program + "\n";
  s += "# zsh completion for " + command.program + ", generated by " + command.program +
       " from the options it parses.\n\n";
  if (asks_for_names(command)) s += zsh_names_function(command, id);
  // The specs of the options that only work with another, added below once
  // that one is on the line.
  std::string with_others, specs_needing;
  s += "local -a specs=(";
  for (const CompletionOption& option : command.options) {
    // (NAMES...): the options this one leaves no room for; "-" is every
    // option and "*" the arguments.
    std::string ruled_out;
    if (option.alone) {
      ruled_out = "- *";
    } else {
      // "*": it may be given again, so it does not rule itself out.
      std::vector<std::string> names = option.repeatable ? std::vector<std::string>{} : option.names;
      add_unique(names, option.excludes);
      if (option.excludes_arguments && command.arguments) names.push_back("*");
      ruled_out = joined(names);
    }
    for (const std::string& name : option.names) {
      std::string spec = "(" + ruled_out + ")" + (option.repeatable ? "*" : "") + name;
      if (option.value.kind != ValueKind::none) spec += is_long(name) ? "=" : "+";
      spec += "[" + zsh_description(option.description) + "]";
      if (option.value.kind != ValueKind::none) spec += zsh_value(option.value_name, option.value, id);
      if (option.needs.empty()) {
        s += "\n  " + sh_quoted(spec);
      } else {
        specs_needing += " " + sh_quoted(spec);
      }
    }
    if (option.needs.empty()) continue;
    // ${words[(I)PATTERN]}: the place of the last word that matches, 0 for none.
    std::string condition;
    for (const std::vector<std::string>& group : option.needs) {
      std::vector<std::string> patterns;
      for (const std::string& name : group) {
        patterns.push_back(name);
        if (is_long(name)) patterns.push_back(name + "=*");
      }
      condition += (condition.empty() ? "" : " && ") + ("${words[(I)(" + joined(patterns, "|") + ")]}");
    }
    with_others += "(( " + condition + " )) && specs+=(" + specs_needing.substr(1) + ")\n";
    specs_needing.clear();
  }
  if (!command.subcommands.empty()) {
    CompletionValue names;
    names.kind = ValueKind::choices;
    for (const CompletionSubcommand& sub : command.subcommands) names.choices.push_back(sub.name);
    s += "\n  " + sh_quoted("1" + zsh_value("command", names, id));
  }
  if (command.arguments) {
    s += "\n  " + sh_quoted("*" + zsh_value(command.arguments->name, command.arguments->value, id));
  }
  s += "\n)\n";
  if (!with_others.empty())
    s += "# An option that only works with another: once that one is on the line.\n" + with_others;
  s += "_arguments -s -S $specs\n";
  return s;
}

// ---- fish ----------------------------------------------------------------

namespace {

// "-s d -l daily": how __fish_seen_argument and complete name options.
std::string fish_names(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& name : names)
    out.push_back((is_long(name) ? "-l " : "-s ") + name.substr(is_long(name) ? 2 : 1));
  return joined(out);
}

// " -n CONDITION": none of `hidden` is on the line, and one of each group
// of `needs` is. One condition, as older fish takes one.
std::string fish_condition(const std::vector<std::string>& hidden,
                           const std::vector<std::vector<std::string>>& needs = {}) {
  std::vector<std::string> tests;
  if (!hidden.empty()) tests.push_back("not __fish_seen_argument " + fish_names(hidden));
  for (const std::vector<std::string>& group : needs) tests.push_back("__fish_seen_argument " + fish_names(group));
  return tests.empty() ? "" : " -n " + fish_quoted(joined(tests, "; and "));
}

// " -k -a ...": the values to offer (-k: in the order given).
std::string fish_values(const CompletionValue& value, const std::string& id) {
  switch (value.kind) {
    case ValueKind::choices: return " -k -a " + fish_quoted(joined(value.choices));
    case ValueKind::file: return " -F";
    case ValueKind::directory:
    case ValueKind::content_directory: return " -a '(__fish_complete_directories)'";
    case ValueKind::names: return " -k -a " + fish_quoted("(__" + id + "_names " + value.names + ")");
    case ValueKind::none:
    case ValueKind::text: break;
  }
  return "";
}

std::string fish_names_function(const CompletionCommand& command, const std::string& id) {
  std::string s;
  s += "# Prints the names of kind $argv that " + command.program +
       " lists (NAME<TAB>DESCRIPTION\n"
       "# lines), from the content named on the line.\n";
  s += "function __" + id + "_names\n";
  s += "    set -l tokens (commandline -opc)\n";
  s += "    set -l forwarded\n";
  if (const CompletionOption* content = content_option(command)) {
    s += "    for i in (seq 2 (count $tokens))\n";
    s += "        switch $tokens[$i]\n";
    for (const std::string& name : content->names) {
      s += "            case " + fish_quoted(name) + "\n";
      s += "                if test $i -lt (count $tokens)\n";
      s += "                    set forwarded " + content->names.back() + " $tokens[(math $i + 1)]\n";
      s += "                end\n";
      if (is_long(name)) {
        s += "            case " + fish_quoted(name + "=*") + "\n";
        s += "                set forwarded " + content->names.back() + " (string replace -- " + name +
             "= '' $tokens[$i])\n";
      }
    }
    s += "        end\n";
    s += "    end\n";
    s += "    set forwarded (string replace -r '^~/' \"$HOME/\" -- $forwarded)\n";
  }
  s += "    $tokens[1] $forwarded " + command.names_option + " $argv </dev/null 2>/dev/null\n";
  s += "end\n\n";
  return s;
}

}  // namespace

std::string fish_completion(const CompletionCommand& command) {
  const std::string id = identifier(command.program);
  const std::string complete = "complete -c " + command.program;
  std::string s;
  s += "# fish completion for " + command.program + ", generated by " + command.program +
       " from the options it parses.\n\n";
  if (asks_for_names(command)) s += fish_names_function(command, id);
  // No file names, unless a value asks for them.
  s += complete + " -f\n";
  for (const CompletionOption& option : command.options) {
    // -x: takes a value, and no file name (-r: a value; -F: file names after all).
    const std::string takes = option.value.kind == ValueKind::file ? " -r" : " -x";
    const std::string value = option.value.kind == ValueKind::none ? "" : takes + fish_values(option.value, id);
    s += complete + " " + fish_names(option.names) + value + fish_condition(hidden_by(command, option), option.needs) +
         " -d " + fish_quoted(one_line(option.description)) + "\n";
  }
  for (const CompletionSubcommand& sub : command.subcommands) {
    s += complete + " -n __fish_use_subcommand -a " + fish_quoted(sub.name) + " -d " +
         fish_quoted(one_line(sub.description)) + "\n";
  }
  if (command.arguments && command.arguments->value.kind != ValueKind::text) {
    std::string condition = fish_condition(arguments_hidden_by(command));
    if (!command.subcommands.empty()) {
      // After the subcommand only: one condition, as older fish takes one.
      const std::vector<std::string> hidden = arguments_hidden_by(command);
      condition = " -n " + fish_quoted("not __fish_use_subcommand" +
                                       (hidden.empty() ? "" : "; and not __fish_seen_argument " + fish_names(hidden)));
    }
    s += complete + condition + fish_values(command.arguments->value, id) + " -d " +
         fish_quoted(one_line(command.arguments->description)) + "\n";
  }
  return s;
}

// ---- choosing a shell ------------------------------------------------------

const std::vector<std::string>& completion_shells() {
  static const std::vector<std::string> shells = {"bash", "zsh", "fish"};
  return shells;
}

std::string completion_script(const CompletionCommand& command, std::string_view shell) {
  if (shell == "bash") return bash_completion(command);
  if (shell == "zsh") return zsh_completion(command);
  if (shell == "fish") return fish_completion(command);
  throw Error(Problem::usage, "no completion for the shell '" + std::string(shell) + "': bash, zsh or fish");
}

}  // namespace aa::cli
