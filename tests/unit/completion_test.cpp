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

// aa-demo [-l [--long] | -a | ITEM...] [--color WHEN] [--dir DIR] [--name TEXT]
//         [--from FILE] [--quiet]
struct Demo {
  CLI::App app{"A small command to complete"};
  std::vector<std::string> items;
  bool list = false;
  bool all = false;
  bool long_list = false;
  bool quiet = false;
  std::string color, dir, name, secret, from;

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
    app.add_flag("--long", long_list, "With --list: more of each")->needs(list_flag);
    app.add_option("--from", from, "Read them from FILE")->check(aa::cli::completes_file())->type_name("FILE");
    app.add_flag("-q,--quiet", quiet, "With --list or --all: say less")
        ->check(aa::cli::completes_only_with({list_flag, all_flag}));
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
                                                "--dir", "--name", "--long", "--from",
                                                "--quiet"});  // in order; --secret is hidden

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
  CHECK(option(command, "--from").value.kind == ValueKind::file);
  CHECK(option(command, "--from").value_name == "FILE");

  // What an option only works with: CLI11's needs(), each option a group,
  // and a completes_only_with() note, any of whose options will do.
  CHECK(option(command, "--long").needs == std::vector<std::vector<std::string>>{{"-l", "--list"}});
  CHECK(option(command, "--quiet").needs == std::vector<std::vector<std::string>>{{"-l", "--list", "-a", "--all"}});
  CHECK(option(command, "--quiet").value.kind == ValueKind::none);  // the note is no value
  CHECK(option(command, "--list").needs.empty());

  REQUIRE(command.arguments);
  CHECK(command.arguments->name == "ITEM");
  CHECK(command.arguments->description == "Items to show");
  CHECK(command.arguments->value.kind == ValueKind::names);
  CHECK(command.arguments->value.names == "items");
}

TEST_CASE("completion notes change nothing the option accepts") {
  Demo demo;
  demo.app.parse("--dir d --name n --from f one", false);
  CHECK(demo.dir == "d");
  CHECK(demo.from == "f");
  CHECK(demo.items == std::vector<std::string>{"one"});
  Demo quiet;
  quiet.app.parse("-q -a", false);
  CHECK(quiet.quiet);
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
  CHECK(has(zsh, "'(--from)--from=[Read them from FILE]:FILE:_files'"));
  // An option that only works with another: added once that one is on the line.
  CHECK(has(zsh, "(( ${words[(I)(-l|--list|--list=*)]} )) && specs+=('(--long)--long[With --list: more of each]')\n"));
  CHECK(has(zsh, "(( ${words[(I)(-l|--list|--list=*|-a|--all|--all=*)]} )) && specs+=("));
  CHECK(has(zsh, "\n_arguments -s -S $specs\n"));
  CHECK(has(zsh, "'*:ITEM:{_aa_demo_names items}'"));
  // Names are asked of the command, with the content directory on the line.
  CHECK(has(zsh, "(--dir) forwarded=(--dir ${(Q)words[i+1]/#\\~/$HOME}) ;;"));
  CHECK(has(zsh, "--names-for ${(q)1} </dev/null 2>/dev/null"));
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
  CHECK(has(fish, "$tokens[1] $forwarded --names-for $argv </dev/null 2>/dev/null"));
  CHECK(has(fish, "complete -c aa-demo -l from -r -F -n "));
  CHECK(has(fish,
            "complete -c aa-demo -l long -n 'not __fish_seen_argument -l long -s h -l help -l version; and "
            "__fish_seen_argument -s l -l list' -d 'With --list: more of each'\n"));
  CHECK_FALSE(has(fish, "secret"));
}

TEST_CASE("bash_completion: values after their option, options not ruled out, names from the command") {
  Demo demo;
  const std::string bash = aa::cli::bash_completion(aa::cli::completion_command(demo.app, "--names-for"));
  CHECK(has(bash, "#   -l, --list: List them\n"));
  CHECK(has(bash, "#   --dir DIR: Content from [DIR]: 'mine'\n"));
  CHECK(has(bash, "        --color)\n            COMPREPLY=($(compgen -W 'auto never' -- \"$cur\"))\n"));
  CHECK(has(bash, "        --dir)\n            _aa_demo_files -d\n"));
  CHECK(has(bash, "        --from)\n            _aa_demo_files\n"));
  // Without bash-completion: its own words, and compgen for the files.
  CHECK(has(bash, "    if declare -F _init_completion >/dev/null; then\n        _init_completion -s || return\n"));
  CHECK(has(bash, "compgen \"${1:--f}\" -- \"$cur\""));
  CHECK(has(bash, "    [[ -n ${seen[-l]-}${seen[--list]-} ]] || ruled_out+=([--long]=1)\n"));
  CHECK(
      has(bash,
          "    [[ -n ${seen[-l]-}${seen[--list]-}${seen[-a]-}${seen[--all]-} ]] || ruled_out+=([-q]=1 [--quiet]=1)\n"));
  CHECK(has(bash, "            -l | --list) ruled_out+=([-l]=1 [--list]=1 [-a]=1 [--all]=1 [arguments]=1) ;;\n"));
  CHECK(has(bash,
            "for option in -h --help --version --completions -l --list -a --all --color --dir --name --long --from -q "
            "--quiet; do"));
  CHECK(has(bash, "    _aa_demo_names items\n"));
  CHECK(has(bash, "--names-for \"$1\" </dev/null 2>/dev/null"));
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
  using aa::cli::completion_names;
  const aa::Section sections[] = {{"what", "What it is", {}}, {"roots", "Where it starts", {}}};
  const aa::Question questions[] = {{"why", "Why ask?", "Because.", {}}};
  const aa::Tip tips[] = {{"pause", "calm", "support", "Pause."},
                          {"walk", "body", "support", "Walk."},
                          {"breathe", "calm", "support", "Breathe."}};
  int loads = 0;
  aa::cli::NameSources sources;
  sources.content = [&] {
    ++loads;
    aa::Content out;
    out.sections = sections;
    out.questions = questions;
    out.tips = tips;
    return out;
  };
  sources.today = *aa::parse_iso_date("2025-03-09");
  sources.results = [] {
    aa::CheckRecord record;
    record.id = "0a1b2c3d";
    record.date = "2025-03-01";  // and no time, as in records saved before it was kept
    record.total = 12;
    record.max = 48;
    return std::vector<aa::CheckRecord>{record};
  };
  sources.entries = [] {
    return std::vector<aa::JournalEntry>{{7, "2025-03-02T08:00:00+01:00", "", "Free."},
                                         {9, "2025-03-03T21:30:00+01:00", "roots", "Answered."}};
  };
  CHECK(completion_names("sections", sources) == "what\tWhat it is\nroots\tWhere it starts\n");
  CHECK(completion_names("questions", sources) == "1\tWhy ask?\nwhy\tWhy ask?\n");
  CHECK(completion_names("tips", sources) == "pause\tPause.\nwalk\tWalk.\nbreathe\tBreathe.\n");
  CHECK(completion_names("categories", sources) == "calm\nbody\n");  // no description
  CHECK(loads == 4);
  CHECK(completion_names("today", sources) == "2025-03-09\ttoday\n");
  // The ids of what a person saved, with when.
  CHECK(completion_names("results", sources) == "0a1b2c3d\t2025-03-01, total 12 of 48\n");
  CHECK(completion_names("entries", sources) ==
        "7\t2025-03-02 08:00, a free entry\n9\t2025-03-03 21:30, prompt roots\n");
  CHECK(loads == 4);  // the date and the stores need no content
  CHECK_THROWS_AS(completion_names("nosuch", sources), aa::Error);
  for (const std::string& kind : aa::cli::completion_name_kinds()) {
    CHECK_NOTHROW(completion_names(kind, sources));
  }
}
