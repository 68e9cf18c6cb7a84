// SPDX-License-Identifier: MIT
// The command-line options every command shares, and the run() that maps
// errors to exit codes. Inline, and included only by each command's main
// and by guide_command.cpp (linked only into aa-read and aa-faq): CLI11's
// header builds global objects in every file that includes it, and a login
// tip must start fast.
#pragma once

#include <charconv>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>
#include <CLI/CLI.hpp>

#include "aa/cli/cli.hpp"
#include "aa/cli/cli_completion.hpp"
#include "aa/cli/cli_errors.hpp"
#include "aa/cli/cli_help.hpp"
#include "aa/cli/completion.hpp"
#include "aa/cli/guarded_run.hpp"
#include "aa/cli/option_names.hpp"
#include "aa/cli/output.hpp"
#include "aa/core/date.hpp"
#include "aa/io/error.hpp"

namespace aa::cli {

// Checks built from plain functions: CLI11's Range and IsMember format
// their descriptions through iostreams, which costs start-up time.
inline CLI::Validator one_of(std::vector<std::string> choices) {
  std::string names;
  for (const std::string& choice : choices) names += (names.empty() ? "" : ", ") + choice;
  return CLI::Validator(
      [choices, names](std::string& value) -> std::string {
        for (const std::string& choice : choices) {
          if (value == choice) return "";
        }
        return "'" + value + "' is not one of " + names;
      },
      "", choices_note_name(choices));
}

inline CLI::Validator whole_number(std::size_t low, std::size_t high) {
  return CLI::Validator(
      [low, high](std::string& value) -> std::string {
        std::size_t number = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (error != std::errc() || end != value.data() + value.size() || number < low || number > high) {
          return "'" + value + "' is not a whole number from " + std::to_string(low) + " to " + std::to_string(high);
        }
        return "";
      },
      "");
}

inline CLI::Validator not_empty() {
  return CLI::Validator([](std::string& value) -> std::string { return value.empty() ? "must not be empty" : ""; }, "");
}

// A date that exists, as YYYY-MM-DD.
inline CLI::Validator iso_date() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        return parse_iso_date(value) ? "" : "'" + value + "' is not a date that exists, as YYYY-MM-DD";
      },
      "");
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

// How a completion script asks the command for names.
inline constexpr const char* completion_names_option = "--completion-names";

// --help and --version are plain flags that run() reads once the parse is
// over, not CLI11's own, which end the parse by throwing. In a static
// binary the first exception reads and sorts all of .eh_frame, which adds
// some 250 KiB to the peak RSS of `--help` (bench/README.md). run() keeps
// CLI11's order of precedence, described there.
inline constexpr const char* help_flag_name = "--help";
inline constexpr const char* version_flag_name = "--version";

// -h and --help, on the command or one of its subcommands.
inline void add_help_flag(CLI::App& app) {
  app.set_help_flag();
  app.add_flag(std::string("-h,") + help_flag_name)
      ->description("Print this help message and exit")
      ->group(general_options_group);
}

// --help, --version, --completions and the help footer; the layout of
// --help; and the rule for an option given twice, for every option added
// after this: the last one wins, as in most Unix tools, so an alias or a
// script can set a default the command line then overrides.
inline void describe(CLI::App& app, std::string_view program) {
  app.name(std::string(program));
  app.formatter(std::make_shared<HelpFormatter>());
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  add_help_flag(app);
  // A callback that does nothing: CLI11 marks it as run, in the order of
  // declaration, which is when its own version flag would have thrown.
  app.add_flag_callback(
         version_flag_name, [] {}, "Print the version and exit")
      ->group(general_options_group);
  app.add_option_function<std::string>(
         "--completions", [](const std::string& shell) { throw CompletionScriptWanted{shell}; },
         "Print the completion script for bash, zsh or fish")
      ->check(one_of(completion_shells()))
      ->type_name("SHELL")
      ->group(general_options_group);
  app.footer(
      "Exit status: 0 success, 1 nothing found, 2 usage error, 65 bad content file,\n"
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

// --format (one of `formats`) and --json.
inline void add_format_option(CLI::App& app, CommonOptions& options, std::vector<std::string> formats) {
  std::string names;
  for (const std::string& format : formats) names += (names.empty() ? "" : ", ") + format;
  auto* format = app.add_option("--format", options.format, "Output format: " + names + " (default text)")
                     ->check(one_of(std::move(formats)))
                     ->type_name("FORMAT")
                     ->group(output_options_group);
  app.add_flag("--json", options.json, "Short for --format json")->excludes(format)->group(output_options_group);
}

// --content-dir, also read from AA_CONTENT_DIR.
inline void add_content_option(CLI::App& app, CommonOptions& options) {
  app.add_option("--content-dir", options.content_dir,
                 "Read content files from DIR in place of the built-in ones; the environment variable "
                 "AA_CONTENT_DIR does the same")
      ->envname(content_dir_env)
      ->type_name("DIR")
      ->check(completes_content_directory())
      ->group(general_options_group);
  // Hidden from --help and the man pages: it is how the completion scripts
  // ask for names (NAME<TAB>DESCRIPTION lines), not something people type.
  // Declared after --content-dir, whose value is set by the time this
  // option's callback runs.
  app.add_option_function<std::string>(
         completion_names_option,
         [&options](const std::string& kind) {
           throw CompletionNamesWanted{kind, options};
         },
         "The names completion offers for KIND")
      ->check(one_of(completion_name_kinds()))
      ->group("");
}

namespace detail {

// Whether --help was given to the command or to the subcommand it runs.
inline bool help_wanted(const CLI::App& app) {
  const CLI::Option* help = app.get_option_no_throw(help_flag_name);
  if (help != nullptr && help->count() > 0) return true;
  for (const CLI::App* subcommand : app.get_subcommands()) {
    if (help_wanted(*subcommand)) return true;
  }
  return false;
}

// Whether the parse reached --version: CLI11 would have ended it there.
inline bool version_wanted(const CLI::App& app) {
  const CLI::Option* version = app.get_option_no_throw(version_flag_name);
  return version != nullptr && version->get_callback_run();
}

// CLI11 looks at --help after every option's value is checked and before
// the rules between options and the leftover words are; these errors come
// from those rules, so --help wins over them.
inline bool found_after_help(const CLI::ParseError& error) {
  return dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr ||
         dynamic_cast<const CLI::RequiredError*>(&error) != nullptr ||
         dynamic_cast<const CLI::ExcludesError*>(&error) != nullptr ||
         dynamic_cast<const CLI::RequiresError*>(&error) != nullptr;
}

}  // namespace detail

// Parses the command line and runs `body` through run_guarded(): a
// parse error is "PROGRAM: error: message" on stderr and exit code 2.
// --version wins over everything the parse meets after it, --completions
// over --help, and --help over the rules between options (see above).
inline int run(std::string_view program, CLI::App& app, int argc, char** argv, const std::function<int()>& body) {
  return run_guarded(program, [&]() -> int {
    const auto show_version = [&] {
      write_all(STDOUT_FILENO, version_line(program) + "\n");
      return 0;
    };
    const auto show_help = [&] {
      write_all(STDOUT_FILENO, app.help());
      return 0;
    };
    try {
      app.parse(argc, argv);
    } catch (const CompletionScriptWanted& wanted) {
      if (detail::version_wanted(app)) return show_version();
      write_all(STDOUT_FILENO, completion_script(completion_command(app, completion_names_option), wanted.shell));
      return 0;
    } catch (const CompletionNamesWanted& wanted) {
      if (detail::version_wanted(app)) return show_version();
      write_all(STDOUT_FILENO, completion_names(
                                   wanted.kind, [&] { return load_content(wanted.common); }, local_today()));
      return 0;
    } catch (const CLI::ParseError& error) {
      if (detail::version_wanted(app)) return show_version();
      if (detail::help_wanted(app) && detail::found_after_help(error)) return show_help();
      // A mistake after a subcommand (aa-content dump --forse) is about
      // that subcommand's options, and its --help is the one to try.
      const CLI::App* at = &app;
      std::string where(program);
      while (!at->get_subcommands().empty()) {
        at = at->get_subcommands().front();
        where += " " + at->get_name();
      }
      report_error(program, explain(option_mistake(error, *at), where) + " (try '" + where + " --help')");
      return exit_status(Problem::usage);
    }
    if (detail::version_wanted(app)) return show_version();
    if (detail::help_wanted(app)) return show_help();
    return body();
  });
}

}  // namespace aa::cli
