// SPDX-License-Identifier: MIT
// Asks bash, zsh and fish what they complete for a command line, the way
// each does when Tab is pressed at its end: bash through bash-completion
// (tests/support/bash-complete.sh), or without it, zsh on a pseudo-terminal
// (tests/support/zsh-complete.zsh), fish with `complete -C`.
#pragma once

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "command_info.hpp"
#include "process.hpp"

namespace aa::test {

// The matches offered for each line asked, in order.
using Completions = std::vector<std::set<std::string>>;
// The same, each line's matches in the order the shell was given them
// (each match once).
using OrderedCompletions = std::vector<std::vector<std::string>>;

struct ShellSetup {
  std::string path = path_with_commands();  // PATH for the shell and the commands it runs
  std::string bash_dir;                     // holds a file per command, sourced by bash; empty: bash-completion
                                            // loads it by the command's name
  bool bash_completion = true;              // false: bash without the bash-completion package, every file of
                                            // bash_dir sourced first
  std::string zsh_dir;                      // put first on zsh's fpath
  std::string fish_dir;                     // put first on fish_complete_path; empty: fish finds them (XDG_DATA_DIRS)
  std::map<std::string, std::optional<std::string>> env;  // more variables for the shell
};

// Output made of "match\n...\n--\n" for each line; fish prints
// "match<TAB>description", and the description is dropped.
inline OrderedCompletions parse_completions(const std::string& out) {
  OrderedCompletions results(1);
  for (const std::string& line : split_lines(out)) {
    if (line == "--") {
      results.emplace_back();
    } else if (!line.empty()) {
      const std::string match = line.substr(0, line.find('\t'));
      auto& matches = results.back();
      if (std::find(matches.begin(), matches.end(), match) == matches.end()) matches.push_back(match);
    }
  }
  results.pop_back();
  return results;
}

inline Completions as_sets(const OrderedCompletions& ordered) {
  Completions out;
  for (const auto& matches : ordered) out.emplace_back(matches.begin(), matches.end());
  return out;
}

// What the shell printed for each line, whole. With `quiet`, it must have
// said nothing on stderr ("_init_completion: command not found").
inline std::string run_shell(std::vector<std::string> args, const std::vector<std::string>& lines, RunOptions options,
                             bool quiet = false) {
  args.insert(args.end(), lines.begin(), lines.end());
  options.timeout_seconds = 60;
  const RunResult result = run(args, options);
  REQUIRE_MESSAGE(result.status == 0, args[0] << " failed (" << result.status << "): " << result.err);
  if (quiet) CHECK_MESSAGE(result.err.empty(), args[0] << " said on stderr: " << result.err);
  return result.out;
}

inline OrderedCompletions run_completions(std::vector<std::string> args, const std::vector<std::string>& lines,
                                          RunOptions options, bool quiet = false) {
  const OrderedCompletions completions =
      parse_completions(run_shell(std::move(args), lines, std::move(options), quiet));
  REQUIRE(completions.size() == lines.size());
  return completions;
}

inline OrderedCompletions bash_complete_in_order(const std::vector<std::string>& lines, const ShellSetup& setup) {
  const std::string bash = find_program("bash");
  REQUIRE_MESSAGE(!bash.empty(), "bash is not installed");
  if (setup.bash_completion) {
    REQUIRE_MESSAGE(std::filesystem::exists("/usr/share/bash-completion/bash_completion"),
                    "bash-completion is not installed");
  }
  RunOptions options{.env = setup.env};
  options.env["PATH"] = setup.path;
  options.env["AA_COMPLETION_DIR"] = setup.bash_dir;
  if (!setup.bash_completion) options.env["AA_WITHOUT_BASH_COMPLETION"] = "1";
  return run_completions({bash, source_dir() + "/tests/support/bash-complete.sh"}, lines, options, true);
}

inline OrderedCompletions zsh_complete_in_order(const std::vector<std::string>& lines, const ShellSetup& setup) {
  const std::string zsh = find_program("zsh");
  REQUIRE_MESSAGE(!zsh.empty(), "zsh is not installed");
  RunOptions options{.env = setup.env};
  options.env["PATH"] = setup.path;
  return run_completions({zsh, source_dir() + "/tests/support/zsh-complete.zsh", setup.zsh_dir}, lines, options);
}

// What fish prints for each line: "match<TAB>description" lines, then "--".
inline std::string fish_output(const std::vector<std::string>& lines, const ShellSetup& setup) {
  const std::string fish = find_program("fish");
  REQUIRE_MESSAGE(!fish.empty(), "fish is not installed");
  const TempDir home;  // no user configuration read, and no history left behind
  RunOptions options{.env = setup.env};
  options.env["PATH"] = setup.path;
  options.env["HOME"] = home.path();
  return run_shell({fish, "-c",
                    "test -n \"$argv[1]\"; and set -p fish_complete_path $argv[1]\n"
                    "for line in $argv[2..-1]; complete -C $line; printf '%s\\n' --; end",
                    setup.fish_dir},
                   lines, options);
}

// Every line fish prints for `lines`, descriptions included.
inline std::vector<std::string> fish_lines(const std::vector<std::string>& lines, const ShellSetup& setup) {
  return split_lines(fish_output(lines, setup));
}

inline OrderedCompletions fish_complete_in_order(const std::vector<std::string>& lines, const ShellSetup& setup) {
  const OrderedCompletions completions = parse_completions(fish_output(lines, setup));
  REQUIRE(completions.size() == lines.size());
  return completions;
}

inline Completions bash_complete(const std::vector<std::string>& lines, const ShellSetup& setup) {
  return as_sets(bash_complete_in_order(lines, setup));
}
inline Completions zsh_complete(const std::vector<std::string>& lines, const ShellSetup& setup) {
  return as_sets(zsh_complete_in_order(lines, setup));
}
inline Completions fish_complete(const std::vector<std::string>& lines, const ShellSetup& setup) {
  return as_sets(fish_complete_in_order(lines, setup));
}

}  // namespace aa::test
