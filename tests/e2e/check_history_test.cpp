// SPDX-License-Identifier: MIT
// aa-check's history flows, end to end: notes, ids, --delete, --import,
// --last/--from/--to, the summary, the comparison with the last result, and
// the store under several runs at once. Every test keeps its data in a
// temporary directory.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "aa/core/check_json.hpp"
#include "aa/core/date.hpp"
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
    nlohmann::json results = nlohmann::json::parse(shown.out)["results"];
    // Nothing to show is exit 1, as grep's, with the document all the same.
    REQUIRE(shown.status == (results.empty() ? 1 : 0));
    return results;
  }
  void save(const std::string& answers, std::vector<std::string> more = {}) const {
    std::vector<std::string> args = {"--answers", answers, "--save"};
    args.insert(args.end(), more.begin(), more.end());
    const auto saved = run(check(args), options());
    REQUIRE(saved.status == 0);
  }
};

// A record as versions before ids, times and notes wrote it, of a
// checklist of two statements, scored as the built-in checklist scores them.
std::string old_line(const std::string& date, int value) {
  nlohmann::json record = {
      {"date", date},
      {"answers", nlohmann::json::array({{{"id", "dependence"}, {"sign", "Emotional dependence"}, {"value", value}},
                                         {{"id", "space"}, {"sign", "Fear of space"}, {"value", 4 - value}}})},
      {"total", 4},
      {"max", 8},
      {"stand_out", nlohmann::json::array()},
      {"read_next", nlohmann::json::array()}};
  if (value >= 3) {
    record["stand_out"] = nlohmann::json::array({"dependence"});
    record["read_next"] = nlohmann::json::array({"strategies", "calming", "support"});
  } else if (value <= 1) {
    record["stand_out"] = nlohmann::json::array({"space"});
    record["read_next"] = nlohmann::json::array({"secure", "strategies", "safety"});
  }
  return record.dump() + "\n";
}

// The result of `answers` as aa-check scores it, given the time `time`
// (and its date), or none as versions before times did.
nlohmann::json scored(const Home& home, const std::string& answers, const std::string& time,
                      const std::string& note = "") {
  const auto result = run(check({"--answers", answers, "--json"}), home.options());
  REQUIRE(result.status == 0);
  nlohmann::json record = nlohmann::json::parse(result.out);
  record["date"] = time.substr(0, 10);
  record["time"] = time.size() > 10 ? nlohmann::json(time) : nlohmann::json(nullptr);
  if (!note.empty()) record["note"] = note;
  return record;
}

std::string export_of(const std::vector<nlohmann::json>& records) {
  return nlohmann::json{{"results", records}}.dump(2) + "\n";
}

std::vector<std::string> notes_of(const nlohmann::json& results) {
  std::vector<std::string> notes;
  for (const auto& record : results) notes.push_back(record["note"].is_null() ? "" : record["note"]);
  return notes;
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

TEST_CASE("the config is read once a run: --note, then the check, and one warning") {
  Home home;
  std::filesystem::create_directories(home.dir.path() + "/config/aa");
  home.dir.write("config/aa/config.toml", "save = true\nsav = true\n");
  const auto result = run(check({"-a", "3,1,4,0", "--note", "kept"}), home.options());
  CHECK(result.status == 0);
  CHECK(result.err ==
        "aa-check: warning: " + home.dir.path() + "/config/aa/config.toml:2: unknown setting 'sav' (ignored)\n");
  CHECK(home.results()[0]["note"] == "kept");
}

TEST_CASE("after a saved check, one line compares it with the last one") {
  Home home;
  const auto first = run(check({"-a", "3,1,4,0", "--save"}), home.options());
  CHECK_FALSE(contains(first.out, "Since your last check"));
  const auto second = run(check({"-a", "1,1,4,2", "--save"}), home.options());
  CHECK(contains(second.out, "Since your last check ("));
  CHECK(contains(second.out, "total 8 → 8; lower: Emotional dependence; higher: Sensitivity to change."));
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
  // Two results compare, first against latest: the one rule of text, Markdown and JSON.
  CHECK(ranged_json["summary"]["trend"] == true);
  CHECK(ranged_json["summary"]["total"]["first"] == 4);
  CHECK(ranged_json["summary"]["signs"][0]["first"] == 3);
  CHECK(ranged_json["summary"]["signs"][0]["latest"] == 1);
  const auto one_json = nlohmann::json::parse(run(check({"--history", "-n", "1", "--json"}), home.options()).out);
  CHECK(one_json["summary"]["trend"] == false);
  CHECK(one_json["summary"]["total"].is_null());
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
  CHECK(contains(two.out, "First against latest: total 4 → 4"));
  CHECK(contains(two.out, "1 → 0  average 0.5"));
  CHECK_FALSE(contains(two.out, "needs"));
  const auto one = run(check({"--history", "-n", "1"}), home.options());
  CHECK(contains(one.out, "First against latest needs 2 results or more; 1 is shown here."));
  const auto two_markdown = run(check({"--history", "-n", "2", "--format", "markdown"}), home.options());
  CHECK(contains(two_markdown.out, "First against latest: total 4 → 4."));
  CHECK(contains(two_markdown.out, "| Sign | First | Latest | Average |"));
  CHECK_FALSE(contains(two_markdown.out, "needs"));
  const auto one_markdown = run(check({"--history", "-n", "1", "--format", "markdown"}), home.options());
  CHECK(contains(one_markdown.out, "First against latest needs 2 results or more; 1 is shown here."));
  CHECK(contains(one_markdown.out, "| Sign | Average |"));
  const auto markdown = run(check({"--history", "--format", "markdown"}), home.options());
  CHECK(contains(markdown.out, "## Summary"));
  CHECK(contains(markdown.out, "| Sign | First | Latest | Average |"));

  const auto none = run(check({"--history", "--from", "2027-01-01"}), home.options());
  CHECK(none.status == 1);
  CHECK(none.out.empty());
  CHECK(none.err == "aa-check: error: no saved results from 2027-01-01 on; 'aa-check --history' shows them all\n");
  CHECK(run(check({"--history", "--from", "2026-03-01", "--to", "2026-02-01"}), home.options()).status == 2);
  CHECK(run(check({"--history", "--from", "2026-02-30"}), home.options()).status == 2);
  CHECK(run(check({"--from", "2026-02-01"}), home.options()).status == 2);  // only with --history
}

TEST_CASE("--from and --to take today, yesterday, Nd and Nw, counted back from the local date") {
  Home home;
  const std::int64_t today = aa::local_today();
  const auto day = [&](int back) { return aa::format_iso_date(today - back); };
  write_history(home, old_line(day(30), 4) + old_line(day(8), 3) + old_line(day(1), 2) + old_line(day(0), 1));
  const auto dates = [&](std::vector<std::string> range) {
    range.insert(range.begin(), {"--history", "--json"});
    const auto result = run(check(range), home.options());
    std::vector<std::string> out;
    if (result.status != 0) return out;
    const auto shown = nlohmann::json::parse(result.out);
    for (const auto& record : shown["results"]) out.push_back(record["date"]);
    return out;
  };
  const auto from_yesterday = dates({"--from", "yesterday"});
  const auto last_week = dates({"--from", "1w", "--to", "1d"});
  const auto only_today = dates({"--from", "today", "--to", "0d"});
  const auto month = dates({"--from", "30d", "--to", "8D"});
  const auto up_to_2w = dates({"--to", "2w"});
  // Past midnight in the meantime, the days moved: nothing to check.
  if (aa::local_today() != today) return;
  CHECK(from_yesterday == std::vector<std::string>{day(1), day(0)});
  CHECK(last_week == std::vector<std::string>{day(1)});
  CHECK(only_today == std::vector<std::string>{day(0)});
  CHECK(month == std::vector<std::string>{day(30), day(8)});
  CHECK(up_to_2w == std::vector<std::string>{day(30)});
  // A range left empty says which days it meant, as dates.
  const auto none = run(check({"--history", "--from", "2w", "--to", "10d"}), home.options());
  CHECK(none.status == 1);
  CHECK(none.err == "aa-check: error: no saved results from " + day(14) + " to " + day(10) +
                        "; 'aa-check --history' shows them all\n");
  const auto backwards = run(check({"--history", "--from", "today", "--to", "yesterday"}), home.options());
  CHECK(backwards.status == 2);
  CHECK(backwards.out.empty());
  for (const char* bad : {"tomorrow", "-1d", "1y", "d", "7 d", "2026-02-30"}) {
    CAPTURE(bad);
    const auto refused = run(check({"--history", "--from", bad}), home.options());
    CHECK(refused.status == 2);
    CHECK(refused.out.empty());
    CHECK(refused.err == "aa-check: error: --from: '" + std::string(bad) +
                             "' is not a day: give YYYY-MM-DD, today, yesterday, Nd or Nw (N days or weeks ago) "
                             "(try 'aa-check --help')\n");
  }
  CHECK(run(check({"--history", "--to", "soon"}), home.options()).err.starts_with("aa-check: error: --to: 'soon'"));
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
  for (const auto& record : source) CHECK(std::find(results.begin(), results.end(), record) != results.end());

  auto bad = nlohmann::json::parse(exported);
  bad["results"][2]["answers"][0]["value"] = 9;
  const std::string before = slurp(to.history());
  Home fresh;
  const auto refused = run(check({"--import", "-"}), fresh.with_stdin(bad.dump()));
  CHECK(refused.status == 65);
  CHECK(contains(refused.err, "stdin: line 1: result 3: answer 1: 'value' is not from 0 to 4; nothing was imported"));
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

TEST_CASE("the history shows results in time order, whatever order they were saved or imported in") {
  Home home;
  home.save("4,4,4,4", {"--note", "today"});
  const std::string today = aa::format_iso_date(aa::local_today());
  // Imported after today's and out of order. By the instant, the result
  // at 10:00 in UTC+9 (01:00 UTC) comes before the one at 08:00 in UTC, and
  // one without a time counts from the start of its day.
  const std::string file = home.dir.write("older.json", export_of({
                                                            scored(home, "3,3,3,3", "2020-02-01T08:00:00+00:00", "c"),
                                                            scored(home, "0,0,0,0", "2020-02-01T10:00:00+09:00", "b"),
                                                            scored(home, "1,1,1,1", "2020-02-01", "a"),
                                                        }));
  REQUIRE(run(check({"--import", file}), home.options()).status == 0);

  const auto all = nlohmann::json::parse(run(check({"--history", "--json"}), home.options()).out);
  CHECK(notes_of(all["results"]) == std::vector<std::string>{"a", "b", "c", "today"});
  CHECK(all["summary"]["from"] == "2020-02-01");
  CHECK(all["summary"]["to"] == today);
  CHECK(all["summary"]["total"]["first"] == 4);
  CHECK(all["summary"]["total"]["latest"] == 16);
  const auto last = nlohmann::json::parse(run(check({"--history", "-n", "2", "--json"}), home.options()).out);
  CHECK(notes_of(last["results"]) == std::vector<std::string>{"c", "today"});

  const auto table = run(check({"--history"}), home.options());
  CHECK(table.out.find("2020-02-01") < table.out.find(today));
  CHECK(contains(table.out, "Summary: 4 results, from 2020-02-01 to " + today));
  CHECK(contains(table.out, "First against latest: total 4 → 16"));
  const auto one = run(check({"--history", "-n", "1"}), home.options());
  CHECK(contains(one.out, today));
  CHECK_FALSE(contains(one.out, "2020-02-01"));
  const auto markdown = run(check({"--history", "--format", "markdown"}), home.options());
  CHECK(markdown.out.find("| 2020-02-01") < markdown.out.find("| " + today));

  const auto terminal = run(check({"--history", "--no-pager", "--color=never"}), home.typing({}));
  CHECK(contains(terminal.out, "▂▁▆█"));  // 1, 0, 3, 4: oldest to newest

  // The comparison is with the latest by time, not the last line of the file.
  const auto next = run(check({"--answers", "2,2,2,2", "--save"}), home.options());
  CHECK(contains(next.out, "Since your last check (" + today + " "));
  CHECK(contains(next.out, "): total 16 → 8"));
}

namespace {

// The line the `n`th result (from 1) of an export_of() starts on.
std::size_t line_of_result(const std::string& text, std::size_t n) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < n; ++i) at = text.find("\n    {", at + 1);
  return static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 2;
}

}  // namespace

TEST_CASE("--import checks each result against its answers and refuses, whole, one that disagrees") {
  Home home;
  home.save("2,2,2,2");
  const std::string before = slurp(home.history());
  const nlohmann::json good = scored(home, "3,1,4,0", "2020-03-01T09:00:00+01:00");
  const nlohmann::json other = scored(home, "0,1,2,3", "2020-03-02T09:00:00+01:00");
  const std::vector<std::pair<std::function<void(nlohmann::json&)>, std::string>> cases = {
      {[](auto& r) { r["total"] = 99; }, "'total' is 99, but its answers add up to 8"},
      {[](auto& r) { r["answers"][0]["value"] = 0; }, "'total' is 8, but its answers add up to 5"},
      {[](auto& r) { r["max"] = 20; }, "'max' is 20, but its answers that apply make at most 16"},
      {[](auto& r) { r["stand_out"] = nlohmann::json::array(); },
       "'stand_out' is [], but the items its answers rate 3 or more are [dependence, space]"},
      {[](auto& r) { r["answers"][1]["id"] = "nope"; }, "answer 2: 'nope' is not an item of the checklist"},
      {[](auto& r) { r["answers"][2]["id"] = "dependence"; }, "answer 3: 'dependence' is answered twice"},
  };
  for (const auto& entry : cases) {
    const auto& [change, says] = entry;
    CAPTURE(entry.second);
    nlohmann::json bad = good;
    change(bad);
    const std::string text = export_of({other, bad, other});
    const std::string file = home.dir.write("bad.json", text);
    const auto refused = run(check({"--import", file}), home.options());
    CHECK(refused.status == 65);
    CHECK(refused.out.empty());
    CHECK(refused.err == "aa-check: error: " + file + ": line " + std::to_string(line_of_result(text, 2)) +
                             ": result 2: " + says + "; nothing was imported\n");
    CHECK(slurp(home.history()) == before);
    // From stdin, into no history at all: none is made.
    Home fresh;
    const auto piped = run(check({"--import", "-"}), fresh.with_stdin(text));
    CHECK(piped.status == 65);
    CHECK(contains(piped.err, "stdin: line " + std::to_string(line_of_result(text, 2)) + ": result 2: " + says));
    CHECK_FALSE(std::filesystem::exists(fresh.history()));
  }
  // A sign in other words than today's content is a result of its day, and is kept.
  nlohmann::json reworded = good;
  reworded["answers"][0]["sign"] = "Leaning on a partner";
  const auto kept = run(check({"--import", "-"}), home.with_stdin(export_of({reworded})));
  CHECK(kept.status == 0);
  CHECK(kept.out == "Imported 1 result.\n");
  // So are the sections it pointed to then: the checklist's help may point
  // elsewhere since, and an export made before must still import.
  nlohmann::json older = other;
  older["read_next"] = nlohmann::json::array({"support"});
  const auto older_kept = run(check({"--import", "-"}), home.with_stdin(export_of({older})));
  CHECK(older_kept.status == 0);
  CHECK(older_kept.out == "Imported 1 result.\n");
  CHECK(contains(slurp(home.history()), "\"read_next\":[\"support\"]"));
}

TEST_CASE("--import into the history says which results repeat one before them in the file, and keeps each once") {
  Home home;
  const nlohmann::json a = scored(home, "3,1,4,0", "2020-03-01T09:00:00+01:00");
  nlohmann::json a_again = a;
  a_again["id"] = "0123abcd";  // another id, the same result
  const nlohmann::json b = scored(home, "0,1,2,3", "2020-03-02T09:00:00+01:00");
  const auto first = run(check({"--import", "-"}), home.with_stdin(export_of({a, b, a, a_again})));
  CHECK(first.status == 0);
  CHECK(first.out == "Imported 2 results, skipped 2 duplicates within the file.\n");
  CHECK(home.results().size() == 2);

  const nlohmann::json c = scored(home, "4,4,4,4", "2020-03-03T09:00:00+01:00");
  const auto second = run(check({"--import", "-"}), home.with_stdin(export_of({a, c, c})));
  CHECK(second.out == "Imported 1 result, skipped 1 already there and 1 duplicate within the file.\n");
  const nlohmann::json d = scored(home, "1,1,1,1", "2020-03-04T09:00:00+01:00");
  const auto json = run(check({"--import", "-", "--json"}), home.with_stdin(export_of({b, d, d})));
  const auto said = nlohmann::json::parse(json.out);
  CHECK(said["imported"] == 1);
  CHECK(said["skipped"] == 1);
  CHECK(said["duplicates_in_file"] == 1);
  CHECK(home.results().size() == 4);
}

TEST_CASE("--history with nothing to show is exit 1 in every format, saying what was empty and how to widen it") {
  Home home;
  const std::string yet = "aa-check: error: no saved results yet; 'aa-check --save' keeps one\n";
  for (const char* format : {"text", "markdown"}) {
    CAPTURE(format);
    const auto none = run(check({"--history", "--format", format}), home.options());
    CHECK(none.status == 1);
    CHECK(none.out.empty());
    CHECK(none.err == yet);
    // A range over an empty history: what is empty is the history.
    CHECK(run(check({"--history", "--from", "2000-01-01", "--format", format}), home.options()).err == yet);
  }
  const auto terminal = run(check({"--history", "--no-pager"}), home.typing({}));
  CHECK(terminal.status == 1);
  CHECK(terminal.out.empty());
  CHECK(terminal.err == yet);
  home.save("3,1,4,0");
  const std::string range =
      "aa-check: error: no saved results from 2000-01-01 to 2000-01-02; 'aa-check --history' "
      "shows them all\n";
  for (const char* format : {"text", "markdown"}) {
    CAPTURE(format);
    const auto none =
        run(check({"--history", "--from", "2000-01-01", "--to", "2000-01-02", "--format", format}), home.options());
    CHECK(none.status == 1);
    CHECK(none.out.empty());
    CHECK(none.err == range);
  }
  const auto before = run(check({"--history", "--to", "2000-01-02", "-n", "3"}), home.options());
  CHECK(before.status == 1);
  CHECK(before.err == "aa-check: error: no saved results up to 2000-01-02; 'aa-check --history' shows them all\n");
  // JSON is still one document, with no results, as a search with no match.
  const auto json = run(check({"--history", "--from", "2000-01-01", "--to", "2000-01-02", "--json"}), home.options());
  CHECK(json.status == 1);
  CHECK(json.err == range);
  CHECK(nlohmann::json::parse(json.out)["results"] == nlohmann::json::array());
}

TEST_CASE("a byte order mark at the very start of a history import is passed over, and anywhere else it is not JSON") {
  Home home;
  const std::string text = export_of({scored(home, "3,1,4,0", "2020-03-01T09:00:00+01:00")});
  const std::string file = home.dir.write("bom.json", "\xEF\xBB\xBF" + text);
  const auto imported = run(check({"--import", file}), home.options());
  CHECK(imported.status == 0);
  CHECK(imported.out == "Imported 1 result.\n");
  CHECK(run(check({"--import", "-"}), home.with_stdin("\xEF\xBB\xBF" + text)).out ==
        "Imported 0 results, skipped 1 already there.\n");
  for (const std::string& misplaced : {"\n\xEF\xBB\xBF" + text, "\xEF\xBB\xBF\xEF\xBB\xBF" + text, "\xEF\xBB" + text}) {
    const auto refused = run(check({"--import", "-"}), home.with_stdin(misplaced));
    CHECK(refused.status == 65);
    CHECK(contains(refused.err, "stdin: line "));
    CHECK(contains(refused.err, "not valid JSON"));
  }
  CHECK(home.results().size() == 1);
}

TEST_CASE("--forget on a terminal asks about a history too large to read, and deletes it") {
  Home home;
  home.save("3,1,4,0");
  std::filesystem::resize_file(home.history(), 17 * 1024 * 1024);  // sparse: no room taken
  const auto shown = run(check({"--history"}), home.options());
  CHECK(shown.status == 74);  // too large to read, as before
  const auto declined = run(check({"--forget"}), home.typing({"n\n"}));
  CHECK(declined.status == 1);
  CHECK(contains(declined.err, "Your saved results are in\n  " + home.history() + "\n"));
  CHECK(contains(declined.err, "Delete them (too large to count: over 16 MiB)? This cannot be undone. [y/N]"));
  CHECK(contains(declined.err, "Nothing was deleted"));
  CHECK(std::filesystem::exists(home.history()));
  const auto piped = run(check({"--forget"}), home.with_stdin("y\n"));
  CHECK(piped.status == 2);  // no terminal to ask on: --yes is still needed
  CHECK(std::filesystem::exists(home.history()));
  const auto confirmed = run(check({"--forget"}), home.typing({"y\n"}));
  CHECK(confirmed.status == 0);
  CHECK(contains(confirmed.out, "Deleted your saved results"));
  CHECK_FALSE(std::filesystem::exists(home.history()));
}
