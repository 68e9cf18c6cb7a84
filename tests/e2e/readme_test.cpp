// SPDX-License-Identifier: MIT
// The README, as a new user follows it: every example in its console and
// sh blocks runs, against the built commands with a home of its own, and
// ends as documented (status 0, nothing on stderr but what dump wrote); the login snippets
// leave a status of 0 for the first prompt in bash, zsh and fish, whether
// aa-tip works, fails or is missing.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "command_info.hpp"
#include "process.hpp"
#include "skip.hpp"

using aa::test::find_program;
using aa::test::read_text_file;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;
using aa::test::split_lines;

namespace {

struct CodeBlock {
  std::string language;  // what follows the opening ```
  std::vector<std::string> lines;
};

std::vector<CodeBlock> code_blocks(const std::string& markdown) {
  std::vector<CodeBlock> blocks;
  bool inside = false;
  for (const std::string& line : split_lines(markdown)) {
    if (line.starts_with("```")) {
      if (!inside) blocks.push_back({line.substr(3), {}});
      inside = !inside;
    } else if (inside) {
      blocks.back().lines.push_back(line);
    }
  }
  return blocks;
}

std::vector<CodeBlock> readme_blocks(const std::string& language) {
  std::vector<CodeBlock> chosen;
  for (CodeBlock& block : code_blocks(read_text_file(aa::test::source_dir() + "/README.md"))) {
    if (block.language == language) chosen.push_back(std::move(block));
  }
  return chosen;
}

// Steps that build, install or package: run by ./dev.sh, the install and
// package tests, not here.
bool build_step(const std::string& line) {
  for (const char* start : {"./dev.sh ", "cmake ", "cd build/", "sudo ", "ctest "}) {
    if (line.starts_with(start)) return true;
  }
  return false;
}

// The login snippets begin with the interactive guard.
bool login_snippet(const CodeBlock& block) {
  return !block.lines.empty() &&
         (block.lines.front().starts_with("case $- in") || block.lines.front().starts_with("if status is-interactive"));
}

// A folder of stand-ins for the programs the examples pipe into that this
// machine lacks (cowsay, notify-send, pandoc): each reads what it is given
// and succeeds, except that the pandoc stand-in, like pandoc -s, wants a
// title block.
struct StandIns {
  aa::test::TempDir dir;
  StandIns() {
    for (const char* program : {"cowsay", "notify-send", "jq"}) {
      if (find_program(program).empty()) add(program, "#!/bin/sh\ncat >/dev/null\n");
    }
    if (find_program("pandoc").empty()) {
      add("pandoc",
          "#!/bin/sh\nfirst=$(head -n 2)\ncat >/dev/null\n"
          "case $first in \"---\"?\"title: \"*) exit 0 ;; esac\n"
          "echo 'pandoc stand-in: no title block' >&2\nexit 1\n");
    }
  }
  void add(const std::string& name, const std::string& script) { ::chmod(dir.write(name, script).c_str(), 0755); }
};

struct Outcome {
  int status;
  std::string out;
  std::string err;
};

// Runs `script` in `shell` as an interactive shell (so that `$-` has 'i'
// and fish's `status is-interactive` is true) with no startup files, then
// prints the status it leaves.
Outcome interactive(const std::string& shell, const std::string& script, const std::string& path,
                    const std::string& home, const std::optional<std::string>& content_dir) {
  const std::string shell_path = find_program(shell);
  std::vector<std::string> args;
  if (shell == "fish") {
    args = {shell_path, "--no-config", "-i", "-c", script + "\necho \"status=$status\""};
  } else if (shell == "zsh") {
    args = {shell_path, "-f", "-i", "-c", script + "\necho \"status=$?\""};
  } else {
    args = {shell_path, "--norc", "--noprofile", "-i", "-c", script + "\necho \"status=$?\""};
  }
  RunOptions options;
  options.env["PATH"] = path;
  options.env["HOME"] = home;
  options.env["AA_CONTENT_DIR"] = content_dir;
  const RunResult result = run(args, options);
  return {result.status, result.out, result.err};
}

}  // namespace

TEST_CASE("the README's examples run as documented") {
  aa::test::TempDir home;
  StandIns stand_ins;
  // fortune-mod puts fortune in /usr/games.
  const std::string path = stand_ins.dir.path() + ":" + aa::test::path_with_commands() + ":/usr/games";
  std::vector<std::string> commands;
  for (const CodeBlock& block : readme_blocks("console")) {
    for (const std::string& line : block.lines) {
      if (line.starts_with("$ ")) commands.push_back(line.substr(2));
    }
  }
  for (const CodeBlock& block : readme_blocks("sh")) {
    if (login_snippet(block)) continue;
    std::string script;
    for (const std::string& line : block.lines) {
      if (!build_step(line)) script += line + "\n";
    }
    if (!script.empty()) commands.push_back(script);
  }
  // The examples are many; a README that lost them would pass vacuously.
  REQUIRE(commands.size() >= 15);
  for (const std::string& example : commands) {
    CAPTURE(example);
    RunOptions options;
    options.env["PATH"] = path;
    options.env["HOME"] = home.path();
    options.cwd = home.path();
    options.stdin_text = "3,1,4,0\n";  // for aa-check, which reads answers from stdin when not asked
    const RunResult result = run({"/bin/bash", "-c", "set -o pipefail\n" + example}, options);
    CHECK(result.status == 0);
    // Dump and aa-report -o say on stderr what they wrote and where, as the README says; every other
    // example is silent there.
    if (example.starts_with("aa content dump ")) {
      const std::string where = std::filesystem::weakly_canonical(home.path() + "/my-aa").string();
      CHECK(result.err.starts_with("Wrote 6 content files in " + where + ": "));
    } else if (example.starts_with("aa-report -o report.html")) {
      CHECK(result.err.starts_with("Wrote your report to report.html: "));
    } else {
      CHECK(result.err == "");
    }
  }
  // What the examples leave behind is what they say.
  CHECK(std::filesystem::exists(home.path() + "/.local/share/aa/checks.jsonl"));
  CHECK(read_text_file(home.path() + "/results.md").starts_with("---\ntitle: "));
}

TEST_CASE("the README names every command in its table and its examples, and every man page") {
  const std::string readme = read_text_file(aa::test::source_dir() + "/README.md");
  std::set<std::string> commands = {"aa"};
  for (const std::string& name : aa::test::command_names()) commands.insert(name);
  REQUIRE(commands.size() >= 7);
  // The commands table: rows such as "| `aa-tip` | ... |".
  std::set<std::string> in_table;
  for (const std::string& line : split_lines(readme)) {
    if (line.starts_with("| `")) in_table.insert(line.substr(3, line.find('`', 3) - 3));
  }
  CHECK(in_table == commands);
  // Each command in at least one example, by its own name or as `aa NAME`.
  std::string examples;
  for (const CodeBlock& block : readme_blocks("console")) {
    for (const std::string& line : block.lines) examples += line + "\n";
  }
  for (const std::string& name : commands) {
    CAPTURE(name);
    const std::string short_form = name == "aa" ? "$ aa " : "aa " + name.substr(3) + " ";
    CHECK((examples.find(name + " ") != std::string::npos || examples.find(short_form) != std::string::npos));
  }
  // Every page in man/, as the install section names it.
  for (const auto& entry : std::filesystem::directory_iterator(aa::test::source_dir() + "/man")) {
    const std::string file = entry.path().filename().string();
    const std::string page = file.substr(0, file.size() - 2) + "(" + file.back() + ")";
    CAPTURE(page);
    CHECK((readme.find("`" + page + "`") != std::string::npos ||
           (page == "aa(7)" && readme.find("`man 7 aa`") != std::string::npos)));
  }
}

TEST_CASE("the README's layout names every folder of the project, and of lib/ and commands/") {
  // The block that begins with lib/io/, and the folders its lines start with.
  std::set<std::string> named;
  for (const CodeBlock& block : code_blocks(read_text_file(aa::test::source_dir() + "/README.md"))) {
    if (block.lines.empty() || !block.lines.front().starts_with("lib/io/")) continue;
    for (const std::string& line : block.lines) {
      if (line.empty() || line.front() == ' ') continue;
      const std::string folder = line.substr(0, line.find(' '));
      named.insert(folder);
      named.insert(folder.substr(0, folder.find('/') + 1));  // lib/ for lib/io/
    }
    // The folders of each command, as the commands/ line lists them.
    for (const std::string& line : block.lines) {
      for (std::size_t at = line.find('/'); at != std::string::npos; at = line.find('/', at + 1)) {
        const std::size_t start = line.find_last_of(" (", at) + 1;
        named.insert("commands/" + line.substr(start, at - start + 1));
      }
    }
  }
  const std::filesystem::path root = aa::test::source_dir();
  // Folders git ignores (build trees, fuzz corpora) are not the project's.
  std::set<std::string> ignored;
  for (const std::string& line : split_lines(read_text_file((root / ".gitignore").string()))) {
    std::string name = line;
    std::erase(name, '/');
    ignored.insert(name);
  }
  const auto expect_folders = [&](const std::string& under) {
    for (const auto& entry : std::filesystem::directory_iterator(root / under)) {
      const std::string name = entry.path().filename().string();
      if (!entry.is_directory() || name.starts_with(".") || ignored.count(name) != 0) continue;
      CAPTURE(under + name + "/");
      CHECK(named.count(under + name + "/") == 1);
    }
  };
  expect_folders("");
  expect_folders("lib/");
  expect_folders("commands/");
}

TEST_CASE("the README's fortune example works with fortune-mod's fortune and strfile") {
  const std::string fortune = find_program("fortune").empty() ? "/usr/games/fortune" : find_program("fortune");
  if (!std::filesystem::exists(fortune) || find_program("strfile").empty()) {
    aa::test::skip_missing("fortune-mod (./dev.sh test installs it)");
    return;
  }
  std::string example;
  for (const CodeBlock& block : readme_blocks("sh")) {
    for (const std::string& line : block.lines) {
      if (line.find("strfile") != std::string::npos) example = line;
    }
  }
  REQUIRE(example.find("fortune \"$PWD/aa\"") != std::string::npos);
  aa::test::TempDir dir;
  RunOptions options;
  options.env["PATH"] = aa::test::path_with_commands() + ":/usr/games";
  options.cwd = dir.path();
  const RunResult result = run({"/bin/bash", "-c", "set -o pipefail\n" + example}, options);
  CHECK(result.status == 0);
  CHECK(result.err == "");
  CHECK(result.out.find("There were ") != std::string::npos);  // strfile's report, then the tip
}

TEST_CASE("the README's login snippets always leave status 0, in bash, zsh and fish") {
  std::string posix_snippet;
  std::string fish_snippet;
  for (const CodeBlock& block : readme_blocks("sh")) {
    if (login_snippet(block)) {
      for (const std::string& line : block.lines) posix_snippet += line + "\n";
    }
  }
  for (const CodeBlock& block : readme_blocks("fish")) {
    for (const std::string& line : block.lines) fish_snippet += line + "\n";
  }
  REQUIRE(!posix_snippet.empty());
  REQUIRE(!fish_snippet.empty());
  aa::test::TempDir home;
  const std::string without_aa = "/usr/bin:/bin";
  const std::string with_aa = aa::test::path_with_commands();
  // ctest reports a whole test as skipped, so one shell missing skips all.
  for (const char* shell : {"bash", "zsh", "fish"}) {
    if (find_program(shell).empty()) return aa::test::skip_missing(std::string(shell) + " (./dev.sh test installs it)");
  }
  for (const std::string shell : {"bash", "zsh", "fish"}) {
    const std::string& snippet = shell == "fish" ? fish_snippet : posix_snippet;
    CAPTURE(shell);
    // aa-tip works: a tip, then 0.
    const Outcome works = interactive(shell, snippet, with_aa, home.path(), std::nullopt);
    CHECK(works.out.ends_with("status=0\n"));
    CHECK(works.out.size() > std::string("status=0\n").size() + 20);
    // aa-tip is not installed.
    const Outcome missing = interactive(shell, snippet, without_aa, home.path(), std::nullopt);
    CHECK(missing.out == "status=0\n");
    // aa-tip fails (a content directory that is not there: exit 2), quietly.
    const Outcome fails = interactive(shell, snippet, with_aa, home.path(), home.path() + "/nowhere");
    CHECK(fails.out == "status=0\n");
    CHECK(fails.err.find("aa-tip") == std::string::npos);
  }
}

TEST_CASE("the README's login snippet prints the tip on a stock Debian login, aa-tip in ~/.local/bin") {
  std::string snippet;
  for (const CodeBlock& block : readme_blocks("sh")) {
    if (login_snippet(block)) {
      for (const std::string& line : block.lines) snippet += line + "\n";
    }
  }
  REQUIRE(!snippet.empty());
  // Debian's own startup files, as a new account gets them: no skipping
  // when they are missing, since then the test would prove nothing.
  REQUIRE_MESSAGE(std::filesystem::is_regular_file("/etc/skel/.profile"), "/etc/skel/.profile is missing");
  REQUIRE_MESSAGE(std::filesystem::is_regular_file("/etc/skel/.bashrc"), "/etc/skel/.bashrc is missing");
  aa::test::TempDir home;
  for (const char* name : {".profile", ".bashrc"}) {
    std::filesystem::copy_file(std::string("/etc/skel/") + name, home.path() + "/" + name);
  }
  std::ofstream(home.path() + "/.bashrc", std::ios::app) << "\n" << snippet;
  // .profile puts ~/.local/bin on PATH only when it is there at login.
  std::filesystem::create_directories(home.path() + "/.local/bin");
  std::filesystem::create_symlink(aa::test::command("aa-tip"), home.path() + "/.local/bin/aa-tip");
  // One tip of its own, so that the output shows it was aa-tip's.
  const std::string content = home.path() + "/content";
  std::filesystem::create_directories(content);
  std::ofstream(content + "/tips.toml") << "[[tip]]\nid = \"skel\"\ncategory = \"login\"\nsection = \"support\"\n"
                                        << "text = \"Breathe out slowly before you answer.\"\n";

  // -i as well as -l: bash takes itself for interactive only when stderr is
  // a terminal too, and here stderr is a pipe, to be read apart.
  for (const std::vector<std::string>& flags :
       {std::vector<std::string>{"-l", "-i"}, std::vector<std::string>{"--login", "-i"},
        std::vector<std::string>{"-i"}}) {
    CAPTURE(flags.front());
    std::vector<std::string> args = {"/bin/bash"};
    args.insert(args.end(), flags.begin(), flags.end());
    RunOptions options;
    options.terminal = true;
    options.keys = {"echo \"status=$?\"\n", "exit\n"};
    options.env["HOME"] = home.path();
    options.env["PATH"] = "/usr/bin:/bin";  // no aa-tip there
    options.env["AA_CONTENT_DIR"] = content;
    options.env["ENV"] = std::nullopt;
    options.env["BASH_ENV"] = std::nullopt;
    const RunResult result = run(args, options);
    CHECK(result.out.find("Breathe out slowly") != std::string::npos);
    CHECK(result.out.find("status=0") != std::string::npos);
  }
}
