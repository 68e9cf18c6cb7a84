// SPDX-License-Identifier: MIT
// aa-check, end to end through the built binary. Every test keeps its
// history and settings in a temporary directory, never in the real home.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <fmt/core.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aa/content/builtin.hpp"
#include "aa/content/text.hpp"
#include "aa/core/check_json.hpp"
#include "aa/core/date.hpp"
#include "aa/core/render_check.hpp"
#include "files.hpp"
#include "home.hpp"
#include "process.hpp"

extern char** environ;

using aa::test::command;
using aa::test::mode_of;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;
using aa::test::slurp;

namespace {

std::vector<std::string> check(std::vector<std::string> args) {
  args.insert(args.begin(), command("aa-check"));
  return args;
}

// A home of its own, with aa-check's history in it.
struct Home : aa::test::PrivateHome {
  std::string history() const { return data() + "/aa/checks.jsonl"; }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The lines of the history table: those before the blank line that leads the summary.
std::vector<std::string> table_of(const std::string& text) {
  std::vector<std::string> lines = lines_of(text);
  lines.erase(std::find(lines.begin(), lines.end(), ""), lines.end());
  return lines;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::string without_returns(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
  return text;
}

std::vector<int> values_of(const nlohmann::json& record) {
  std::vector<int> values;
  for (const auto& answer : record.at("answers")) values.push_back(answer.at("value").get<int>());
  return values;
}

// The saved records, one parsed JSON value a line.
std::vector<nlohmann::json> saved_records(const Home& home) {
  std::vector<nlohmann::json> records;
  for (const std::string& line : lines_of(slurp(home.history()))) records.push_back(nlohmann::json::parse(line));
  return records;
}

// An error: nothing on stdout, one "aa-check: error: " line on stderr.
void check_is_error(const RunResult& result, int status) {
  CHECK(result.status == status);
  CHECK(result.out.empty());
  CHECK(result.err.starts_with("aa-check: error: "));
  CHECK(aa::test::count_lines(result.err) == 1);
}

const aa::ChecklistItem& item(std::size_t index) { return aa::builtin_content().checklist[index]; }

}  // namespace

TEST_CASE("answers by option: every sign rated, what stands out, the safety note") {
  Home home;
  const auto result = run(check({"--answers", "3,1,4,0"}), home.options());
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  for (std::size_t i = 0; i < 4; ++i) CHECK(contains(result.out, item(i).sign));
  CHECK(contains(result.out, "3 often\n"));
  CHECK(contains(result.out, "4 almost always\n"));
  CHECK_FALSE(contains(result.out, "Total"));  // not a score
  CHECK(contains(result.out, std::string(item(0).sign) + ", rated 3 (often). What can help:"));
  CHECK(contains(result.out, "aa-read strategies\n"));
  CHECK(contains(result.out, "aa-read support\n"));
  CHECK(result.out.ends_with(std::string(aa::safety_note()) + "\n"));
  CHECK_FALSE(contains(result.out, "\x1b"));          // a pipe gets no colour
  CHECK_FALSE(contains(result.out, "█"));             // and no bars
  CHECK_FALSE(std::filesystem::exists(home.data()));  // nothing saved without --save
}

TEST_CASE("answers on stdin, however they are separated, give the same result") {
  Home home;
  const auto by_option = run(check({"--answers", "3,1,4,0"}), home.options());
  for (const char* input : {"3,1,4,0\n", "3 1 4 0", "3\n1\n4\n0\n", " 3, 1,\t4,\r\n0 "}) {
    CAPTURE(input);
    const auto by_stdin = run(check({}), home.with_stdin(input));
    CHECK(by_stdin.status == 0);
    CHECK(by_stdin.err.empty());
    CHECK(by_stdin.out == by_option.out);
  }
}

TEST_CASE("every kind of bad answer is a usage error that says what is wrong") {
  Home home;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"3,1", "only 2 of 4 answers given: answer 3 (space) is missing"},
      {"3,1,4,0,2", "too many answers: expected 4"},
      {"3,z,4,0", "answer 2 (overanalysing) is 'z', which is not on the scale"},
      {"3,1,5,0", "answer 3 (space) is '5'"},
      {"3,1,4,-1", "answer 4 (change) is '-1'"},
      {"3,1,4,2.5", "answer 4 (change) is '2.5'"},
      {"3,,4,0", "empty answer after answer 1"},
      {",3,1,4,0", "empty answer before answer 1"},
      {"3,1,4,0,", "empty answer after answer 4"},
      {"", "no answers given"},
  };
  for (const auto& entry : cases) {
    const auto& [answers, message] = entry;
    CAPTURE(entry.first);
    const auto by_option = run(check({"--answers", answers}), home.options());
    check_is_error(by_option, 2);
    CHECK(contains(by_option.err, message));
    if (answers.empty()) continue;
    const auto by_stdin = run(check({}), home.with_stdin(answers));
    check_is_error(by_stdin, 2);
    CHECK(contains(by_stdin.err, message));
  }
  // Nothing on stdin at all, and no terminal to ask on.
  check_is_error(run(check({}), home.options()), 2);
  CHECK_FALSE(std::filesystem::exists(home.data()));
}

TEST_CASE("bad bytes and floods on stdin are refused in one short line") {
  Home home;
  const auto binary = run(check({}), home.with_stdin(std::string("3,\0\xff,4,0", 8)));
  check_is_error(binary, 2);
  CHECK(contains(binary.err, "answer 2 (overanalysing) is '\\x00\\xff'"));
  const auto flood = run(check({}), home.with_stdin(std::string(1 << 20, '1')));
  check_is_error(flood, 2);
  CHECK(contains(flood.err, "longer than 64 KiB"));
}

TEST_CASE("a byte order mark at the very start of the check's answers on stdin is passed over, and nowhere else") {
  Home home;
  const std::string bom = "\xEF\xBB\xBF";
  const auto plain = run(check({}), home.with_stdin("1\n2\n3\n4\n"));
  REQUIRE(plain.status == 0);
  for (const std::string& marked : {bom + "1\n2\n3\n4\n", bom + "1,2,3,4", bom + " 1 2 3 4"}) {
    const auto result = run(check({}), home.with_stdin(marked));
    CHECK(result.status == 0);
    CHECK(result.out == plain.out);
  }
  const auto json = run(check({"--json"}), home.with_stdin(bom + "3,1,4,0"));
  CHECK(nlohmann::json::parse(json.out)["total"] == 8);
  for (const std::string& misplaced :
       {"1\n" + bom + "2\n3\n4\n", bom + bom + "1,2,3,4", bom.substr(0, 2) + "1,2,3,4", " " + bom + "1,2,3,4"}) {
    CAPTURE(misplaced);
    const auto refused = run(check({}), home.with_stdin(misplaced));
    check_is_error(refused, 2);
    CHECK(contains(refused.err, "which is not on the scale"));
  }
}

TEST_CASE("the JSON result") {
  Home home;
  const auto result = run(check({"--answers", "4,3,2,0", "--format", "json"}), home.options());
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  const auto json = nlohmann::ordered_json::parse(result.out);
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  CHECK(keys ==
        std::vector<std::string>{"id", "date", "time", "answers", "total", "max", "stand_out", "read_next", "note"});
  CHECK(json["id"].is_null());  // not saved
  CHECK(aa::parse_local_time(json["time"].get<std::string>()));
  CHECK(aa::parse_iso_date(json["date"].get<std::string>()));
  REQUIRE(json["answers"].size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(json["answers"][i]["id"] == item(i).id);
    CHECK(json["answers"][i]["sign"] == item(i).sign);
  }
  CHECK(values_of(json) == std::vector<int>{4, 3, 2, 0});
  CHECK(json["total"] == 9);
  CHECK(json["max"] == 16);
  CHECK(json["stand_out"] == nlohmann::ordered_json{"dependence", "overanalysing"});
  CHECK(json["read_next"] ==
        nlohmann::ordered_json{"strategies", "calming", "support", "impact", "protest", "therapist"});
  // --json is the same thing, and nothing stands out in low answers.
  const auto low = nlohmann::json::parse(run(check({"--answers", "0,1,2,2", "--json"}), home.options()).out);
  CHECK(low["stand_out"].empty());
  CHECK(low["read_next"].empty());
}

TEST_CASE("--items lists the statements in answer order") {
  Home home;
  const auto result = run(check({"--items"}), home.options());
  CHECK(result.status == 0);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(lines[i] ==
          std::string(item(i).id) + "\t" + std::string(item(i).sign) + "\t" + std::string(item(i).statement));
  }
  const auto json = nlohmann::json::parse(run(check({"--items", "--json"}), home.options()).out);
  REQUIRE(json.size() == 4);
  CHECK(json[1]["id"] == "overanalysing");
}

TEST_CASE("interactive: answers, ? explains, invalid input gets a hint, b goes back") {
  Home home;
  const auto result = run(check({"--save", "--no-pager", "--color=never"}),
                          home.typing({"3\n", "?\n", "z\n", "1\n", "b\n", "2\n", "4\n", "0\n"}));
  CHECK(result.status == 0);
  // The conversation is on stderr ...
  CHECK(contains(result.err, "Statement 1 of 4: " + std::string(item(0).sign)));
  CHECK(contains(result.err, "0 never · 1 rarely · 2 sometimes · 3 often · 4 almost always"));
  CHECK(contains(result.err, "x does not apply"));
  CHECK(contains(result.err, std::string(item(1).about).substr(0, 40)));
  CHECK(contains(result.err, "Please type a number from 0 to 4"));
  CHECK(contains(result.err, "(your answer was 1, rarely)"));
  CHECK(contains(result.err, "Statement 4 of 4"));
  // ... and the result on stdout, with bars for the terminal.
  CHECK(contains(result.out, "Your answers"));
  CHECK(contains(result.out, "2 sometimes"));
  CHECK(contains(result.out, "██░░"));
  CHECK(contains(without_returns(result.out), std::string(aa::safety_note()).substr(0, 40)));
  CHECK_FALSE(contains(result.out, "Statement 1 of 4"));
  // The answer after going back replaced the first one.
  const auto records = saved_records(home);
  REQUIRE(records.size() == 1);
  CHECK(values_of(records[0]) == std::vector<int>{3, 2, 4, 0});
}

TEST_CASE("interactive: q before the end prints nothing, saves nothing, exits 1") {
  Home home;
  const auto result = run(check({"--save", "--no-pager"}), home.typing({"3\n", "1\n", "q\n"}));
  CHECK(result.status == 1);
  // The terminal shows only the echo of what was typed: no result.
  CHECK(without_returns(result.out) == "3\n1\nq\n");
  CHECK(contains(result.err, "Stopped: nothing was saved."));
  CHECK_FALSE(std::filesystem::exists(home.data()));
}

TEST_CASE("interactive: Ctrl-D before the end is the same as q") {
  Home home;
  const auto result = run(check({"--save", "--no-pager", "--json"}), home.typing({"3\n", "\x04"}));
  CHECK(result.status == 1);
  CHECK(without_returns(result.out) == "3\n");
  CHECK(contains(result.err, "nothing was saved"));
  CHECK_FALSE(std::filesystem::exists(home.data()));
}

TEST_CASE("interactive: Ctrl-C before the end says nothing was saved and exits 130") {
  Home home;
  const auto result = run(check({"--save", "--no-pager"}), home.typing({"3\n", "\x03"}));
  CHECK(result.status == 130);
  CHECK(contains(result.err, "\nStopped: nothing was saved.\n"));
  CHECK_FALSE(std::filesystem::exists(home.data()));
}

TEST_CASE("--answers on a terminal asks nothing") {
  Home home;
  RunOptions options = home.typing({});
  const auto result = run(check({"--answers", "1,1,1,1", "--no-pager"}), options);
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CHECK(contains(result.out, "Your answers"));
}

TEST_CASE("--save appends one line a result, in a 0700 directory and a 0600 file") {
  Home home;
  const auto first = run(check({"--answers", "3,1,4,0", "--save", "--json"}), home.options());
  CHECK(first.status == 0);
  CHECK(first.err.empty());
  CHECK(run(check({"--answers", "0,0,1,2", "--save"}), home.options()).status == 0);
  CHECK(mode_of(home.data() + "/aa") == 0700);
  CHECK(mode_of(home.history()) == 0600);
  const auto records = saved_records(home);
  REQUIRE(records.size() == 2);
  CHECK(records[0] == nlohmann::json::parse(first.out));  // the record is the JSON result
  CHECK(values_of(records[1]) == std::vector<int>{0, 0, 1, 2});
}

TEST_CASE("save = true in the config keeps every result, a bad config stops before asking") {
  Home home;
  home.dir.write("config/aa/config.toml", "save = true\n");
  CHECK(run(check({"--answers", "1,2,3,4"}), home.options()).status == 0);
  REQUIRE(saved_records(home).size() == 1);
  home.dir.write("config/aa/config.toml", "save = false\n");
  CHECK(run(check({"--answers", "1,2,3,4"}), home.options()).status == 0);
  CHECK(saved_records(home).size() == 1);
  home.dir.write("config/aa/config.toml", "save = \"please\"\n");
  const auto bad = run(check({"--answers", "1,2,3,4"}), home.options());
  check_is_error(bad, 65);
  CHECK(contains(bad.err, "config.toml:1:8: 'save' must be true or false"));
}

TEST_CASE("20 runs saving at once leave 20 whole records") {
  Home home;
  constexpr int runs = 20;
  // Start them all before waiting for any, so that they overlap.
  std::vector<std::string> env_strings = {"XDG_DATA_HOME=" + home.data(), "XDG_CONFIG_HOME=" + home.config(),
                                          "HOME=" + home.dir.path() + "/home", "PATH=/usr/bin:/bin"};
  std::vector<char*> envp;
  for (std::string& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t quiet;
  posix_spawn_file_actions_init(&quiet);
  posix_spawn_file_actions_addopen(&quiet, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&quiet, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<pid_t> children;
  std::vector<std::vector<int>> expected;
  for (int i = 0; i < runs; ++i) {
    const std::vector<int> values = {i % 5, (i / 5) % 5, 4 - i % 5, i % 2};
    expected.push_back(values);
    std::vector<std::string> args = check({"--save", "--answers",
                                           std::to_string(values[0]) + "," + std::to_string(values[1]) + "," +
                                               std::to_string(values[2]) + "," + std::to_string(values[3])});
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, argv[0], &quiet, nullptr, argv.data(), envp.data()) == 0);
    children.push_back(pid);
  }
  posix_spawn_file_actions_destroy(&quiet);
  for (pid_t pid : children) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  const std::string text = slurp(home.history());
  REQUIRE_FALSE(text.empty());
  CHECK(text.back() == '\n');
  std::vector<std::vector<int>> saved;
  for (const std::string& line : lines_of(text)) {
    CAPTURE(line);
    const auto record = nlohmann::json::parse(line);  // throws on a torn or mixed line
    saved.push_back(values_of(record));
  }
  std::sort(saved.begin(), saved.end());
  std::sort(expected.begin(), expected.end());
  CHECK(saved == expected);
}

TEST_CASE("a corrupt history line is reported by number, skipped, and left as it is") {
  Home home;
  CHECK(run(check({"--answers", "3,1,4,0", "--save"}), home.options()).status == 0);
  CHECK(run(check({"--answers", "0,1,2,3", "--save"}), home.options()).status == 0);
  auto lines = lines_of(slurp(home.history()));
  REQUIRE(lines.size() == 2);
  const std::string corrupt = lines[0] + "\n" + "{\"date\": \"2026-01-01\", hand edited\n" + lines[1] + "\n";
  home.dir.write("data/aa/checks.jsonl", corrupt);

  const auto result = run(check({"--history"}), home.options());
  CHECK(result.status == 0);
  CHECK(contains(result.err, "aa-check: warning: " + home.history() + ":2: not a saved result"));
  CHECK(contains(result.err, "skipped"));
  CHECK(aa::test::count_lines(result.err) == 1);
  CHECK(table_of(result.out).size() == 3);  // the header and two records
  const auto json = nlohmann::json::parse(run(check({"--history", "--json"}), home.options()).out)["results"];
  CHECK(json.size() == 2);
  CHECK(slurp(home.history()) == corrupt);  // byte for byte

  // Saving more keeps the line too.
  CHECK(run(check({"--answers", "1,1,1,1", "--save"}), home.options()).status == 0);
  CHECK(slurp(home.history()).starts_with(corrupt));
}

TEST_CASE("an unwritable data directory: the result is still printed, the error says where, exit 74") {
  Home home;
  const std::string not_a_dir = home.dir.write("file-not-dir", "");
  RunOptions options = home.options();
  options.env["XDG_DATA_HOME"] = not_a_dir;
  const auto result = run(check({"--answers", "3,1,4,0", "--save"}), options);
  CHECK(result.status == 74);
  CHECK(contains(result.out, "Your answers"));
  CHECK(result.out.ends_with(std::string(aa::safety_note()) + "\n"));
  CHECK(result.err.starts_with("aa-check: error: cannot save your result to " + not_a_dir + "/aa/checks.jsonl: "));
  CHECK(aa::test::count_lines(result.err) == 1);
  CHECK(slurp(not_a_dir).empty());
}

TEST_CASE("with neither XDG_DATA_HOME nor HOME, saving fails clearly") {
  Home home;
  RunOptions options = home.options();
  options.env["XDG_DATA_HOME"] = std::nullopt;
  options.env["HOME"] = std::nullopt;
  const auto saving = run(check({"--answers", "3,1,4,0", "--save"}), options);
  CHECK(saving.status == 74);
  CHECK(contains(saving.out, "Your answers"));
  CHECK(contains(saving.err, "neither XDG_DATA_HOME nor HOME is set"));
  check_is_error(run(check({"--history"}), options), 74);
  // Without --save, no home is needed.
  CHECK(run(check({"--answers", "3,1,4,0"}), options).status == 0);
}

TEST_CASE("--history: a table by date in a pipe, sparklines on a terminal, records as JSON") {
  Home home;
  CHECK(run(check({"--answers", "3,1,4,0", "--save"}), home.options()).status == 0);
  CHECK(run(check({"--answers", "1,2,3,4", "--save"}), home.options()).status == 0);
  const std::string today = aa::format_iso_date(aa::local_today());

  const auto table = run(check({"--history"}), home.options());
  CHECK(table.status == 0);
  CHECK(table.err.empty());
  const auto rows = table_of(table.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == "id        date              dependence  overanalysing  space  change  total");
  CHECK(rows[1].substr(10).starts_with(today));
  CHECK(rows[1].ends_with("3           1              4      0       8/16"));
  CHECK(rows[2].ends_with("1           2              3      4       10/16"));
  CHECK_FALSE(contains(table.out, "▁"));

  const auto terminal = run(check({"--history", "--no-pager", "--color=never"}), home.typing({}));
  CHECK(terminal.status == 0);
  CHECK(contains(terminal.out, "Over time, oldest to newest"));
  CHECK(contains(terminal.out, std::string(item(0).sign)));
  CHECK(contains(terminal.out, "▆▂"));  // dependence: 3 then 1
  CHECK(contains(terminal.out, "▁█"));  // change: 0 then 4

  const auto json = nlohmann::json::parse(run(check({"--history", "--format", "json"}), home.options()).out)["results"];
  REQUIRE(json.size() == 2);
  CHECK(values_of(json[0]) == std::vector<int>{3, 1, 4, 0});
  CHECK(values_of(json[1]) == std::vector<int>{1, 2, 3, 4});
  CHECK(json[1]["stand_out"] == nlohmann::json{"space", "change"});
}

TEST_CASE("--history with nothing saved is exit 1, as nothing to show is") {
  Home home;
  const auto text = run(check({"--history"}), home.options());
  CHECK(text.status == 1);
  CHECK(text.out.empty());
  CHECK(text.err == "aa-check: error: no saved results yet; 'aa-check --save' keeps one\n");
  const auto json = run(check({"--history", "--json"}), home.options());
  CHECK(json.status == 1);
  CHECK(nlohmann::json::parse(json.out)["results"] == nlohmann::json::array());
  CHECK(nlohmann::json::parse(json.out)["summary"]["count"] == 0);
  CHECK_FALSE(std::filesystem::exists(home.data()));  // reading creates nothing
}

TEST_CASE("--forget: refuses without confirmation when stdin is not a terminal") {
  Home home;
  CHECK(run(check({"--answers", "3,1,4,0", "--save"}), home.options()).status == 0);
  const std::string before = slurp(home.history());
  const auto refused = run(check({"--forget"}), home.with_stdin("y\n"));
  check_is_error(refused, 2);
  CHECK(contains(refused.err, "--yes"));
  CHECK(slurp(home.history()) == before);
}

TEST_CASE("--forget --yes deletes the history") {
  Home home;
  CHECK(run(check({"--answers", "3,1,4,0", "--save"}), home.options()).status == 0);
  const auto result = run(check({"--forget", "--yes"}), home.options());
  CHECK(result.status == 0);
  CHECK(contains(result.out, "Deleted"));
  CHECK_FALSE(std::filesystem::exists(home.history()));
  const auto again = run(check({"--forget", "--yes"}), home.options());
  CHECK(again.status == 0);
  CHECK(contains(again.out, "no saved results"));
}

TEST_CASE("--forget on a terminal asks, and only yes deletes") {
  Home home;
  CHECK(run(check({"--answers", "3,1,4,0", "--save"}), home.options()).status == 0);
  const auto declined = run(check({"--forget"}), home.typing({"n\n"}));
  CHECK(declined.status == 1);
  CHECK(contains(declined.err, "(1 saved result)? This cannot be undone. [y/N]"));
  CHECK(contains(declined.err, "Nothing was deleted"));
  CHECK(std::filesystem::exists(home.history()));
  const auto confirmed = run(check({"--forget"}), home.typing({"y\n"}));
  CHECK(confirmed.status == 0);
  CHECK_FALSE(std::filesystem::exists(home.history()));
}

TEST_CASE("options that do not go together are usage errors") {
  Home home;
  check_is_error(run(check({"--items", "--save"}), home.options()), 2);
  check_is_error(run(check({"--history", "--answers", "1,1,1,1"}), home.options()), 2);
  check_is_error(run(check({"--yes"}), home.options()), 2);
  check_is_error(run(check({"--format", "fortune", "--answers", "1,1,1,1"}), home.options()), 2);
}

TEST_CASE("a full disk is a write error") {
  Home home;
  const auto result =
      run({"/bin/sh", "-c", "exec \"$0\" --answers 1,1,1,1 > /dev/full", command("aa-check")}, home.options());
  CHECK(result.status == 74);
  CHECK(contains(result.err, "aa-check: error: write error: No space left on device"));
}

TEST_CASE("--help and --version") {
  const auto help = run(check({"--help"}));
  CHECK(help.status == 0);
  for (const char* option : {"--answers", "--items", "--save", "--history", "--forget", "--yes", "--format"}) {
    CHECK(contains(help.out, option));
  }
  const auto version = run(check({"--version"}));
  CHECK(version.status == 0);
  CHECK(version.out.starts_with("aa-check "));
}

// ---------------------------------------------------------------------------
// --history over history files written by hand (or by someone else): text
// from the file is escaped, and the cost stays linear in the file.
namespace {

// One history line, as aa-check --save writes it.
std::string history_line(const std::string& date, const std::string& id, const std::string& sign, int value) {
  nlohmann::json record = {{"date", date},
                           {"answers", nlohmann::json::array({{{"id", id}, {"sign", sign}, {"value", value}}})},
                           {"total", value},
                           {"max", 4},
                           {"stand_out", nlohmann::json::array()},
                           {"read_next", nlohmann::json::array()}};
  return record.dump() + "\n";
}

// Writes `text` as the history file, private as aa-check keeps it.
void write_history(const Home& home, const std::string& text) { aa::test::write_private_file(home.history(), text); }

}  // namespace

TEST_CASE("--history escapes control sequences that a history file holds, in a pipe and on a terminal") {
  Home home;
  // An OSC sequence would retitle the terminal; U+202E would reverse the line.
  // Twice: a terminal shows the signs' names with their trend, and one result is no trend.
  const std::string line = history_line("2026-03-01", "id\x1b]0;pwned\x07", "Sign\x1b]2;retitled\x07\u202e", 3);
  write_history(home, line + line);
  const auto piped = run(check({"--history"}), home.options());
  CHECK(piped.status == 0);
  CHECK(piped.err.empty());
  CHECK(contains(piped.out, "id\\x1b]0;pwned\\x07"));
  const auto terminal = run(check({"--history", "--no-pager", "--color=always"}), home.typing({}));
  CHECK(terminal.status == 0);
  CHECK(contains(terminal.out, "Sign\\x1b]2;retitled\\x07\\u{202e}"));
  for (const auto* out : {&piped.out, &terminal.out}) {
    CHECK_FALSE(contains(*out, "\x1b]"));
    CHECK_FALSE(contains(*out, "\x07"));
    CHECK_FALSE(contains(*out, "\u202e"));
  }
}

TEST_CASE("--history over thousands of records that each name a different sign shows a bounded table") {
  Home home;
  // With a column for every sign this is a table of 64 million cells.
  std::string text;
  for (int i = 0; i < 8000; ++i) text += history_line("2026-03-01", "sign-" + std::to_string(i), "A sign", i % 5);
  write_history(home, text);
  const auto result = run(check({"--history"}), home.options());
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  const auto rows = table_of(result.out);
  REQUIRE(rows.size() == 8002);
  // Old records without ids get ids derived from their lines: 8 digits, then the date.
  CHECK(rows[0].substr(10) ==
        "date        sign-7999  sign-7998  sign-7997  sign-7996  sign-7995  sign-7994  sign-7993  "
        "sign-7992  total");
  CHECK(aa::is_record_id(rows[8000].substr(0, 8)));
  CHECK(rows[8000].substr(10) ==
        "2026-03-01  4          -          -          -          -          -          -          "
        "-          4/4");
  CHECK(rows[8001] == "(8 of the 8000 signs in these results are shown; the JSON output has them all.)");
  const auto json = nlohmann::json::parse(run(check({"--history", "--json"}), home.options()).out)["results"];
  CHECK(json.size() == 8000);
}

namespace {

// Every line of `text` (a terminal's, with its \r) fits in `columns`.
void fits(const std::string& text, std::size_t columns) {
  for (const std::string& line : lines_of(without_returns(text))) {
    CAPTURE(line);
    CHECK(aa::display_width(line) <= columns);
  }
}

// `text` with its line breaks made spaces: what wrapping does not change.
std::string flat(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// The pid of this process's running child named `name`, or 0.
pid_t child_named(const std::string& name) {
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string stat = slurp(entry.path().string() + "/stat");
    const std::size_t open = stat.find('('), close = stat.rfind(')');
    if (open == std::string::npos || close == std::string::npos || stat.substr(open + 1, close - open - 1) != name) {
      continue;
    }
    std::istringstream rest(stat.substr(close + 2));
    char state = 0;
    pid_t parent = 0;
    rest >> state >> parent;
    if (parent == ::getpid()) return static_cast<pid_t>(std::stoi(entry.path().filename().string()));
  }
  return 0;
}

}  // namespace

TEST_CASE("interactive at 40 and 80 columns: the prompts, the scale and the result fit, no point of the scale split") {
  for (const unsigned short columns : {40, 80}) {
    CAPTURE(columns);
    Home home;
    RunOptions options = home.typing({"3\n", "1\n", "4\n", "0\n"});
    options.columns = columns;
    const auto result = run(check({"--no-pager", "--color=never"}), options);
    CHECK(result.status == 0);
    fits(result.err, columns);
    fits(result.out, columns);
    for (const std::string& line : lines_of(result.err)) {
      // No line starts or ends inside a point of the scale ("3 o/ften").
      CHECK_FALSE(line.ends_with(" 3"));
      CHECK_FALSE(line.starts_with("ften"));
    }
    CHECK(contains(result.err, "3 often"));
    CHECK(contains(result.err, "4 almost always"));
    CHECK(contains(without_returns(result.out), "4 almost always"));
  }
}

TEST_CASE("interactive: the introduction says nothing is saved unless asked, and what --save does") {
  Home home;
  const auto plain = run(check({"--no-pager"}), home.typing({"q\n"}));
  CHECK(contains(flat(plain.err), "Nothing is saved"));
  CHECK_FALSE(contains(plain.err, "until you finish"));
  const auto saving = run(check({"--no-pager", "--save"}), home.typing({"q\n"}));
  CHECK(contains(flat(saving.err), "the result is saved in your private history"));
  CHECK_FALSE(std::filesystem::exists(home.history()));
}

TEST_CASE("interactive: after b, Enter keeps the earlier answer that is shown") {
  Home home;
  const auto result = run(check({"--save", "--no-pager"}), home.typing({"3\n", "1\n", "b\n", "\n", "4\n", "0\n"}));
  CHECK(result.status == 0);
  CHECK(contains(result.err, "(your answer was 1, rarely): press Enter to keep it"));
  const auto records = saved_records(home);
  REQUIRE(records.size() == 1);
  CHECK(values_of(records[0]) == std::vector<int>{3, 1, 4, 0});
}

TEST_CASE("interactive: after Ctrl-Z and fg (SIGSTOP, SIGCONT), the question is shown again") {
  Home home;
  // Empty keys only wait: time to stop and continue it before answering.
  std::vector<std::string> keys(12, "");
  for (const char* key : {"3\n", "1\n", "4\n", "0\n"}) keys.emplace_back(key);
  RunResult result;
  std::thread running([&] { result = run(check({"--no-pager"}), home.typing(keys)); });
  pid_t pid = 0;
  for (int tries = 0; tries < 100 && pid == 0; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    pid = child_named("aa-check");
  }
  if (pid != 0) {
    // Until it waits for the first answer (read(2) on stdin, as the kernel
    // tells), however slow the machine is: a stop before that is no test.
    for (int tries = 0; tries < 500 && !aa::test::slurp(fmt::format("/proc/{}/syscall", pid)).starts_with("0 0x0 ");
         ++tries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(pid, SIGSTOP);
    // Until the kernel has stopped it ("T" in /proc/PID/stat), then on again.
    const std::string stat = fmt::format("/proc/{}/stat", pid);
    for (int tries = 0; tries < 500 && aa::test::slurp(stat).find(") T ") == std::string::npos; ++tries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(aa::test::slurp(stat).find(") T ") != std::string::npos);
    ::kill(pid, SIGCONT);
  }
  running.join();
  REQUIRE(pid != 0);
  CHECK(result.status == 0);
  // Asked once for each of the four statements, and once more after fg.
  std::size_t asked = 0;
  for (std::size_t at = result.err.find("How often"); at != std::string::npos;
       at = result.err.find("How often", at + 1)) {
    ++asked;
  }
  CHECK(asked == 5);
  CHECK(result.err.find("Statement 1 of 4") != result.err.rfind("Statement 1 of 4"));
}

TEST_CASE("--answers and stdin take the prompt's words and initials") {
  Home home;
  const auto digits = run(check({"--answers", "3,1,4,0", "--json"}), home.options());
  const auto initials = run(check({"--answers", "o,r,a,n", "--json"}), home.options());
  CHECK(initials.status == 0);
  using aa::test::without_clock_time;
  CHECK(without_clock_time(initials.out) == without_clock_time(digits.out));
  const auto words = run(check({"--json"}), home.with_stdin("Often\nrarely\nalmost always\nnever\n"));
  CHECK(words.status == 0);
  CHECK(without_clock_time(words.out) == without_clock_time(digits.out));
  const auto bad = run(check({"--answers", "o,r,z,n"}), home.options());
  check_is_error(bad, 2);
  CHECK(contains(bad.err, "a word or its first letter"));
}

TEST_CASE("messages about the answers say statements, not items") {
  Home home;
  const auto few = run(check({"--answers", "1,1"}), home.options());
  check_is_error(few, 2);
  CHECK(contains(few.err, "'aa-check --items' lists the statements in order"));
  const auto many = run(check({"--answers", "1,1,1,1,1"}), home.options());
  check_is_error(many, 2);
  CHECK(contains(many.err, "one per statement"));
  CHECK_FALSE(contains(many.err, "per item"));
  CHECK_FALSE(contains(few.err, "items in order"));
}

TEST_CASE("on a terminal the safety note comes first, before the ratings, in a pipe, last") {
  Home home;
  RunOptions options = home.typing({});
  options.columns = 200;  // the note on one line, to find it whole
  const auto terminal = run(check({"--answers", "3,1,4,0", "--no-pager", "--color=never"}), options);
  CHECK(terminal.status == 0);
  const std::string out = without_returns(terminal.out);
  const std::string note(aa::safety_note());
  REQUIRE(out.find(note.substr(0, 40)) != std::string::npos);
  CHECK(out.find(note.substr(0, 40)) < out.find("Your answers"));
  const auto piped = run(check({"--answers", "3,1,4,0"}), home.options());
  CHECK(piped.out.ends_with(note + "\n"));
}

TEST_CASE("--forget on a terminal: the path on its own line, the question whole at 80 and wrapped at 40") {
  for (const unsigned short columns : {40, 80}) {
    CAPTURE(columns);
    Home home;
    CHECK(run(check({"--answers", "3,1,4,0", "--save"}), home.options()).status == 0);
    RunOptions options = home.typing({"n\n"});
    options.columns = columns;
    const auto declined = run(check({"--forget"}), options);
    CHECK(declined.status == 1);
    // The path, however long, has a line of its own.
    CHECK(contains(declined.err, "Your saved results are in\n  " + home.history() + "\n"));
    CHECK(contains(declined.err, columns == 80 ? "\nDelete them (1 saved result)? This cannot be undone. [y/N] "
                                               : "\nDelete them (1 saved result)? This\ncannot be undone. [y/N] "));
  }
}

TEST_CASE("--history at 40 and 80 columns: every line fits, one result shows no trend") {
  Home home;
  CHECK(run(check({"--answers", "3,1,4,0", "--save"}), home.options()).status == 0);
  for (const unsigned short columns : {40, 80}) {
    CAPTURE(columns);
    RunOptions options = home.typing({});
    options.columns = columns;
    const auto one = run(check({"--history", "--no-pager", "--color=never"}), options);
    CHECK(one.status == 0);
    fits(one.out, columns);
    CHECK_FALSE(contains(one.out, "Over time"));
    CHECK(contains(one.out, "8/16"));
  }
  CHECK(run(check({"--answers", "1,2,3,4", "--save"}), home.options()).status == 0);
  for (const unsigned short columns : {40, 80}) {
    CAPTURE(columns);
    RunOptions options = home.typing({});
    options.columns = columns;
    const auto two = run(check({"--history", "--no-pager", "--color=never"}), options);
    fits(two.out, columns);
    CHECK(contains(two.out, "Over time, oldest to newest"));
  }
  // The pipe keeps the table, whatever the width.
  const auto piped = run(check({"--history", "--width", "30"}), home.options());
  CHECK(piped.out.starts_with("id        date              dependence"));
}

TEST_CASE("a check taken at the terminal and not saved ends with the command that saves the same answers") {
  for (const unsigned short columns : {60, 100, 160}) {
    CAPTURE(columns);
    Home home;
    RunOptions options = home.typing({"2\n", "x\n", "1\n", "0\n"});
    options.columns = columns;
    const auto asked = run(check({"--no-pager", "--color=never"}), options);
    CHECK(asked.status == 0);
    const std::string out = without_returns(asked.out);
    CHECK(out.ends_with("\nTo save it: aa-check --save --answers 2,x,1,0\n"));
    fits(asked.out, columns);
    CHECK_FALSE(std::filesystem::exists(home.history()));
  }
  Home home;
  // Given with --answers at the terminal: the same.
  const auto given = run(check({"--answers", "o,r,a,n", "--no-pager", "--color=never"}), home.typing({}));
  CHECK(without_returns(given.out).ends_with("\nTo save it: aa-check --save --answers 3,1,4,0\n"));
  // And the command it gives does save those answers.
  REQUIRE(run(check({"--save", "--answers", "3,1,4,0"}), home.options()).status == 0);
  CHECK(contains(slurp(home.history()), "\"value\":4"));
  // Saved already (by the option or the config): nothing to say.
  const auto saved = run(check({"--answers", "3,1,4,0", "--save", "--no-pager"}), home.typing({}));
  CHECK_FALSE(contains(saved.out, "To save it"));
  // Never in a pipe, never with --json, even at a terminal.
  CHECK_FALSE(contains(run(check({"--answers", "3,1,4,0"}), home.options()).out, "To save it"));
  CHECK_FALSE(contains(run(check({}), home.with_stdin("3,1,4,0\n")).out, "To save it"));
  const auto json = run(check({"--answers", "3,1,4,0", "--json", "--no-pager"}), home.typing({}));
  CHECK_FALSE(contains(json.out, "To save it"));
  CHECK(nlohmann::json::parse(without_returns(json.out))["total"] == 8);
  // Markdown at a terminal: the command as code.
  const auto markdown = run(check({"--answers", "3,1,4,0", "--format", "markdown", "--no-pager"}), home.typing({}));
  CHECK(without_returns(markdown.out).ends_with("\nTo save it: `aa-check --save --answers 3,1,4,0`\n"));
}

TEST_CASE("a result's time reads YYYY-MM-DD HH:MM in local time: the result, the table, --delete") {
  Home home;
  RunOptions utc = home.options();
  utc.env["TZ"] = "UTC0";
  const auto result = run(check({"--answers", "3,1,4,0", "--save"}), utc);
  const std::vector<nlohmann::json> records = saved_records(home);
  REQUIRE(records.size() == 1);
  const std::string time = records[0]["time"];  // as stored: 2026-12-07T09:35:12+00:00
  const std::string shown = time.substr(0, 10) + " " + time.substr(11, 5);
  CHECK(contains(result.out, "Your answers, " + shown + "\n"));
  CHECK(contains(run(check({"--history"}), utc).out, "  " + shown + "  "));
  const auto markdown = run(check({"--history", "--format", "markdown"}), utc);
  CHECK(contains(markdown.out, "| " + shown + " |"));
  CHECK_FALSE(contains(markdown.out, time));
  RunOptions typing = home.typing({"n\n"});
  typing.env["TZ"] = "UTC0";
  const auto declined = run(check({"--delete", records[0]["id"]}), typing);
  CHECK(declined.status == 1);
  CHECK(contains(declined.err, " of " + shown + ", total 8 of 16"));
  CHECK_FALSE(contains(declined.err, time));
  const auto deleted = run(check({"--delete", records[0]["id"], "--yes"}), utc);
  CHECK(deleted.out == "Deleted the saved result " + records[0]["id"].get<std::string>() + " of " + shown + ".\n");
}
