// Asks bash, zsh and fish what they complete for a command line, the way
// each does when Tab is pressed at its end: bash through bash-completion
// (tests/support/bash-complete.sh), zsh on a pseudo-terminal
// (tests/support/zsh-complete.zsh), fish with `complete -C`.
#pragma once

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

struct ShellSetup {
  std::string path = path_with_commands();  // PATH for the shell and the commands it runs
  std::string bash_file;   // sourced by bash; empty: bash-completion loads it by the command's name
  std::string zsh_dir;     // put first on zsh's fpath
  std::string fish_dir;    // put first on fish_complete_path, and its functions/ on
                           // fish_function_path; empty: fish finds them (XDG_DATA_DIRS)
  std::map<std::string, std::optional<std::string>> env;  // more variables for the shell
};

// Output made of "match\n...\n--\n" for each line; fish prints
// "match<TAB>description", and the description is dropped.
inline Completions parse_completions(const std::string& out) {
  Completions results(1);
  for (const std::string& line : split_lines(out)) {
    if (line == "--") {
      results.emplace_back();
    } else if (!line.empty()) {
      results.back().insert(line.substr(0, line.find('\t')));
    }
  }
  results.pop_back();
  return results;
}

inline Completions run_completions(std::vector<std::string> args, const std::vector<std::string>& lines,
                                   RunOptions options) {
  args.insert(args.end(), lines.begin(), lines.end());
  options.timeout_seconds = 60;
  const RunResult result = run(args, options);
  REQUIRE_MESSAGE(result.status == 0, args[0] << " failed (" << result.status << "): " << result.err);
  const Completions completions = parse_completions(result.out);
  REQUIRE(completions.size() == lines.size());
  return completions;
}

inline Completions bash_complete(const std::vector<std::string>& lines, const ShellSetup& setup) {
  const std::string bash = find_program("bash");
  REQUIRE_MESSAGE(!bash.empty(), "bash is not installed");
  REQUIRE_MESSAGE(std::filesystem::exists("/usr/share/bash-completion/bash_completion"),
                  "bash-completion is not installed");
  RunOptions options{.env = setup.env};
  options.env["PATH"] = setup.path;
  options.env["AA_COMPLETION_FILE"] = setup.bash_file;
  return run_completions({bash, source_dir() + "/tests/support/bash-complete.sh"}, lines, options);
}

inline Completions zsh_complete(const std::vector<std::string>& lines, const ShellSetup& setup) {
  const std::string zsh = find_program("zsh");
  REQUIRE_MESSAGE(!zsh.empty(), "zsh is not installed");
  RunOptions options{.env = setup.env};
  options.env["PATH"] = setup.path;
  return run_completions({zsh, source_dir() + "/tests/support/zsh-complete.zsh", setup.zsh_dir}, lines, options);
}

inline Completions fish_complete(const std::vector<std::string>& lines, const ShellSetup& setup) {
  const std::string fish = find_program("fish");
  REQUIRE_MESSAGE(!fish.empty(), "fish is not installed");
  const TempDir home;  // no user configuration read, and no history left behind
  RunOptions options{.env = setup.env};
  options.env["PATH"] = setup.path;
  options.env["HOME"] = home.path();
  return run_completions({fish, "-c",
                          "test -n \"$argv[1]\"; and set -p fish_complete_path $argv[1]\n"
                          "test -n \"$argv[1]\"; and set -p fish_function_path $argv[1]/functions\n"
                          "for line in $argv[2..-1]; complete -C $line; printf '%s\\n' --; end",
                          setup.fish_dir},
                         lines, options);
}

}  // namespace aa::test
