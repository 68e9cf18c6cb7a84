// SPDX-License-Identifier: MIT
// aa-tip's fast path (lib/cli/aa/fast_path.hpp): every command line it serves
// without building the option parser gives, byte for byte, the stdout,
// stderr and exit status of the parsed path. `--color=auto` repeats the
// default, so adding it changes nothing but forces the parser to run.
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;

namespace {

// The command lines the fast path accepts: --daily by each of its names.
const std::vector<std::string> fast_path_arguments = {"--daily", "-d"};

// Argument lists that go the parsed way and mean the same as the fast one.
std::vector<std::vector<std::string>> parsed_equivalents(const std::string& daily) {
  return {{daily, "--color=auto"}, {"--color=auto", daily}, {"--color", "auto", daily}};
}

using Environment = std::map<std::string, std::optional<std::string>>;

// Every variable that aa-tip --daily reads, on its own, with values that
// change what it does.
std::vector<Environment> environments(const std::string& content_dir) {
  return {
      {},
      {{"NO_COLOR", "1"}},
      {{"NO_COLOR", ""}},
      {{"TERM", "dumb"}},
      {{"TERM", std::nullopt}},
      {{"COLUMNS", "20"}},
      {{"COLUMNS", "not a number"}},
      {{"TZ", "Pacific/Kiritimati"}},
      {{"TZ", "Etc/GMT+12"}},
      {{"PAGER", "cat"}, {"COLUMNS", "12"}},
      {{"PAGER", "no-such-pager-anywhere"}, {"COLUMNS", "12"}},
      {{"PAGER", ""}, {"COLUMNS", "12"}},
      {{"PATH", "/nonexistent"}, {"COLUMNS", "12"}},
      {{"AA_CONTENT_DIR", content_dir}},
      {{"AA_CONTENT_DIR", ""}},
      {{"AA_CONTENT_DIR", content_dir + "/missing"}},
  };
}

std::string describe(const std::vector<std::string>& args, const Environment& env, bool terminal) {
  std::string text = terminal ? "on a terminal:" : "in a pipe:";
  for (const auto& [name, value] : env) text += " " + name + (value ? "=" + *value : " unset");
  text += " aa-tip";
  for (const std::string& arg : args) text += " " + arg;
  return text;
}

RunResult tip(std::vector<std::string> args, const Environment& env, bool terminal) {
  args.insert(args.begin(), command("aa-tip"));
  // With PAGER set, a short terminal, so that a wrapped tip is taller than
  // the screen and goes to the pager; else one the tip fits, since the
  // default pager would wait for a key.
  const unsigned short rows = env.count("PAGER") ? 2 : 24;
  return run(args, RunOptions{.env = env, .terminal = terminal, .rows = rows});
}

}  // namespace

TEST_CASE("aa-tip's fast path prints and returns what the parsed path does, whatever the environment") {
  aa::test::TempDir dir;
  dir.write("tips.toml",
            "[[tip]]\nid = \"mine\"\ncategory = \"own\"\nsection = \"support\"\n"
            "text = \"A tip of my own, long enough to wrap on a narrow screen.\"\n");
  for (const std::string& daily : fast_path_arguments) {
    for (const Environment& env : environments(dir.path())) {
      for (bool terminal : {false, true}) {
        const RunResult fast = tip({daily}, env, terminal);
        for (const std::vector<std::string>& args : parsed_equivalents(daily)) {
          CAPTURE(describe(args, env, terminal));
          const RunResult parsed = tip(args, env, terminal);
          CHECK(fast.out == parsed.out);
          CHECK(fast.err == parsed.err);
          CHECK(fast.status == parsed.status);
        }
      }
    }
  }
}

TEST_CASE("aa-tip --daily reads AA_CONTENT_DIR, which the fast path leaves to the parser") {
  aa::test::TempDir dir;
  dir.write("tips.toml", "[[tip]]\nid = \"mine\"\ncategory = \"own\"\nsection = \"support\"\ntext = \"My own tip.\"\n");
  for (const std::string& daily : fast_path_arguments) {
    CHECK(tip({daily}, {{"AA_CONTENT_DIR", dir.path()}}, false).out == "My own tip.\n");
    const RunResult missing = tip({daily}, {{"AA_CONTENT_DIR", dir.path() + "/nope"}}, false);
    CHECK(missing.status == 2);
    CHECK(missing.out.empty());
    CHECK(missing.err.find("no such directory") != std::string::npos);
  }
}

TEST_CASE("aa-tip's fast path fails as the parsed path does when stdout cannot be written") {
  // Closed, a full disk, a reader that has gone.
  const std::vector<std::string> redirections = {">&-", ">/dev/full", "| true", "2>&-", "2>&- >/dev/full"};
  for (const std::string& daily : fast_path_arguments) {
    for (const std::string& redirection : redirections) {
      const std::string script =
          "\"$AA_TIP\" " + daily + " $EXTRA " + redirection + "; echo \"status ${PIPESTATUS[0]}\"";
      const RunResult fast =
          run({"/bin/bash", "-c", script}, RunOptions{.env = {{"AA_TIP", command("aa-tip")}, {"EXTRA", ""}}});
      const RunResult parsed = run({"/bin/bash", "-c", script},
                                   RunOptions{.env = {{"AA_TIP", command("aa-tip")}, {"EXTRA", "--color=auto"}}});
      CAPTURE(daily + " " + redirection);
      CHECK(fast.out == parsed.out);
      CHECK(fast.err == parsed.err);
      CHECK(fast.status == parsed.status);
    }
  }
}
