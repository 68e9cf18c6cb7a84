// SPDX-License-Identifier: MIT
// The parts of `aa`: reading its arguments, which names it takes, where it
// looks for commands, the list it prints, and choosing a command by name.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "aa/content/text.hpp"
#include "aa/io/error.hpp"
#include "process.hpp"
#include "umbrella/arguments.hpp"
#include "umbrella/command_lookup.hpp"
#include "umbrella/command_table.hpp"
#include "umbrella/completion.hpp"
#include "umbrella/help.hpp"

using aa::cli::FoundCommand;
using aa::cli::UmbrellaAction;

namespace {

aa::cli::UmbrellaRequest read(std::vector<const char*> arguments) {
  return aa::cli::read_umbrella_arguments(arguments);
}

// The message of the usage error `arguments` are, or "" when they are none.
std::string mistake(std::vector<const char*> arguments) {
  try {
    read(std::move(arguments));
  } catch (const aa::Error& error) {
    CHECK(error.code() == aa::Problem::usage);
    return error.what();
  }
  return "";
}

std::string usage_error_of(std::string_view typed, const std::vector<FoundCommand>& commands) {
  try {
    aa::cli::choose_command(typed, commands);
  } catch (const aa::Error& error) {
    CHECK(error.code() == aa::Problem::usage);
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a command name is a plain word") {
  for (const char* name : {"tip", "read", "hello", "my-tool", "x_1", "v2.0", "A", "9"}) {
    CAPTURE(name);
    CHECK(aa::cli::is_command_name(name));
  }
  for (const char* name : {"", "-x", "--help", "../x", "a/b", "/bin/sh", ".", "..", ".hidden", "_x", "a b", "a\tb",
                           "x\n", "\x1b[m", "caf\xc3\xa9", "a=b", "a$b", "a*"}) {
    CAPTURE(name);
    CHECK_FALSE(aa::cli::is_command_name(name));
  }
  CHECK(aa::cli::is_command_name(std::string(100, 'a')));
  CHECK_FALSE(aa::cli::is_command_name(std::string(101, 'a')));
}

TEST_CASE("the arguments: a command and its own, or one of aa's options") {
  CHECK(read({}).action == UmbrellaAction::overview);
  CHECK(read({"help"}).action == UmbrellaAction::overview);
  CHECK(read({"--help"}).action == UmbrellaAction::overview);
  CHECK(read({"-h"}).action == UmbrellaAction::overview);
  CHECK(read({"--version"}).action == UmbrellaAction::version);
  const auto run = read({"tip", "--daily", "--help"});
  CHECK(run.action == UmbrellaAction::run);
  CHECK(run.value == "tip");
  CHECK(run.rest == 1);
  const auto help = read({"help", "tip"});
  CHECK(help.action == UmbrellaAction::help_on);
  CHECK(help.value == "tip");
  CHECK(read({"--completions", "fish"}).value == "fish");
  CHECK(read({"--completions=zsh"}).value == "zsh");
  CHECK(read({"--completions=zsh"}).action == UmbrellaAction::completions);
  CHECK(read({"--completion-names", "commands"}).action == UmbrellaAction::completion_names);

  CHECK(mistake({"--bogus"}) == "unknown option '--bogus' (try 'aa --help')");
  CHECK(mistake({"--versoin"}) == "unknown option '--versoin'; did you mean '--version'? (try 'aa --help')");
  CHECK(mistake({"-"}) == "unknown option '-' (try 'aa --help')");
  // One dash before a long name, and a flag given a value, as in every command.
  CHECK(mistake({"-version"}) == "unknown option '-version'; did you mean '--version'? (try 'aa --help')");
  CHECK(mistake({"--version=1"}) == "--version takes no value, but was given '1' (try 'aa --help')");
  CHECK(mistake({"--help=yes"}) == "--help takes no value, but was given 'yes' (try 'aa --help')");
  CHECK(mistake({"--help", "tip"}) == "--help takes no value, but was given 'tip' (try 'aa --help')");
  CHECK(mistake({"--completions"}) == "--completions needs a SHELL (try 'aa --help')");
  CHECK(mistake({"--completions="}) == "--completions: '' is not one of bash, zsh, fish (try 'aa --help')");
  CHECK(mistake({"--completions", "zsh", "fish"}) ==
        "--completions takes one SHELL, but was given 'zsh' and 'fish' (try 'aa --help')");
  CHECK(mistake({"--completion-names", "tips"}) ==
        "--completion-names: 'tips' is not one of commands (try 'aa --help')");
  CHECK(mistake({"../x"}).starts_with("'../x' is not a command name"));
  CHECK(mistake({"help", "a/b"}).starts_with("'a/b' is not a command name"));
  CHECK(mistake({"help", "a", "b"}) == "help takes one command name, but was given 2 ('aa help' lists them)");
  // Control characters are never echoed as they are.
  CHECK(mistake({"\x1b]0;x\a"}).find('\x1b') == std::string::npos);
}

TEST_CASE("the folders searched: aa's own, then the absolute entries of PATH, each once") {
  using Folders = std::vector<std::string>;
  CHECK(aa::cli::command_folders(std::string("/opt/aa/bin"), "/usr/bin:/bin") ==
        Folders{"/opt/aa/bin", "/usr/bin", "/bin"});
  CHECK(aa::cli::command_folders(std::string("/usr/bin"), "/usr/local/bin:/usr/bin::.:bin:/bin:/usr/local/bin") ==
        Folders{"/usr/bin", "/usr/local/bin", "/bin"});
  CHECK(aa::cli::command_folders(std::nullopt, "") == Folders{});
  CHECK(aa::cli::command_folders(std::nullopt, std::nullopt) == Folders{});
  CHECK(aa::cli::command_folders(std::string("/"), "/") == Folders{"/"});
}

TEST_CASE("finding and listing the commands in folders") {
  const aa::test::TempDir first, second;
  const auto executable = [](const aa::test::TempDir& dir, const std::string& name) {
    const std::string path = dir.write(name, "#!/bin/sh\n");
    REQUIRE(::chmod(path.c_str(), 0755) == 0);
    return path;
  };
  const std::string hello = executable(first, "aa-hello");
  executable(second, "aa-hello");
  const std::string zebra = executable(second, "aa-zebra");
  const std::string plain = second.write("aa-plain", "");
  executable(second, "aa-bad name");
  executable(second, "aa-");
  executable(second, "other");
  std::filesystem::create_directory(first.path() + "/aa-folder");
  const std::vector<std::string> folders = {"/nonexistent", first.path(), second.path()};

  CHECK(aa::cli::find_command("hello", folders).path == hello);
  CHECK(aa::cli::find_command("zebra", folders).path == zebra);
  const auto not_executable = aa::cli::find_command("plain", folders);
  CHECK(not_executable.path == "");
  CHECK(not_executable.not_executable == plain);
  const auto folder = aa::cli::find_command("folder", folders);
  CHECK(folder.path == "");
  CHECK(folder.not_executable == "");
  CHECK(aa::cli::find_program("other", folders).path == second.path() + "/other");

  const auto listed = aa::cli::list_commands(folders);
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].name == "hello");
  CHECK(listed[0].path == hello);
  CHECK(listed[1].name == "zebra");
}

TEST_CASE("the list: the toolkit's commands in their order, then the others by name, within 80 columns") {
  const std::vector<FoundCommand> commands = {{"zebra", "/home/someone/bin/aa-zebra"},
                                              {"tip", "/usr/bin/aa-tip"},
                                              {"apple", "/opt/bin/aa-apple"},
                                              {"read", "/usr/bin/aa-read"},
                                              {"faq", "/usr/bin/aa-faq"}};
  std::vector<std::string> order;
  for (const FoundCommand& command : aa::cli::in_help_order(commands)) order.push_back(command.name);
  CHECK(order == std::vector<std::string>{"read", "tip", "faq", "apple", "zebra"});

  const std::string page = aa::cli::umbrella_help(commands, 80);
  CHECK(page.find("Commands:\n  read ") != std::string::npos);
  CHECK(page.find("More commands:\n  apple ") != std::string::npos);
  CHECK(page.find("/home/someone/bin/aa-zebra") != std::string::npos);
  CHECK(page.find("check") == std::string::npos);  // not installed, not listed
  CHECK(page.find("Start with 'aa read'") != std::string::npos);
  std::size_t start = 0;
  while (start < page.size()) {
    const std::size_t end = page.find('\n', start);
    CAPTURE(page.substr(start, end - start));
    CHECK(aa::display_width(page.substr(start, end - start)) <= 80);
    start = end + 1;
  }
  // Every summary fits its line beside the names column.
  for (const aa::cli::KnownCommand& known : aa::cli::known_commands()) {
    CAPTURE(known.name);
    CHECK(aa::display_width(known.summary) <= 48);
  }

  CHECK(aa::cli::umbrella_completion_names(commands) ==
        "help\tShow the manual of a command, or list the commands\n"
        "read\tRead the guide, one section at a time\n"
        "tip\tPrint a tip: at random, or the tip of the day\n"
        "faq\tAnswers to common questions about getting help\n"
        "apple\t/opt/bin/aa-apple\n"
        "zebra\t/home/someone/bin/aa-zebra\n");
  // A path with a tab or a line break keeps to its line.
  const std::vector<FoundCommand> odd = {{"odd", "/tmp/a\tb\nc/aa-odd"}};
  CHECK(aa::cli::umbrella_completion_names(odd).find("odd\t/tmp/a") != std::string::npos);
  CHECK(aa::test::count_lines(aa::cli::umbrella_completion_names(odd)) == 2);
}

TEST_CASE("choosing a command by name: exactly, by case, by a unique start, else did you mean") {
  const std::vector<FoundCommand> commands = {
      {"check", "/bin/aa-check"}, {"content", "/bin/aa-content"}, {"tip", "/bin/aa-tip"}, {"read", "/bin/aa-read"}};
  CHECK(aa::cli::choose_command("tip", commands).path == "/bin/aa-tip");
  CHECK(aa::cli::choose_command("TIP", commands).path == "/bin/aa-tip");
  CHECK(aa::cli::choose_command("ch", commands).path == "/bin/aa-check");
  CHECK(usage_error_of("tpi", commands) == "unknown command 'tpi'; did you mean 'tip'? ('aa help' lists the commands)");
  CHECK(usage_error_of("c", commands) ==
        "command 'c' is ambiguous; did you mean 'check' or 'content'? ('aa help' lists the commands)");
  CHECK(usage_error_of("xyzzy", commands) == "unknown command 'xyzzy' ('aa help' lists the commands)");
  CHECK(usage_error_of("tip", {}) == "unknown command 'tip' ('aa help' lists the commands)");
}

TEST_CASE("aa's completion scripts, one for each shell") {
  for (const char* shell : {"bash", "zsh", "fish"}) {
    CAPTURE(shell);
    const std::string script = aa::cli::umbrella_completion(shell);
    CHECK(script.find("--completion-names commands") != std::string::npos);
    CHECK(script.find("aa-") != std::string::npos);
  }
  CHECK(aa::cli::umbrella_completion("bash").find("complete -F _aa aa") != std::string::npos);
  CHECK(aa::cli::umbrella_completion("zsh").starts_with("#compdef aa\n"));
  CHECK_THROWS_AS(aa::cli::umbrella_completion("tcsh"), aa::Error);
  // The descriptions go into single quotes as they are.
  for (const aa::cli::UmbrellaOption& option : aa::cli::umbrella_options()) {
    CAPTURE(option.names);
    CHECK(option.description.find_first_of("'\\[]:") == std::string_view::npos);
  }
}
