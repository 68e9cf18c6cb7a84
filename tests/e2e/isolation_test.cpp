// SPDX-License-Identifier: MIT
// The test runner keeps a developer's own home out of every test: their
// personal tips, settings, history and journal can neither change what a
// test sees nor be written to by one (tests/support/process.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "files.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;

namespace {

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// HOME set to `home` in this test process's own environment, and the XDG
// folders unset, as on a developer's machine, for as long as it lives.
class HostHome {
 public:
  explicit HostHome(const std::string& home) {
    for (const char* name : {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"}) {
      const char* value = std::getenv(name);
      saved_.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
      ::unsetenv(name);
    }
    ::setenv("HOME", home.c_str(), 1);
  }
  ~HostHome() {
    for (const auto& [name, value] : saved_) {
      if (value) {
        ::setenv(name.c_str(), value->c_str(), 1);
      } else {
        ::unsetenv(name.c_str());
      }
    }
  }
  HostHome(const HostHome&) = delete;
  HostHome& operator=(const HostHome&) = delete;

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

// A tip file in the personal tips folder's format.
std::string tip_file(const std::string& id, const std::string& category, const std::string& text) {
  return "[[tip]]\nid = \"" + id + "\"\ncategory = \"" + category + "\"\nsection = \"what\"\ntext = \"" + text + "\"\n";
}

// The first built-in tip's id and category, from aa-tip --list.
std::pair<std::string, std::string> first_builtin_tip() {
  const RunResult listed = run({command("aa-tip"), "--list"});
  REQUIRE(listed.status == 0);
  const std::size_t id_end = listed.out.find('\t');
  const std::size_t category_end = listed.out.find('\t', id_end + 1);
  REQUIRE(category_end != std::string::npos);
  return {listed.out.substr(0, id_end), listed.out.substr(id_end + 1, category_end - id_end - 1)};
}

}  // namespace

TEST_CASE("a developer's own home changes no test's result and is never written to") {
  const auto [builtin_id, category] = first_builtin_tip();
  const aa::test::TempDir clean;
  const RunResult expected = run({command("aa-tip"), "--list"}, RunOptions{.env = {{"HOME", clean.path()}}});
  REQUIRE(expected.status == 0);

  // A home as a developer might have it: a personal tip whose id collides
  // with a built-in one, and settings that save every check.
  const aa::test::TempDir host;
  const std::string tips = host.write(".local/share/aa/tips/mine.toml", tip_file(builtin_id, category, "Mine."));
  host.write(".config/aa/config.toml", "save = true\n");

  // That home, given to a run, does change the result: the test below can fail.
  const RunResult polluted = run({command("aa-tip"), "--list"}, RunOptions{.env = {{"HOME", host.path()}}});
  // (The colliding file is left out with a warning that names it.)
  CHECK(polluted.status == 0);
  CHECK(has(polluted.err, "aa-tip: warning: "));
  CHECK(has(polluted.err, "mine.toml"));

  const HostHome as_host(host.path());
  // The runner's default: the built-in tips only, as with a clean home.
  const RunResult listed = run({command("aa-tip"), "--list"});
  CHECK(listed.status == 0);
  CHECK(listed.err == "");
  CHECK(listed.out == expected.out);
  CHECK(run({command("aa-tip"), "--id", builtin_id}).status == 0);

  // Saving a check and a journal entry goes to the run's own home.
  const RunResult checked = run({command("aa-check"), "--answers", "3,1,4,0", "--save"});
  CHECK(checked.status == 0);
  const RunResult written = run({command("aa-journal"), "--no-prompt"}, RunOptions{.stdin_text = "A quiet day.\n"});
  CHECK(written.status == 0);
  CHECK_FALSE(std::filesystem::exists(host.path() + "/.local/share/aa/checks.jsonl"));
  CHECK_FALSE(std::filesystem::exists(host.path() + "/.local/share/aa/journal.jsonl"));
  // Nor does one run see what another saved.
  CHECK(run({command("aa-journal"), "--list"}).out.find("A quiet day.") == std::string::npos);
  // The home is as it was: the tips folder and the settings, nothing more.
  std::vector<std::string> left;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(host.path())) {
    if (entry.is_regular_file()) left.push_back(std::filesystem::relative(entry.path(), host.path()).string());
  }
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{".config/aa/config.toml", ".local/share/aa/tips/mine.toml"});
  CHECK(aa::test::slurp(tips) == tip_file(builtin_id, category, "Mine."));
}

TEST_CASE("a test that gives HOME or an XDG folder gets it, and the rest follow from it") {
  const aa::test::TempDir home;
  home.write(".local/share/aa/tips/mine.toml", tip_file("only-in-this-home", "mine", "A tip of this home."));
  // HOME given: the personal tips folder under it is read.
  const RunResult listed = run({command("aa-tip"), "--list"}, RunOptions{.env = {{"HOME", home.path()}}});
  CHECK(listed.status == 0);
  CHECK(has(listed.out, "only-in-this-home\t"));
  // XDG_DATA_HOME given, HOME not: that folder is read.
  const RunResult by_data =
      run({command("aa-tip"), "--list"}, RunOptions{.env = {{"XDG_DATA_HOME", home.path() + "/.local/share"}}});
  CHECK(by_data.status == 0);
  CHECK(has(by_data.out, "only-in-this-home\t"));
  // Neither: a home of the run's own, without it.
  const RunResult neither = run({command("aa-tip"), "--list"});
  CHECK(neither.status == 0);
  CHECK_FALSE(has(neither.out, "only-in-this-home"));
  // HOME removed: the commands see none, as the test asked.
  const RunResult saving =
      run({command("aa-check"), "--answers", "3,1,4,0", "--save"}, RunOptions{.env = {{"HOME", std::nullopt}}});
  CHECK(saving.status == 74);
  CHECK(has(saving.err, "neither XDG_DATA_HOME nor HOME is set"));
}
