// SPDX-License-Identifier: MIT
// The command-line options every command shares, and the run() that parses
// them and maps errors to exit codes. Inline, and included only by each
// command's main and its flows: CLI11 stays out of lib/'s compiled files.
#pragma once

#include <charconv>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include "aa/cli/cli.hpp"
#include "aa/cli/cli_completion.hpp"
#include "aa/cli/cli_errors.hpp"
#include "aa/cli/cli_help.hpp"
#include "aa/cli/completion.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/cli/guarded_run.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/passphrase.hpp"
#include "aa/core/check.hpp"
#include "aa/core/date.hpp"
#include "aa/core/journal.hpp"
#include "aa/io/error.hpp"

namespace aa::cli {

// A check of an option's value: `why_not` gives the words for a value it
// refuses, "" for one it takes. Its words reach run() as they are.
inline CLI::Validator refusing(std::function<std::string(const std::string&)> why_not, std::string note = "") {
  return CLI::Validator(
      [why_not = std::move(why_not)](std::string& value) -> std::string {
        std::string why = why_not(value);
        if (!why.empty()) throw ValueRefused(why);
        return "";
      },
      "", std::move(note));
}

inline std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : ", ") + word;
  return out;
}

inline CLI::Validator one_of(std::vector<std::string> choices) {
  const std::string note = choices_note_name(choices);
  return refusing(
      [choices = std::move(choices)](const std::string& value) -> std::string {
        for (const std::string& choice : choices) {
          if (value == choice) return "";
        }
        return "'" + value + "' is not one of " + joined(choices);
      },
      note);
}

inline CLI::Validator whole_number(std::size_t low, std::size_t high) {
  return refusing([low, high](const std::string& value) -> std::string {
    std::size_t number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size() || number < low || number > high) {
      return "'" + value + "' is not a whole number from " + std::to_string(low) + " to " + std::to_string(high);
    }
    return "";
  });
}

inline CLI::Validator not_empty() {
  return refusing([](const std::string& value) -> std::string { return value.empty() ? "must not be empty" : ""; });
}

// A date that exists, as YYYY-MM-DD.
inline CLI::Validator iso_date() {
  return refusing([](const std::string& value) -> std::string {
    return parse_iso_date(value) ? "" : "'" + value + "' is not a date that exists, as YYYY-MM-DD";
  });
}

// Thrown from the parse by --completions and --completion-names, which
// end the command as --help does, and caught by run(). Not exceptions of
// the standard kind: nothing but run() is meant to catch them.
struct CompletionScriptWanted {
  std::string shell;
};
struct CompletionNamesWanted {
  std::string kind;
  CommonOptions common;  // where the content comes from
};

// -h and --help, on the command or one of its subcommands.
inline void add_help_flag(CLI::App& app) {
  app.set_help_flag("-h,--help", "Print this help message and exit")->group(general_options_group);
}

// --help, --version, --completions, the help's examples and footer; the
// layout of --help; and the rule for an option given twice, for every option added
// after this: the last one wins, as in most Unix tools, so an alias or a
// script can set a default the command line then overrides.
inline void describe(CLI::App& app, std::string_view program, std::vector<Example> examples = {}) {
  app.name(std::string(program));
  set_examples(app, std::move(examples));
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  add_help_flag(app);
  app.set_version_flag("--version", "", "Print the version and exit")->group(general_options_group);
  app.add_option_function<std::string>(
         "--completions", [](const std::string& shell) { throw CompletionScriptWanted{shell}; },
         "Print the completion script for bash, zsh or fish")
      ->check(one_of(completion_shells()))
      ->type_name("SHELL")
      ->group(general_options_group);
  app.footer(
      "Exit status: 0 success, 1 nothing found, 2 usage error, 65 bad content file, "
      "74 read or write error. See " +
      std::string(program) + "(1) for more.");
}

// --color, --width, --no-pager.
inline void add_output_options(CLI::App& app, CommonOptions& options) {
  app.add_option("--color", options.color, "When to use colour: auto, always or never (default auto)")
      ->check(one_of({"auto", "always", "never"}))
      ->type_name("WHEN")
      ->group(output_options_group);
  app.add_option("--width", options.width, "Wrap text to N columns")
      ->check(whole_number(1, 100000))
      ->type_name("N")
      ->group(output_options_group);
  app.add_flag("--no-pager", options.no_pager, "Never send output through a pager")->group(output_options_group);
}

// --format, read straight into the enum, offering the formats that apply
// to what the command may print (format_rule.hpp); and --json.
inline void add_format_option(CLI::App& app, CommonOptions& options, std::initializer_list<Printout> printouts) {
  std::vector<std::string> names;
  for (Format format : formats_for(printouts)) names.emplace_back(format_name(format));
  const CLI::Validator check = one_of(names);
  auto* format = app.add_option("--format", options.format, "Output format: " + joined(names) + " (default text)")
                     ->transform(CLI::Validator(
                         [check](std::string& value) {
                           check(value);
                           value = std::to_string(static_cast<int>(*format_named(value)));
                           return std::string();
                         },
                         "", check.get_name()))
                     ->type_name("FORMAT")
                     ->group(output_options_group);
  app.add_flag("--json", options.json, "Short for --format json")->excludes(format)->group(output_options_group);
}

// --content-dir, also read from AA_CONTENT_DIR.
inline void add_content_option(CLI::App& app, CommonOptions& options) {
  app.add_option("--content-dir", options.content_dir,
                 "Read content files from DIR in place of the built-in ones; the environment variable "
                 "AA_CONTENT_DIR does the same")
      ->envname("AA_CONTENT_DIR")
      ->type_name("DIR")
      ->check(completes_content_directory())
      ->group(general_options_group);
  // Hidden from --help and the man pages: it is how the completion scripts
  // ask for names (NAME<TAB>DESCRIPTION lines), not something people type.
  // Declared after --content-dir, whose value is set by the time this
  // option's callback runs.
  app.add_option_function<std::string>(
         std::string(completion_names_option),
         [&options](const std::string& kind) {
           throw CompletionNamesWanted{kind, options};
         },
         "The names completion offers for KIND")
      ->check(one_of(completion_name_kinds()))
      ->group("");
}

// Parses the command line and runs `body` through run_guarded(): a
// parse error is "PROGRAM: error: message" on stderr and exit code 2.
// What wins when --help, --version and --completions meet other words is
// CLI11's order: the words are read (a missing value is found then), each
// option's value is checked and --version, --completions and
// --completion-names end the parse, in the order they are declared; then
// --help ends it, before the rules between options and the leftover words.
// The stores whose ids a command's completion offers: aa-check's saved
// results, aa-journal's entries. Only those two give them, so that the
// others (aa-tip, at every login) link no store code; an unset one offers
// nothing.
struct StoredNames {
  std::function<std::vector<CheckRecord>()> results;
  std::function<std::vector<JournalEntry>()> entries;
};

inline int run(std::string_view program, CLI::App& app, int argc, char** argv, const std::function<int()>& body,
               const StoredNames& stored = {}) {
  return run_guarded(program, [&]() -> int {
    const std::vector<std::string> arguments(argv + std::min(argc, 1), argv + argc);
    // "PROGRAM: error: the mistake (try 'PROGRAM [SUBCOMMAND] --help')", exit 2.
    const auto usage_error = [&](const OptionMistake& mistake, const CLI::App& at) {
      const std::string where = &at == &app ? std::string(program) : fmt::format("{} {}", program, at.get_name());
      report_error(program, explain(mistake, where) + " (try '" + where + " --help')");
      return exit_status(Problem::usage);
    };
    if (const auto misread = misread_word(app, arguments)) return usage_error(misread->mistake, *misread->app);
    try {
      app.parse(argc, argv);
    } catch (const CompletionScriptWanted& wanted) {
      write_all(STDOUT_FILENO,
                completion_script(completion_command(app, std::string(completion_names_option)), wanted.shell));
      return 0;
    } catch (const CompletionNamesWanted& wanted) {
      // Asked for at a Tab press: an encrypted store gives no ids rather
      // than a prompt for its passphrase.
      never_ask_for_passphrase();
      const auto none = [] { return decltype(stored.results()){}; };
      const auto no_entries = [] { return decltype(stored.entries()){}; };
      const NameSources sources{[&] { return load_content(wanted.common); }, local_today(),
                                stored.results ? stored.results : none, stored.entries ? stored.entries : no_entries};
      write_all(STDOUT_FILENO, completion_names(wanted.kind, sources));
      return 0;
    } catch (const CLI::CallForHelp&) {
      write_all(STDOUT_FILENO, app.help());
      return 0;
    } catch (const CLI::CallForVersion&) {
      write_all(STDOUT_FILENO, version_line(program) + "\n");
      return 0;
    } catch (const CLI::ParseError& error) {
      // A mistake after a subcommand (aa-content dump --forse) is about
      // that subcommand's options, and its --help is the one to try.
      const CLI::App* at = app.get_subcommands().empty() ? &app : app.get_subcommands().front();
      return usage_error(option_mistake(error, app, *at, arguments), *at);
    }
    return body();
  });
}

}  // namespace aa::cli
