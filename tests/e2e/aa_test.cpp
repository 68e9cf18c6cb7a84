// SPDX-License-Identifier: MIT
// `aa`, the command that runs the others: NAME ARGUMENTS... run as
// aa-NAME (beside aa first, then on PATH, plugins included), the list of
// commands, `aa help NAME` through man or --help, "did you mean", names
// that are refused, and its completions handing over to each command's own.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "aa/content/text.hpp"
#include "command_info.hpp"
#include "process.hpp"
#include "shell_complete.hpp"
#include "skip.hpp"

using aa::test::command;
using aa::test::find_program;
using aa::test::read_text_file;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;
using aa::test::split_lines;
using aa::test::TempDir;

namespace {

namespace fs = std::filesystem;
using Set = std::set<std::string>;

std::string aa_path() { return command("aa"); }

RunResult run_aa(std::vector<std::string> arguments, RunOptions options = {}) {
  arguments.insert(arguments.begin(), aa_path());
  return run(arguments, options);
}

RunOptions with_path(const std::string& path) { return RunOptions{.env = {{"PATH", path}}}; }

// An executable script `name` in `dir`.
std::string script(const TempDir& dir, const std::string& name, const std::string& body) {
  const std::string path = dir.write(name, "#!/bin/sh\n" + body);
  REQUIRE(::chmod(path.c_str(), 0755) == 0);
  return path;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The names the listing shows, in order: the first word of each indented
// line under a heading that names commands.
std::vector<std::string> listed(const std::string& page) {
  std::vector<std::string> names;
  bool commands = false;
  for (std::string line : split_lines(page)) {
    if (line.ends_with('\r')) line.pop_back();  // a terminal's line ends
    if (line.empty()) continue;
    if (line[0] != ' ') {
      commands = line == "Commands:" || line.starts_with("More commands");
      continue;
    }
    if (commands && line.size() > 2 && line[2] != ' ') names.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return names;
}

// The toolkit's own commands built beside aa, by their short names.
std::vector<std::string> built_commands() {
  std::vector<std::string> names;
  for (const std::string& name : aa::test::command_names()) names.push_back(name.substr(3));
  return names;
}

// A plugin that prints its name and each argument on a line, then exits
// with the status in $AA_TEST_STATUS (0 when unset).
const char* const echo_plugin =
    "echo \"${0##*/}\"\nfor a in \"$@\"; do echo \"[$a]\"; done\nexit ${AA_TEST_STATUS:-0}\n";

}  // namespace

TEST_CASE("aa NAME runs aa-NAME with the arguments, and its exit status is the command's") {
  for (const std::vector<std::string>& arguments : std::vector<std::vector<std::string>>{
           {"--daily"}, {"--date", "2026-01-01", "--count", "3"}, {"--id", "nosuch"}, {"--bogus"}, {"--help"}}) {
    CAPTURE(arguments.front());
    std::vector<std::string> direct = arguments;
    direct.insert(direct.begin(), command("aa-tip"));
    std::vector<std::string> through = arguments;
    through.insert(through.begin(), "tip");
    const RunResult expected = run(direct);
    const RunResult got = run_aa(through);
    CHECK(got.status == expected.status);
    CHECK(got.out == expected.out);
    CHECK(got.err == expected.err);
  }
  CHECK(run_aa({"tip", "--id", "nosuch"}).status == 1);
  CHECK(run_aa({"tip", "--bogus"}).status == 2);
  const RunResult signs = run_aa({"read", "signs"});
  CHECK(signs.status == 0);
  CHECK(signs.out == run({command("aa-read"), "signs"}).out);
  // On a terminal too: the command sees aa's terminal as its own.
  const RunOptions terminal{.terminal = true};
  CHECK(run_aa({"tip", "--date", "2026-01-01", "--no-hint"}, terminal).out ==
        run({command("aa-tip"), "--date", "2026-01-01", "--no-hint"}, terminal).out);
}

TEST_CASE("a plugin on PATH runs with its arguments exactly as given, and its exit status") {
  const TempDir bin;
  script(bin, "aa-hello", echo_plugin);
  const RunResult result = run_aa({"hello", "a b", "", "--x", "-", "*"}, with_path(bin.path() + ":/usr/bin:/bin"));
  CHECK(result.status == 0);
  CHECK(result.err == "");
  CHECK(result.out == "aa-hello\n[a b]\n[]\n[--x]\n[-]\n[*]\n");
  RunOptions failing = with_path(bin.path() + ":/usr/bin:/bin");
  failing.env["AA_TEST_STATUS"] = "7";
  CHECK(run_aa({"hello"}, failing).status == 7);
  // The environment reaches it unchanged, and no argument is added.
  CHECK(run_aa({"hello"}, with_path(bin.path())).out == "aa-hello\n");
}

TEST_CASE("aa looks beside itself first, then on PATH in order") {
  const TempDir first, second;
  // An aa-tip on PATH does not win over the one beside aa.
  script(first, "aa-tip", "echo impostor\n");
  const RunResult tip = run_aa({"tip", "--date", "2026-01-01"}, with_path(first.path() + ":/usr/bin:/bin"));
  CHECK(tip.out == run({command("aa-tip"), "--date", "2026-01-01"}).out);
  // The first folder of PATH wins over a later one.
  script(first, "aa-hello", "echo first\n");
  script(second, "aa-hello", "echo second\n");
  CHECK(run_aa({"hello"}, with_path(second.path() + ":" + first.path())).out == "second\n");
  CHECK(run_aa({"hello"}, with_path(first.path() + ":" + second.path())).out == "first\n");
  // A file that is not executable, or a folder, is passed over.
  const TempDir third;
  third.write("aa-hello", "#!/bin/sh\necho not executable\n");
  fs::create_directory(second.path() + "/aa-hello.d");
  CHECK(run_aa({"hello"}, with_path(third.path() + ":" + first.path())).out == "first\n");
  // A relative or empty entry of PATH (the current folder) is never searched.
  for (const std::string path : {"::.:", "./", "."}) {
    CAPTURE(path);
    const RunResult from_here = run_aa({"hello"}, RunOptions{.env = {{"PATH", path}}, .cwd = first.path()});
    CHECK(from_here.status == 2);
    CHECK(from_here.out == "");
    CHECK(contains(from_here.err, "unknown command 'hello'"));
  }
}

TEST_CASE("aa finds the commands beside its real self, whatever link it was started through") {
  const TempDir elsewhere;
  fs::create_symlink(aa_path(), elsewhere.path() + "/aa");
  const RunResult result = run({elsewhere.path() + "/aa", "tip", "--date", "2026-01-01"}, with_path("/usr/bin:/bin"));
  CHECK(result.status == 0);
  CHECK(result.out == run({command("aa-tip"), "--date", "2026-01-01"}).out);
  // A copy of aa alone finds them on PATH instead, and lists only those it finds.
  const TempDir alone, tools;
  fs::copy_file(aa_path(), alone.path() + "/aa");
  fs::create_symlink(command("aa-tip"), tools.path() + "/aa-tip");
  const RunOptions tip_only = with_path(tools.path() + ":/usr/bin:/bin");
  CHECK(run({alone.path() + "/aa", "tip", "--date", "2026-01-01"}, tip_only).out ==
        run({command("aa-tip"), "--date", "2026-01-01"}).out);
  CHECK(listed(run({alone.path() + "/aa"}, tip_only).out) == std::vector<std::string>{"tip"});
  // With nothing to run, it says so.
  const RunResult none = run({alone.path() + "/aa"}, with_path("/nowhere"));
  CHECK(none.status == 0);
  CHECK(contains(none.out, "No aa commands were found"));
  CHECK(run({alone.path() + "/aa", "tip"}, with_path("/nowhere")).status == 2);
}

TEST_CASE("without /proc, aa says once that it cannot find its own folder, and looks on PATH") {
#ifdef AA_TEST_UNDER_ASAN
  // The sanitizers need /proc/self themselves (LeakSanitizer fails at exit).
  aa::test::skip_by_design("in a sanitizer build: the release build runs it");
  return;
#endif
  if (::geteuid() != 0) {
    aa::test::skip_missing("root (for a mount namespace without /proc)");
    return;
  }
  const std::string unshare = find_program("unshare");
  REQUIRE_MESSAGE(!unshare.empty(), "unshare (util-linux) is missing");
  const TempDir bin;
  script(bin, "aa-hello", "echo hello from PATH\n");
  // A mount namespace of its own, with an empty tmpfs over /proc, then aa.
  const auto without_proc = [&](const std::vector<std::string>& arguments) {
    std::vector<std::string> args = {
        unshare, "--mount", "--propagation", "private", "/bin/sh", "-c", "mount -t tmpfs none /proc && exec \"$@\"",
        "sh",    aa_path()};
    args.insert(args.end(), arguments.begin(), arguments.end());
    return run(args, with_path(bin.path() + ":/usr/bin:/bin"));
  };
  const std::string warning =
      "aa: warning: cannot find the folder aa is in (/proc/self/exe cannot be read); looking on PATH only\n";
  const RunResult hello = without_proc({"hello"});
  CHECK(hello.status == 0);
  CHECK(hello.out == "hello from PATH\n");
  CHECK(hello.err == warning);
  // aa-tip is beside aa, not on that PATH: not found, and the warning once.
  const RunResult tip = without_proc({"tip"});
  CHECK(tip.status == 2);
  CHECK(tip.err.starts_with(warning));
  CHECK(tip.err.find(warning, 1) == std::string::npos);
  CHECK(contains(tip.err, "unknown command 'tip'"));
  const RunResult listing = without_proc({});
  CHECK(listing.err == warning);
  CHECK(listed(listing.out) == std::vector<std::string>{"hello"});
}

TEST_CASE("aa, aa help and aa --help list the commands and say where to start") {
  const RunResult plain = run_aa({});
  CHECK(plain.status == 0);
  CHECK(plain.err == "");
  CHECK(run_aa({"help"}).out == plain.out);
  CHECK(run_aa({"--help"}).out == plain.out);
  CHECK(run_aa({"-h"}).out == plain.out);
  CHECK(plain.out.starts_with("Usage: aa COMMAND [ARGUMENTS...]\n"));
  CHECK(contains(plain.out, "Start with 'aa read'"));
  CHECK(contains(plain.out, "aa help COMMAND"));
  // The toolkit's commands, in the order a newcomer meets them, each with
  // its line; nothing that is not a command (the build-time generator).
  const std::vector<std::string> names = listed(plain.out);
  const std::vector<std::string> built = built_commands();
  std::vector<std::string> order;
  for (const std::string name : {"read", "check", "tip", "faq", "journal", "content"}) {
    if (std::find(built.begin(), built.end(), name) != built.end()) order.push_back(name);
  }
  REQUIRE(order.size() >= 4);
  REQUIRE(names.size() >= order.size());
  CHECK(std::vector<std::string>(names.begin(), names.begin() + static_cast<long>(order.size())) == order);
  CHECK(Set(names.begin(), names.end()) == Set(built.begin(), built.end()));
  CHECK_FALSE(contains(plain.out, "contentgen"));
  for (const std::string& line : split_lines(plain.out)) {
    CAPTURE(line);
    CHECK(aa::display_width(line) <= 80);
    if (line.starts_with("  read ")) CHECK(contains(line, "guide"));
    if (line.starts_with("  tip ")) CHECK(contains(line, "tip of the day"));
  }
  // The same on a terminal: plain text, no colour, no pager.
  const RunResult terminal = run_aa({}, RunOptions{.terminal = true, .rows = 5});
  CHECK(terminal.status == 0);
  CHECK_FALSE(contains(terminal.out, "\x1b"));
  CHECK(listed(terminal.out) == names);
}

TEST_CASE("aa lists plugins on PATH once each, and passes over what is not one") {
  const TempDir first, second;
  script(first, "aa-hello", echo_plugin);
  script(second, "aa-hello", "echo second\n");
  script(second, "aa-zebra", echo_plugin);
  script(second, "aa-", echo_plugin);           // no name
  script(second, "aa-two words", echo_plugin);  // not a plain word
  script(second, "aa-.hidden", echo_plugin);
  second.write("aa-notexec", "#!/bin/sh\n");
  fs::create_directory(second.path() + "/aa-folder");
  fs::create_symlink(first.path() + "/aa-hello", second.path() + "/aa-linked");
  fs::create_symlink(second.path() + "/nowhere", second.path() + "/aa-dangling");
  const RunOptions options = with_path(first.path() + ":/nonexistent:" + second.path() + ":/usr/bin:/bin");
  const RunResult result = run_aa({"help"}, options);
  CHECK(result.status == 0);
  std::vector<std::string> names = listed(result.out);
  const std::vector<std::string> plugins(names.end() - 3, names.end());
  CHECK(plugins == std::vector<std::string>{"hello", "linked", "zebra"});
  CHECK(std::count(names.begin(), names.end(), "hello") == 1);
  CHECK(contains(result.out, "\nMore commands:\n"));
  // Each with where it was found: the first of its name.
  CHECK(contains(result.out, first.path() + "/aa-hello"));
  CHECK_FALSE(contains(result.out, second.path() + "/aa-hello"));
  CHECK(run_aa({"zebra", "x"}, options).out == "aa-zebra\n[x]\n");
  // The completion's list is the same commands, and `help`.
  const RunResult completion_names = run_aa({"--completion-names", "commands"}, options);
  CHECK(completion_names.status == 0);
  std::vector<std::string> completed;
  for (const std::string& line : split_lines(completion_names.out)) {
    CHECK(line.find('\t') != std::string::npos);
    completed.push_back(line.substr(0, line.find('\t')));
  }
  names.insert(names.begin(), "help");
  CHECK(completed == names);
}

TEST_CASE("aa help NAME shows the manual with man, or the command's --help without it") {
  const TempDir bin;
  // A man that knows the pages of aa-tip and aa(1), and says what it was asked.
  script(bin, "man",
         "if [ \"$1\" = -w ]; then\n"
         "  shift\n"
         "  case \"$*\" in aa-tip|'1 aa') echo /usr/share/man/man1/page.1.gz; exit 0 ;; esac\n"
         "  exit 16\n"
         "fi\n"
         "echo \"man $*\"\n");
  script(bin, "aa-hello", "echo \"hello $*\"\n");
  const RunOptions with_man = with_path(bin.path());
  const RunResult tip = run_aa({"help", "tip"}, with_man);
  CHECK(tip.status == 0);
  CHECK(tip.out == "man aa-tip\n");
  CHECK(run_aa({"help", "help"}, with_man).out == "man 1 aa\n");
  // A page man does not have: the command's own --help.
  CHECK(run_aa({"help", "hello"}, with_man).out == "hello --help\n");
  CHECK(run_aa({"help", "read"}, with_man).out == run({command("aa-read"), "--help"}).out);
  // No man at all.
  const TempDir no_man;
  script(no_man, "aa-hello", "echo \"hello $*\"\n");
  const RunOptions without_man = with_path(no_man.path());
  const RunResult fallback = run_aa({"help", "tip"}, without_man);
  CHECK(fallback.status == 0);
  CHECK(fallback.out == run({command("aa-tip"), "--help"}).out);
  CHECK(run_aa({"help", "hello"}, without_man).out == "hello --help\n");
  CHECK(run_aa({"help", "help"}, without_man).out == run_aa({}, without_man).out);
  // Names as everywhere: any case, a unique start.
  CHECK(run_aa({"help", "TI"}, with_man).out == "man aa-tip\n");
  // An unknown one.
  const RunResult unknown = run_aa({"help", "tpi"}, with_man);
  CHECK(unknown.status == 2);
  CHECK(unknown.out == "");
  CHECK(unknown.err == "aa: error: unknown command 'tpi'; did you mean 'tip'? ('aa help' lists the commands)\n");
  CHECK(run_aa({"help", "tip", "read"}).status == 2);
  CHECK(run_aa({"help", "../aa-tip"}, with_man).status == 2);
}

TEST_CASE("an unknown command gets \"did you mean\" and exit status 2; names match by case and unique start") {
  const RunResult typo = run_aa({"tpi", "--daily"});
  CHECK(typo.status == 2);
  CHECK(typo.out == "");
  CHECK(typo.err == "aa: error: unknown command 'tpi'; did you mean 'tip'? ('aa help' lists the commands)\n");
  const RunResult far = run_aa({"xyzzy"});
  CHECK(far.status == 2);
  CHECK(far.err == "aa: error: unknown command 'xyzzy' ('aa help' lists the commands)\n");
  const std::string daily = run({command("aa-tip"), "--daily"}).out;
  CHECK(run_aa({"TIP", "--daily"}).out == daily);
  CHECK(run_aa({"ti", "--daily"}).out == daily);
  // A start that fits more than one command.
  const TempDir bin;
  script(bin, "aa-hello", echo_plugin);
  script(bin, "aa-hex", echo_plugin);
  const RunResult ambiguous = run_aa({"he"}, with_path(bin.path()));
  CHECK(ambiguous.status == 2);
  CHECK(ambiguous.err ==
        "aa: error: command 'he' is ambiguous; did you mean 'hello' or 'hex'? ('aa help' lists the commands)\n");
  // The suggestion can be a plugin.
  CHECK(contains(run_aa({"helo"}, with_path(bin.path())).err, "did you mean 'hello'?"));
}

TEST_CASE("aa refuses names that are not plain words, and runs nothing for them") {
  const TempDir bin;
  script(bin, "aa-x", "echo ran\n");
  fs::create_directory(bin.path() + "/sub");
  script(bin, "sub/aa-y", "echo ran\n");
  const RunOptions options{.env = {{"PATH", bin.path()}}, .cwd = bin.path() + "/sub"};
  for (const std::string name : {"../x", "sub/y", "/bin/true", ".", "..", ".x", "", "a b", "x\ny", "\x1b[31m"}) {
    CAPTURE(name);
    const RunResult result = run_aa({name}, options);
    CHECK(result.status == 2);
    CHECK(result.out == "");
    CHECK(contains(result.err, "is not a command name"));
    CHECK(aa::test::count_lines(result.err) == 1);
    CHECK_FALSE(contains(result.err, "\x1b"));
  }
  // A word starting with '-' is an option of aa's, and none it knows.
  const RunResult dash = run_aa({"-x"}, options);
  CHECK(dash.status == 2);
  CHECK(dash.err == "aa: error: unknown option '-x' (try 'aa --help')\n");
  const RunResult misspelt = run_aa({"--hepl"});
  CHECK(misspelt.status == 2);
  CHECK(misspelt.err == "aa: error: unknown option '--hepl'; did you mean '--help'? (try 'aa --help')\n");
}

TEST_CASE("a command that cannot be run is exit status 126, with the reason") {
  const TempDir bin;
  bin.write("aa-plain", "#!/bin/sh\necho ran\n");
  script(bin, "aa-broken", "");
  bin.write("aa-broken", "#!/nonexistent/interpreter\n");  // still executable, but cannot start
  const RunOptions options = with_path(bin.path());
  const RunResult plain = run_aa({"plain"}, options);
  CHECK(plain.status == 126);
  CHECK(plain.err == "aa: error: '" + bin.path() + "/aa-plain' is not executable\n");
  const RunResult broken = run_aa({"broken"}, options);
  CHECK(broken.status == 126);
  CHECK(broken.err == "aa: error: cannot run '" + bin.path() + "/aa-broken': No such file or directory\n");
}

TEST_CASE("aa --version, and mistakes with aa's own options") {
  const RunResult version = run_aa({"--version"});
  CHECK(version.status == 0);
  const std::string tip_version = split_lines(run({command("aa-tip"), "--version"}).out).at(0).substr(7);
  CHECK(version.out == "aa " + tip_version + "\n");
  CHECK(version.err == "");
  const RunResult extra = run_aa({"--version", "tip"});
  CHECK(extra.status == 2);
  CHECK(extra.err == "aa: error: --version takes no value, but was given 'tip' (try 'aa --help')\n");
  const RunResult missing = run_aa({"--completions"});
  CHECK(missing.status == 2);
  CHECK(missing.err == "aa: error: --completions needs a SHELL (try 'aa --help')\n");
  const RunResult wrong = run_aa({"--completions", "tcsh"});
  CHECK(wrong.status == 2);
  CHECK(wrong.err == "aa: error: --completions: 'tcsh' is not one of bash, zsh, fish (try 'aa --help')\n");
  CHECK(run_aa({"--completions=zsh"}).out == run_aa({"--completions", "zsh"}).out);
  // A write error is reported, as in every command.
  const RunResult full = run({"/bin/sh", "-c", "\"$0\" --help > /dev/full", aa_path()});
  CHECK(full.status == 74);
  CHECK(contains(full.err, "aa: error: write error"));
}

TEST_CASE("aa --help shows the options aa(1) describes, and aa(1) renders") {
  std::set<std::string> documented;
  bool options = false;
  const auto page = split_lines(read_text_file(aa::test::source_dir() + "/man/aa.1"));
  for (std::size_t i = 0; i + 1 < page.size(); ++i) {
    if (page[i].starts_with(".SH")) options = page[i] == ".SH OPTIONS";
    if (!options || page[i] != ".TP") continue;
    std::string tag = page[i + 1];
    for (const std::string& escape : {std::string("\\-")}) {
      for (std::size_t at = tag.find(escape); at != std::string::npos; at = tag.find(escape)) tag.replace(at, 2, "-");
    }
    for (const std::string& word : split_lines(tag)) {
      std::size_t start = 0;
      while ((start = word.find('-', start)) != std::string::npos) {
        const std::size_t end = word.find_first_of(" \",", start);
        const std::string name = word.substr(start, end - start);
        if (aa::test::is_option_name(name)) documented.insert(name);
        if (end == std::string::npos) break;
        start = end;
      }
    }
  }
  CHECK(documented == aa::test::help_options("aa"));
  CHECK(documented == std::set<std::string>{"-h", "--help", "--version", "--completions"});
  const std::string groff = find_program("groff");
  REQUIRE(!groff.empty());
  const RunResult rendered = run({groff, "-man", "-ww", "-z", aa::test::source_dir() + "/man/aa.1"});
  CHECK(rendered.status == 0);
  CHECK(rendered.err == "");
  // aa(7), the overview, points to it.
  CHECK(contains(read_text_file(aa::test::source_dir() + "/man/aa.7"), ".BR aa (1)"));
}

namespace {

// build/PRESET/completions, beside build/PRESET/tools.
std::string completions_dir() {
  return fs::path(command("aa-tip")).parent_path().parent_path().string() + "/completions";
}

// The completions the build wrote, for the built commands, and a plugin
// `aa-hello` on PATH. bash-completion loads aa-NAME's completion by its
// name from $XDG_DATA_DIRS/bash-completion/completions, as it does once
// installed.
struct CompletionSetup {
  TempDir plugins, data;
  aa::test::ShellSetup setup;
  CompletionSetup() {
    script(plugins, "aa-hello", echo_plugin);
    fs::create_directories(data.path() + "/bash-completion");
    fs::create_directory_symlink(completions_dir() + "/bash", data.path() + "/bash-completion/completions");
    setup.path = aa::test::path_with_commands() + ":" + plugins.path();
    setup.bash_dir = completions_dir() + "/bash";
    setup.zsh_dir = completions_dir() + "/zsh";
    setup.fish_dir = completions_dir() + "/fish";
    setup.env["XDG_DATA_DIRS"] = data.path();
  }
};

void check_completions(const char* shell, aa::test::Completions (*complete)(const std::vector<std::string>&,
                                                                            const aa::test::ShellSetup&)) {
  CAPTURE(shell);
  const CompletionSetup setup;
  const aa::test::Completions results = complete(
      {
          "aa ",                // 0
          "aa t",               // 1
          "aa he",              // 2
          "aa help ",           // 3
          "aa help ti",         // 4
          "aa --",              // 5
          "aa --completions ",  // 6
          "aa tip --cat",       // 7
          "aa tip --format ",   // 8
          "aa read sig",        // 9
          "aa tip --id pa",     // 10
          "aa check --color ",  // 11
          "aa read --all --f",  // 12
          "aa ../aa-tip ",      // 13
      },
      setup.setup);
  const std::vector<std::string> built = built_commands();
  Set commands(built.begin(), built.end());
  commands.insert({"help", "hello"});
  CHECK(results[0] == commands);
  CHECK(results[1] == Set{"tip"});
  CHECK(results[2] == Set{"help", "hello"});
  CHECK(results[3] == commands);  // `aa help help` is aa's own page
  CHECK(results[4] == Set{"tip"});
  CHECK(results[5] == Set{"--help", "--version", "--completions"});
  CHECK(results[6] == Set{"bash", "zsh", "fish"});
  CHECK(results[7] == Set{"--category"});
  CHECK(results[8] == Set{"text", "markdown", "json", "fortune"});
  CHECK(results[9] == Set{"signs"});
  CHECK(results[10] == Set{"pause-the-urge"});
  CHECK(results[11] == Set{"auto", "always", "never"});
  CHECK(results[12] == Set{"--format"});
  CHECK(results[13].empty());  // no hand-over to a name aa would refuse
}

}  // namespace

TEST_CASE("the build writes aa's completions, the scripts aa --completions prints") {
  for (const auto& entry : {std::pair{"bash", "/bash/aa"}, {"zsh", "/zsh/_aa"}, {"fish", "/fish/aa.fish"}}) {
    const auto& [shell, file] = entry;
    CAPTURE(entry.first);
    const RunResult printed = run_aa({"--completions", shell});
    CHECK(printed.status == 0);
    CHECK(printed.out == read_text_file(completions_dir() + file));
  }
}

TEST_CASE("bash: aa completes its commands, plugins included, then hands over to the command's own completion") {
  check_completions("bash", &aa::test::bash_complete);
}

TEST_CASE("zsh: aa completes its commands, plugins included, then hands over to the command's own completion") {
  check_completions("zsh", &aa::test::zsh_complete);
}

TEST_CASE("fish: aa completes its commands, plugins included, then hands over to the command's own completion") {
  check_completions("fish", &aa::test::fish_complete);
}
