// SPDX-License-Identifier: MIT
// `cmake --install` of this build tree into a temporary prefix: every file
// where its users look for it, and the installed commands and completions
// working from another directory.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "command_info.hpp"
#include "process.hpp"
#include "shell_complete.hpp"

using aa::test::command_names;
using aa::test::read_text_file;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::TempDir;

namespace {

namespace fs = std::filesystem;

// One installation for the whole file: installing is the slow part.
const std::string& installed_prefix() {
  static const TempDir prefix;
  static const bool installed = [] {
    const auto result = run({AA_CMAKE_COMMAND, "--install", AA_BUILD_DIR, "--prefix", prefix.path()},
                            RunOptions{.timeout_seconds = 120});
    if (result.status != 0) MESSAGE(result.out << result.err);
    return result.status == 0;
  }();
  REQUIRE_MESSAGE(installed, "cmake --install " << AA_BUILD_DIR << " failed");
  return prefix.path();
}

std::string installed_path() { return installed_prefix() + "/bin:/usr/bin:/bin"; }

// The commands, and aa, which runs them.
std::vector<std::string> programs() {
  std::vector<std::string> names = command_names();
  names.push_back("aa");
  return names;
}

}  // namespace

TEST_SUITE("install") {
  TEST_CASE("the commands with their man pages and completions land where their users look") {
    const fs::path prefix = installed_prefix();
    const auto names = programs();
    REQUIRE(names.size() >= 5);
    for (const std::string& name : names) {
      CAPTURE(name);
      CHECK(access((prefix / "bin" / name).c_str(), X_OK) == 0);
      CHECK(fs::is_regular_file(prefix / "share/man/man1" / (name + ".1.gz")));
      // bash-completion loads a completion by the command's name.
      CHECK(fs::is_regular_file(prefix / "share/bash-completion/completions" / name));
      CHECK(fs::is_regular_file(prefix / "share/zsh/site-functions" / ("_" + name)));
      CHECK(fs::is_regular_file(prefix / "share/fish/vendor_completions.d" / (name + ".fish")));
    }
    CHECK(fs::is_regular_file(prefix / "share/man/man5/aa-content.5.gz"));
    CHECK(fs::is_regular_file(prefix / "share/man/man7/aa.7.gz"));
    CHECK_FALSE(fs::exists(prefix / "bin/aa-contentgen"));  // a build-time tool only
    // The licences: the code's, the content's, and both in Debian's form.
    CHECK(read_text_file((prefix / "share/doc/aa/LICENSE").string()) ==
          read_text_file(aa::test::source_dir() + "/LICENSE"));
    CHECK(read_text_file((prefix / "share/doc/aa/LICENSE.content").string()) ==
          read_text_file(aa::test::source_dir() + "/content/LICENSE"));
    CHECK(read_text_file((prefix / "share/doc/aa/copyright").string()).starts_with("Format: "));
  }

  TEST_CASE("the installed completions are the scripts the commands print") {
    const fs::path prefix = installed_prefix();
    for (const std::string& name : programs()) {
      CAPTURE(name);
      for (const auto& entry : {std::pair{"bash", prefix / "share/bash-completion/completions" / name},
                                {"zsh", prefix / "share/zsh/site-functions" / ("_" + name)},
                                {"fish", prefix / "share/fish/vendor_completions.d" / (name + ".fish")}}) {
        const auto& [shell, file] = entry;
        CAPTURE(entry.first);
        const auto printed = run({installed_prefix() + "/bin/" + name, "--completions", shell});
        CHECK(printed.status == 0);
        CHECK(printed.out == read_text_file(file.string()));
      }
    }
  }

  TEST_CASE("the installed man pages are the pages of the source tree") {
    const std::string gzip = aa::test::find_program("gzip");
    REQUIRE(!gzip.empty());
    for (const auto& entry : {std::pair{"aa-tip.1", "man1"},
                              {"aa-check.1", "man1"},
                              {"aa.1", "man1"},
                              {"aa-content.5", "man5"},
                              {"aa.7", "man7"}}) {
      const auto& [page, section] = entry;
      CAPTURE(entry.first);
      const auto unpacked = run({gzip, "-dc", installed_prefix() + "/share/man/" + section + "/" + page + ".gz"});
      CHECK(unpacked.status == 0);
      CHECK(unpacked.out == read_text_file(aa::test::source_dir() + "/man/" + page));
    }
  }

  TEST_CASE("the installed commands work from another directory with nothing else around") {
    const TempDir elsewhere, home;
    const RunOptions options{.env = {{"PATH", installed_path()}, {"HOME", home.path()}}, .cwd = elsewhere.path()};
    const std::string bin = installed_prefix() + "/bin/";
    for (const std::string& name : programs()) {
      CAPTURE(name);
      const auto version = run({bin + name, "--version"}, options);
      CHECK(version.status == 0);
      CHECK(version.out.rfind(name + " ", 0) == 0);
    }
    const auto tip = run({bin + "aa-tip", "--daily"}, options);
    CHECK(tip.status == 0);
    CHECK(aa::test::count_lines(tip.out) == 1);
    const auto signs = run({bin + "aa-read", "signs"}, options);
    CHECK(signs.status == 0);
    CHECK(signs.out.find("Emotional dependence") != std::string::npos);
    CHECK(run({bin + "aa", "tip", "--daily"}, options).out == tip.out);
    const auto answer = run({bin + "aa-faq", "8"}, options);
    CHECK(answer.status == 0);
    CHECK(answer.out.find("weakness") != std::string::npos);
    const auto check = run({bin + "aa-check", "--answers", "3,1,4,0", "--json"}, options);
    CHECK(check.status == 0);
    CHECK(check.out.find("\"stand_out\"") != std::string::npos);
    // The installed tree holds no content files: everything is built in.
    CHECK_FALSE(fs::exists(installed_prefix() + "/share/aa"));
  }

  TEST_CASE("the installed completions are found by each shell and complete") {
    const std::string prefix = installed_prefix();
    aa::test::ShellSetup setup;
    setup.path = installed_path();
    // bash-completion and fish look in $XDG_DATA_DIRS/...; nothing is sourced by hand.
    setup.env["XDG_DATA_DIRS"] = prefix + "/share";
    setup.zsh_dir = prefix + "/share/zsh/site-functions";
    // aa's own, handing over to aa-tip's and aa-read's, found by their names too.
    const std::vector<std::string> lines = {"aa-read sig", "aa-tip --format ", "aa-check --hi", "aa-faq 5",
                                            "aa ti",       "aa tip --format ", "aa read sig"};
    const std::set<std::string> formats = {"text", "markdown", "json", "fortune"};
    for (const auto& entry : {std::pair{"bash", &aa::test::bash_complete},
                              {"zsh", &aa::test::zsh_complete},
                              {"fish", &aa::test::fish_complete}}) {
      const auto& [shell, complete] = entry;
      CAPTURE(entry.first);
      const aa::test::Completions results = complete(lines, setup);
      CHECK(results[0] == std::set<std::string>{"signs"});
      CHECK(results[1] == formats);
      CHECK(results[2] == std::set<std::string>{"--history"});
      CHECK(results[3] == std::set<std::string>{"5"});
      CHECK(results[4] == std::set<std::string>{"tip"});
      CHECK(results[5] == formats);
      CHECK(results[6] == std::set<std::string>{"signs"});
    }
  }
}
