// SPDX-License-Identifier: MIT
// aa: one command that finds the others. `aa NAME ARGUMENTS...` becomes
// aa-NAME ARGUMENTS... (exec), found beside aa, then on PATH; `aa help`
// lists them and `aa help NAME` shows one's manual.
//
// No option parser and no content here: `aa tip --daily` at a shell login
// costs one exec more than `aa-tip --daily`, and the programs it runs get
// the descriptors and signal dispositions aa was given, unchanged.
#include <cstdlib>
#include <cstring>
#include <functional>

#include <fmt/core.h>

#include "aa/cli/cli.hpp"
#include "aa/cli/guarded_run.hpp"
#include "aa/cli/output.hpp"
#include "aa/content/text.hpp"
#include "aa/io/error.hpp"
#include "umbrella/arguments.hpp"
#include "umbrella/command_lookup.hpp"
#include "umbrella/completion.hpp"
#include "umbrella/help.hpp"
#include "umbrella/program.hpp"

namespace {

constexpr const char* program = "aa";

// A command that was found but cannot be run, as the shells say it.
constexpr int cannot_run_status = 126;

// Where aa-NAME is looked for: aa's own folder, then PATH. Without /proc
// aa cannot know its own folder; it says so, once a run, so that a command
// found on PATH instead of beside aa is no mystery.
std::vector<std::string> command_folders() {
  return aa::cli::command_folders([] {
    aa::cli::report_warning(program,
                            "cannot find the folder aa is in (/proc/self/exe cannot be read); looking on "
                            "PATH only");
  });
}

// Replaces aa with `path`; returns only to report why it could not.
int run_instead(const std::string& path, const std::vector<std::string>& arguments) {
  const int error = aa::cli::replace_process(path, arguments);
  aa::cli::report_error(program, fmt::format("cannot run '{}': {}", aa::printable(path, 200), std::strerror(error)));
  return cannot_run_status;
}

// Like aa::cli::run_guarded() for the work that ends in an exec: an error
// is "aa: error: ..." and its exit status, but SIGPIPE is left as it was,
// since the program run in aa's place inherits it.
int run_leaving_signals(const std::function<int()>& body) {
  try {
    return body();
  } catch (const aa::Error& error) {
    aa::cli::report_error(program, error.what());
    return aa::cli::exit_status(error.code());
  } catch (const std::exception& error) {
    aa::cli::report_error(program, std::string("internal error: ") + error.what());
    return aa::cli::exit_status(aa::Problem::internal);
  }
}

// aa-NAME, with `arguments` after it: by its exact name, else as a person's
// name for it (any case, a unique start) among the commands there are.
int run_command(std::string name, std::vector<std::string> arguments) {
  const auto folders = command_folders();
  auto found = aa::cli::find_command(name, folders);
  if (found.path.empty() && found.not_executable.empty()) {
    const auto commands = aa::cli::list_commands(folders);
    const aa::cli::FoundCommand& chosen = aa::cli::choose_command(name, commands);
    name = chosen.name;
    found.path = chosen.path;
  }
  if (found.path.empty()) {
    aa::cli::report_error(program, fmt::format("'{}' is not executable", aa::printable(found.not_executable, 200)));
    return cannot_run_status;
  }
  arguments.insert(arguments.begin(), std::string(aa::cli::command_prefix) + name);
  return run_instead(found.path, arguments);
}

int print(const std::string& text) {
  return aa::cli::run_guarded(program, [&] {
    aa::write_all(STDOUT_FILENO, text);
    return 0;
  });
}

int print_overview() {
  return print(aa::cli::umbrella_help(aa::cli::list_commands(command_folders()), aa::help_width(aa::probe_terminal())));
}

// `man -w PAGE` says whether man has the page, without showing it.
bool has_manual(const std::string& man, const std::vector<std::string>& page) {
  std::vector<std::string> arguments = {"man", "-w"};
  arguments.insert(arguments.end(), page.begin(), page.end());
  return !man.empty() && aa::cli::succeeds_quietly(man, arguments);
}

// The manual of a command, as `git help` shows one: man's page when man has
// it, else what the command's --help says.
int show_help_on(const std::string& typed) {
  const std::string man = aa::cli::find_program("man", aa::cli::path_folders()).path;
  // aa's own page, else the same list as `aa help`.
  if (typed == "help") {
    if (has_manual(man, {"1", "aa"})) return run_instead(man, {"man", "1", "aa"});
    return print_overview();
  }
  const auto commands = aa::cli::list_commands(command_folders());
  const aa::cli::FoundCommand& command = aa::cli::choose_command(typed, commands);
  const std::string page = std::string(aa::cli::command_prefix) + command.name;
  if (has_manual(man, {page})) return run_instead(man, {"man", page});
  return run_instead(command.path, {page, "--help"});
}

}  // namespace

int main(int argc, char** argv) {
  const std::span<const char* const> arguments(argv + (argc > 0 ? 1 : 0), argc > 1 ? argc - 1 : 0);
  std::exit(run_leaving_signals([&]() -> int {
    const aa::cli::UmbrellaRequest request = aa::cli::read_umbrella_arguments(arguments);
    switch (request.action) {
      case aa::cli::UmbrellaAction::run:
        return run_command(request.value, {arguments.begin() + request.rest, arguments.end()});
      case aa::cli::UmbrellaAction::help_on: return show_help_on(request.value);
      case aa::cli::UmbrellaAction::overview: return print_overview();
      case aa::cli::UmbrellaAction::version: return print(aa::cli::version_line(program) + "\n");
      case aa::cli::UmbrellaAction::completions: return print(aa::cli::umbrella_completion(request.value));
      case aa::cli::UmbrellaAction::completion_names:
        return print(aa::cli::umbrella_completion_names(aa::cli::list_commands(command_folders())));
    }
    return aa::cli::exit_status(aa::Problem::internal);
  }));
}
