// SPDX-License-Identifier: MIT
// aa-check's history flows, end to end: notes, ids, --delete, --import,
// --last/--from/--to, the summary, the comparison with the last result, and
// the store under several runs at once. Every test keeps its data in a
// temporary directory.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "aa/check_json.hpp"
#include "files.hpp"
#include "home.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::slurp;

namespace {

std::vector<std::string> check(std::vector<std::string> args) {
  args.insert(args.begin(), command("aa-check"));
  return args;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct Home : aa::test::PrivateHome {
  std::string history() const { return data() + "/aa/checks.jsonl"; }
  nlohmann::json results() const {
    const auto shown = run(check({"--history", "--json"}), options());
    REQUIRE(shown.status == 0);
    return nlohmann::json::parse(shown.out)["results"];
  }
  void save(const std::string& answers, std::vector<std::string> more = {}) const {
    std::vector<std::string> args = {"--answers", answers, "--save"};
    args.insert(args.end(), more.begin(), more.end());
    const auto saved = run(check(args), options());
    REQUIRE(saved.status == 0);
  }
};

// A record as versions before ids, times and notes wrote it.
std::string old_line(const std::string& date, int value) {
  const nlohmann::json record = {
      {"date", date},
      {"answers", nlohmann::json::array({{{"id", "dependence"}, {"sign", "Emotional dependence"}, {"value", value}},
                                         {{"id", "space"}, {"sign", "Fear of space"}, {"value", 4 - value}}})},
      {"total", 4},
      {"max", 8},
      {"stand_out", nlohmann::json::array()},
      {"read_next", nlohmann::json::array()}};
  return record.dump() + "\n";
}

void write_history(const Home& home, const std::string& text) { aa::test::write_private_file(home.history(), text); }

// Starts `args` with the home's data directory, output thrown away; returns its pid.
pid_t start(const Home& home, const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::setenv("XDG_DATA_HOME", home.data().c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (home.dir.path() + "/config").c_str(), 1);
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<std::string> strings = args;
    std::vector<char*> argv;
    for (std::string& arg : strings) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

int finish(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TEST_CASE("a saved result has an id, the local time with its offset, and the note given") {
  Home home;
  RunOptions options = home.options();
  options.env["TZ"] = "<+0530>-5:30";
  const auto saved = run(check({"-a", "3,1,4,0", "--save", "--note", "after a calm week — mostly"}), options);
  CHECK(saved.status == 0);
  const auto results = home.results();
  REQUIRE(results.size() == 1);
  CHECK(aa::is_record_id(results[0]["id"].get<std::string>()));
  const std::string time = results[0]["time"];
  CHECK(time.ends_with("+05:30"));
  CHECK(time.starts_with(results[0]["date"].get<std::string>()));
  CHECK(results[0]["note"] == "after a calm week — mostly");
  const auto table = run(check({"--history"}), home.options());
  CHECK(contains(table.out, "after a calm week — mostly"));
  CHECK(contains(table.out, results[0]["id"].get<std::string>()));
}

TEST_CASE("--note is refused without saving, and when it is not one line of text") {
  Home home;
  const auto unsaved = run(check({"-a", "3,1,4,0", "--note", "hello"}), home.options());
  CHECK(unsaved.status == 2);
  CHECK(contains(unsaved.err, "--note is kept with a saved result: add --save"));
  for (const std::string& bad : {std::string("two\nlines"), std::string("bell\x07"), std::string("\xe2\x80\xae"),
                                 std::string(501, 'x'), std::string("   ")}) {
    const auto refused = run(check({"-a", "3,1,4,0", "--save", "--note", bad}), home.options());
    CHECK(refused.status == 2);
  }
  CHECK_FALSE(std::filesystem::exists(home.history()));
  // With save = true in the config, a note needs no --save.
  std::filesystem::create_directories(home.dir.path() + "/config/aa");
  home.dir.write("config/aa/config.toml", "save = true\n");
  CHECK(run(check({"-a", "3,1,4,0", "--note", "kept"}), home.options()).status == 0);
  CHECK(home.results()[0]["note"] == "kept");
}

TEST_CASE("after a saved check, one line compares it with the last one") {
  Home home;
  const auto first = run(check({"-a", "3,1,4,0", "--save"}), home.options());
  CHECK_FALSE(contains(first.out, "Since your last check"));
  const auto second = run(check({"-a", "1,1,4,2", "--save"}), home.options());
  CHECK(contains(second.out, "Since your last check ("));
  CHECK(contains(second.out, "total 8 → 8; lower: Emotional dependence; higher: Extreme sensitivity to change."));
  // JSON stays one document.
  const auto json = run(check({"-a", "1,1,4,2", "--save", "--json"}), home.options());
  CHECK(nlohmann::json::parse(json.out)["total"] == 8);
  CHECK(contains(run(check({"-a", "1,1,4,2", "--save"}), home.options()).out, "every sign is where it was"));
}

TEST_CASE("old records read, with derived ids, and --last, --from and --to choose what is shown") {
  Home home;
  write_history(home, old_line("2026-01-05", 4) + old_line("2026-02-10", 3) + old_line("2026-03-15", 1) +
                          old_line("2026-04-20", 0));
  const auto all = home.results();
  REQUIRE(all.size() == 4);
  std::set<std::string> ids;
  for (const auto& record : all) {
    CHECK(aa::is_record_id(record["id"].get<std::string>()));
    CHECK(record["time"].is_null());
    ids.insert(record["id"]);
  }
  CHECK(ids.size() == 4);
  CHECK(home.results() == all);  // the same ids every time

  const auto ranged = run(check({"--history", "--from", "2026-02-10", "--to", "2026-03-15", "--json"}), home.options());
  const auto ranged_json = nlohmann::json::parse(ranged.out);
  REQUIRE(ranged_json["results"].size() == 2);
  CHECK(ranged_json["results"][0]["date"] == "2026-02-10");
  CHECK(ranged_json["summary"]["trend"] == false);
  CHECK(ranged_json["summary"]["total"].is_null());
  CHECK(ranged_json["summary"]["signs"][0]["average"] == 2.0);

  const auto last = nlohmann::json::parse(run(check({"--history", "-n", "3", "--json"}), home.options()).out);
  REQUIRE(last["results"].size() == 3);
  CHECK(last["results"][0]["date"] == "2026-02-10");
  CHECK(last["summary"]["trend"] == true);
  CHECK(last["summary"]["signs"][0]["first"] == 3);
  CHECK(last["summary"]["signs"][0]["latest"] == 0);
  CHECK(last["summary"]["signs"][0]["average"] == 1.3);

  const auto text = run(check({"--history", "-n", "3"}), home.options());
  CHECK(contains(text.out, "Summary: 3 results, from 2026-02-10 to 2026-04-20"));
  CHECK(contains(text.out, "First against latest: total 4 → 4"));
  CHECK(contains(text.out, "3 → 0  average 1.3"));
  const auto two = run(check({"--history", "-n", "2"}), home.options());
  CHECK(contains(two.out, "A trend needs 3 results or more"));
  CHECK_FALSE(contains(two.out, "First against latest"));
  const auto markdown = run(check({"--history", "--format", "markdown"}), home.options());
  CHECK(contains(markdown.out, "## Summary"));
  CHECK(contains(markdown.out, "| Sign | First | Latest | Average |"));

  const auto none = run(check({"--history", "--from", "2027-01-01"}), home.options());
  CHECK(none.status == 0);
  CHECK(contains(none.out, "No saved results in that range"));
  CHECK(run(check({"--history", "--from", "2026-03-01", "--to", "2026-02-01"}), home.options()).status == 2);
  CHECK(run(check({"--history", "--from", "2026-02-30"}), home.options()).status == 2);
  CHECK(run(check({"--from", "2026-02-01"}), home.options()).status == 2);  // only with --history
}

TEST_CASE("--delete removes one record by its id or a unique start, and nothing else") {
  Home home;
  const std::string old = old_line("2026-01-05", 4) + "not a record, edited by hand\n";
  write_history(home, old);
  home.save("3,1,4,0");
  home.save("1,1,1,1");
  const auto before = home.results();
  REQUIRE(before.size() == 3);
  const std::string target = before[1]["id"];

  const auto refused = run(check({"--delete", target}), home.options());
  CHECK(refused.status == 2);
  CHECK(contains(refused.err, "add --yes"));

  const auto unknown = run(check({"--delete", "zzzzzzzz", "--yes"}), home.options());
  CHECK(unknown.status == 1);
  CHECK(contains(unknown.err, "no saved result 'zzzzzzzz'"));
  CHECK(contains(unknown.err, "'aa-check --history' lists them"));

  const auto deleted = run(check({"--delete", target.substr(0, 6), "--yes"}), home.options());
  CHECK(deleted.status == 0);
  CHECK(contains(deleted.out, "Deleted the saved result " + target));
  const auto after = home.results();
  REQUIRE(after.size() == 2);
  CHECK(after[0] == before[0]);  // the old record keeps its derived id
  CHECK(after[1] == before[2]);
  CHECK(slurp(home.history()).starts_with(old));  // the other lines, byte for byte
  CHECK(aa::test::mode_of(home.history()) == 0600);
  CHECK(std::filesystem::directory_iterator(home.data() + "/aa")->path().filename() == "checks.jsonl");
}

TEST_CASE("--delete on a terminal asks, and only yes deletes") {
  Home home;
  home.save("3,1,4,0", {"--note", "a note to recognise it"});
  const std::string id = home.results()[0]["id"];
  const auto declined = run(check({"--delete", id}), home.typing({"n\n"}));
  CHECK(declined.status == 1);
  CHECK(contains(declined.out + declined.err, "a note to recognise it"));
  CHECK(contains(declined.out + declined.err, "Nothing was deleted"));
  CHECK(home.results().size() == 1);
  const auto confirmed = run(check({"--delete", id}), home.typing({"y\n"}));
  CHECK(confirmed.status == 0);
  CHECK(home.results().empty());
}

TEST_CASE("--import adds what is new, skips what is there, and refuses a bad export whole") {
  Home from;
  write_history(from, old_line("2026-01-05", 4));
  from.save("3,1,4,0", {"--note", "moved over"});
  from.save("1,1,1,1");
  const std::string exported = run(check({"--history", "--json"}), from.options()).out;

  Home to;
  to.save("2,2,2,2");
  const std::string file = to.dir.write("export.json", exported);
  const auto imported = run(check({"--import", file}), to.options());
  CHECK(imported.status == 0);
  CHECK(imported.out == "Imported 3 results.\n");
  const auto again = run(check({"--import", "-"}), to.with_stdin(exported));
  CHECK(again.status == 0);
  CHECK(again.out == "Imported 0 results, skipped 3 already there.\n");
  const auto results = to.results();
  REQUIRE(results.size() == 4);
  // Ids are kept, the old record's derived one included.
  const auto source = nlohmann::json::parse(exported)["results"];
  for (std::size_t i = 0; i < 3; ++i) CHECK(results[i + 1] == source[i]);

  auto bad = nlohmann::json::parse(exported);
  bad["results"][2]["answers"][0]["value"] = 9;
  const std::string before = slurp(to.history());
  Home fresh;
  const auto refused = run(check({"--import", "-"}), fresh.with_stdin(bad.dump()));
  CHECK(refused.status == 65);
  CHECK(contains(refused.err, "stdin: result 3: answer 1: 'value' is not from 0 to 4; nothing was imported"));
  CHECK_FALSE(std::filesystem::exists(fresh.history()));
  CHECK(run(check({"--import", "-"}), to.with_stdin("not json")).status == 65);
  CHECK(slurp(to.history()) == before);
  CHECK(run(check({"--import", to.dir.path() + "/missing.json"}), to.options()).status == 2);
  CHECK(run(check({"--import", to.dir.path()}), to.options()).status == 74);  // a directory
}

TEST_CASE("twenty saves at once give twenty whole records with twenty ids") {
  Home home;
  std::vector<pid_t> runs;
  for (int i = 0; i < 20; ++i)
    runs.push_back(start(home, check({"-a", "3,1,4,0", "--save", "--note", std::to_string(i)})));
  for (pid_t pid : runs) CHECK(finish(pid) == 0);
  const auto results = home.results();
  REQUIRE(results.size() == 20);
  std::set<std::string> ids;
  std::set<std::string> notes;
  for (const auto& record : results) {
    ids.insert(record["id"]);
    notes.insert(record["note"]);
  }
  CHECK(ids.size() == 20);
  CHECK(notes.size() == 20);
}

TEST_CASE("a deletion while other runs save loses none of their records") {
  Home home;
  for (int i = 0; i < 30; ++i) home.save("1,1,1,1", {"--note", "old " + std::to_string(i)});
  const auto before = home.results();
  std::vector<pid_t> savers;
  for (int i = 0; i < 10; ++i)
    savers.push_back(start(home, check({"-a", "2,2,2,2", "--save", "--note", "new " + std::to_string(i)})));
  std::vector<pid_t> deleters;
  for (int i = 0; i < 10; ++i) deleters.push_back(start(home, check({"--delete", before[i]["id"], "--yes"})));
  for (pid_t pid : savers) CHECK(finish(pid) == 0);
  for (pid_t pid : deleters) CHECK(finish(pid) == 0);
  const auto after = home.results();
  CHECK(after.size() == 30);
  std::set<std::string> notes;
  for (const auto& record : after) notes.insert(record["note"]);
  for (int i = 0; i < 10; ++i) {
    CHECK(notes.count("new " + std::to_string(i)) == 1);
    CHECK(notes.count("old " + std::to_string(i)) == 0);
  }
  for (int i = 10; i < 30; ++i) CHECK(notes.count("old " + std::to_string(i)) == 1);
}
