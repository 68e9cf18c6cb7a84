// SPDX-License-Identifier: MIT
// The completion generator on a small command of its own: what it reads
// off the CLI::App, the scripts it writes from that, and the names.
#include "aa/cli/completion.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "aa/cli/cli_options.hpp"
#include "aa/core/date.hpp"
#include "aa/io/error.hpp"
#include "command_info.hpp"
#include "process.hpp"
#include "skip.hpp"

using aa::cli::CompletionCommand;
using aa::cli::CompletionOption;
using aa::cli::ValueKind;

namespace {

// aa-demo [-l | -a | ITEM...] [--color WHEN] [--dir DIR] [--name TEXT]
struct Demo {
  CLI::App app{"A small command to complete"};
  std::vector<std::string> items;
  bool list = false;
  bool all = false;
  std::string color, dir, name, secret;

  Demo() {
    aa::cli::describe(app, "aa-demo");
    auto* item = app.add_option("ITEM", items, "Items to show")->check(aa::cli::completes_names("items"));
    auto* list_flag = app.add_flag("-l,--list", list, "List them");
    auto* all_flag = app.add_flag("-a,--all", all, "Show them all");
    app.add_option("--color", color, "When to use colour")
        ->check(aa::cli::one_of({"auto", "never"}))
        ->type_name("WHEN");
    app.add_option("--dir", dir, "Content from [DIR]: 'mine'")
        ->check(aa::cli::completes_content_directory())
        ->type_name("DIR");
    app.add_option("--name", name, "Any text")->type_name("TEXT");
    app.add_option("--secret", secret, "Not for people")->group("");
    list_flag->excludes(item, all_flag);
  }
};

const CompletionOption& option(const CompletionCommand& command, const std::string& name) {
  for (const CompletionOption& option : command.options) {
    for (const std::string& each : option.names) {
      if (each == name) return option;
    }
  }
  FAIL("no option " << name);
  return command.options.front();  // not reached: FAIL ends the test
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("completion_command: the options as declared, with their notes and exclusions") {
  Demo demo;
  const CompletionCommand command = aa::cli::completion_command(demo.app, "--names-for");
  CHECK(command.program == "aa-demo");
  CHECK(command.names_option == "--names-for");

  std::vector<std::string> first_names;
  for (const CompletionOption& each : command.options) first_names.push_back(each.names.back());
  CHECK(first_names == std::vector<std::string>{"--help", "--version", "--completions", "--list", "--all", "--color",
                                                "--dir", "--name"});  // in order; --secret is hidden

  CHECK(option(command, "--help").names == std::vector<std::string>{"-h", "--help"});
  CHECK(option(command, "--help").alone);
  CHECK(option(command, "--version").alone);
  CHECK_FALSE(option(command, "--list").alone);

  const CompletionOption& list = option(command, "-l");
  CHECK(list.value.kind == ValueKind::none);
  CHECK(list.value_name.empty());
  CHECK(list.description == "List them");
  CHECK(list.excludes == std::vector<std::string>{"-a", "--all"});
  CHECK(list.excludes_arguments);
  // CLI11 makes exclusions go both ways.
  CHECK(option(command, "--all").excludes == std::vector<std::string>{"-l", "--list"});
  CHECK_FALSE(option(command, "--all").excludes_arguments);

  const CompletionOption& color = option(command, "--color");
  CHECK(color.value.kind == ValueKind::choices);
  CHECK(color.value.choices == std::vector<std::string>{"auto", "never"});
  CHECK(color.value_name == "WHEN");
  CHECK(option(command, "--completions").value.choices == std::vector<std::string>{"bash", "zsh", "fish"});
  CHECK(option(command, "--dir").value.kind == ValueKind::content_directory);
  CHECK(option(command, "--name").value.kind == ValueKind::text);
  CHECK(option(command, "--name").value_name == "TEXT");

  REQUIRE(command.arguments);
  CHECK(command.arguments->name == "ITEM");
  CHECK(command.arguments->description == "Items to show");
  CHECK(command.arguments->value.kind == ValueKind::names);
  CHECK(command.arguments->value.names == "items");
}

TEST_CASE("completion notes change nothing the option accepts") {
  Demo demo;
  demo.app.parse("--dir d --name n one", false);
  CHECK(demo.dir == "d");
  CHECK(demo.items == std::vector<std::string>{"one"});
}

TEST_CASE("zsh_completion: _arguments specs with descriptions, values and what each rules out") {
  Demo demo;
  const std::string zsh = aa::cli::zsh_completion(aa::cli::completion_command(demo.app, "--names-for"));
  CHECK(zsh.rfind("#compdef aa-demo\n", 0) == 0);
  CHECK(has(zsh, "'(- *)-h[Print this help message and exit]'"));
  CHECK(has(zsh, "'(-l --list -a --all *)-l[List them]'"));
  CHECK(has(zsh, "'(-a --all -l --list)--all[Show them all]'"));
  CHECK(has(zsh, "'(--color)--color=[When to use colour]:WHEN:(auto never)'"));
  // Brackets escaped for _arguments, the quote for the shell.
  CHECK(has(zsh, "'(--dir)--dir=[Content from \\[DIR\\]: '\\''mine'\\'']:DIR:_files -/'"));
  CHECK(has(zsh, "'(--name)--name=[Any text]:TEXT:'"));
  CHECK(has(zsh, "'*:ITEM:{_aa_demo_names items}'"));
  // Names are asked of the command, with the content directory on the line.
  CHECK(has(zsh, "(--dir) forwarded=(--dir ${(Q)words[i+1]/#\\~/$HOME}) ;;"));
  CHECK(has(zsh, "--names-for ${(q)1}"));
  CHECK(has(zsh, "_describe -V -t $1 $1 names"));
  CHECK_FALSE(has(zsh, "secret"));
}

TEST_CASE("fish_completion: a complete line for each option, hidden once what rules it out is on the line") {
  Demo demo;
  const std::string fish = aa::cli::fish_completion(aa::cli::completion_command(demo.app, "--names-for"));
  CHECK(has(fish, "complete -c aa-demo -f\n"));
  CHECK(has(fish,
            "complete -c aa-demo -s l -l list -n 'not __fish_seen_argument -s l -l list -s a -l all -s h "
            "-l help -l version' -d 'List them'\n"));
  CHECK(has(fish,
            "complete -c aa-demo -l color -x -k -a 'auto never' -n 'not __fish_seen_argument -s h -l help "
            "-l version' -d 'When to use colour'\n"));
  CHECK(has(fish, "-l dir -x -a '(__fish_complete_directories)'"));
  CHECK(has(fish, "-d 'Content from [DIR]: \\'mine\\''\n"));
  CHECK(has(fish,
            "complete -c aa-demo -n 'not __fish_seen_argument -s h -l help -l version -s l -l list' -k -a "
            "'(__aa_demo_names items)' -d 'Items to show'\n"));
  CHECK(has(fish, "$tokens[1] $forwarded --names-for $argv 2>/dev/null"));
  CHECK_FALSE(has(fish, "secret"));
}

TEST_CASE("bash_completion: values after their option, options not ruled out, names from the command") {
  Demo demo;
  const std::string bash = aa::cli::bash_completion(aa::cli::completion_command(demo.app, "--names-for"));
  CHECK(has(bash, "#   -l, --list: List them\n"));
  CHECK(has(bash, "#   --dir DIR: Content from [DIR]: 'mine'\n"));
  CHECK(has(bash, "        --color)\n            COMPREPLY=($(compgen -W 'auto never' -- \"$cur\"))\n"));
  CHECK(has(bash, "        --dir)\n            _filedir -d\n"));
  CHECK(has(bash, "            -l | --list) ruled_out+=([-l]=1 [--list]=1 [-a]=1 [--all]=1 [arguments]=1) ;;\n"));
  CHECK(has(bash, "for option in -h --help --version --completions -l --list -a --all --color --dir --name; do"));
  CHECK(has(bash, "    _aa_demo_names items\n"));
  CHECK(has(bash, "--names-for \"$1\""));
  CHECK(has(bash, "complete -F _aa_demo aa-demo\n"));
  CHECK_FALSE(has(bash, "secret"));
}

TEST_CASE("the scripts are valid code for their shells") {
  Demo demo;
  const CompletionCommand command = aa::cli::completion_command(demo.app, "--names-for");
  const aa::test::TempDir dir;
  // ctest reports a whole test as skipped, so one shell missing skips all.
  for (const char* shell : {"bash", "zsh", "fish"}) {
    if (aa::test::find_program(shell).empty()) return aa::test::skip_missing(shell);
  }
  for (const auto& entry : {std::pair{"bash", "-n"}, {"zsh", "-n"}, {"fish", "--no-execute"}}) {
    const auto& [shell, check] = entry;
    CAPTURE(entry.first);
    const std::string program = aa::test::find_program(shell);
    dir.write(shell, aa::cli::completion_script(command, shell));
    const auto result = aa::test::run({program, check, dir.path() + "/" + shell});
    CHECK(result.status == 0);
    CHECK(result.err == "");
  }
}

TEST_CASE("completion_script: bash, zsh or fish, and no other") {
  Demo demo;
  const CompletionCommand command = aa::cli::completion_command(demo.app, "--names-for");
  CHECK(aa::cli::completion_script(command, "zsh") == aa::cli::zsh_completion(command));
  CHECK_THROWS_AS(aa::cli::completion_script(command, "tcsh"), aa::Error);
}

TEST_CASE("completion_names: NAME<TAB>DESCRIPTION lines, in the content's order") {
  const aa::Section sections[] = {{"what", "What it is", {}}, {"roots", "Where it starts", {}}};
  const aa::Question questions[] = {{"why", "Why ask?", "Because.", {}}};
  const aa::Tip tips[] = {{"pause", "calm", "support", "Pause."},
                          {"walk", "body", "support", "Walk."},
                          {"breathe", "calm", "support", "Breathe."}};
  int loads = 0;
  const auto content = [&] {
    ++loads;
    aa::Content out;
    out.sections = sections;
    out.questions = questions;
    out.tips = tips;
    return out;
  };
  const std::int64_t day = *aa::parse_iso_date("2025-03-09");
  CHECK(aa::cli::completion_names("sections", content, day) == "what\tWhat it is\nroots\tWhere it starts\n");
  CHECK(aa::cli::completion_names("questions", content, day) == "1\tWhy ask?\nwhy\tWhy ask?\n");
  CHECK(aa::cli::completion_names("tips", content, day) == "pause\tPause.\nwalk\tWalk.\nbreathe\tBreathe.\n");
  CHECK(aa::cli::completion_names("categories", content, day) == "calm\nbody\n");  // no description
  CHECK(loads == 4);
  CHECK(aa::cli::completion_names("today", content, day) == "2025-03-09\ttoday\n");
  CHECK(loads == 4);  // the date needs no content
  CHECK_THROWS_AS(aa::cli::completion_names("nosuch", content, day), aa::Error);
  for (const std::string& kind : aa::cli::completion_name_kinds()) {
    CHECK_NOTHROW(aa::cli::completion_names(kind, content, day));
  }
}
