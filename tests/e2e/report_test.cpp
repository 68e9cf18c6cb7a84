// SPDX-License-Identifier: MIT
// aa-report end to end: the picture on a terminal and in a pipe, in UTF-8
// and in ASCII; the page written to a file or stdout, privately, never
// through a link; plain and encrypted stores; and nothing to show.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aa/content/text.hpp"
#include "aa/core/date.hpp"
#include "aa/io/age.hpp"
#include "files.hpp"
#include "home.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;
using aa::test::slurp;

namespace {

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::vector<std::string> report(std::vector<std::string> args) {
  args.insert(args.begin(), command("aa-report"));
  return args;
}

// Four weeks of March 2026, Monday the 2nd to Sunday the 29th.
const std::vector<std::string> march = {"--from", "2026-03-02", "--to", "2026-03-29"};

std::vector<std::string> in_march(std::vector<std::string> args) {
  args.insert(args.end(), march.begin(), march.end());
  return report(args);
}

std::string check_line(const std::string& date, int dependence, int space) {
  return "{\"id\":null,\"date\":\"" + date + "\",\"time\":\"" + date +
         "T08:00:00+01:00\",\"answers\":[{\"id\":\"dependence\",\"sign\":\"Emotional dependence\",\"value\":" +
         std::to_string(dependence) +
         "},{\"id\":\"space\",\"sign\":\"Fear of <space>\",\"value\":" + std::to_string(space) +
         "}],\"total\":" + std::to_string(dependence + space) +
         ",\"max\":8,\"stand_out\":[],\"read_next\":[],\"note\":null}\n";
}

// A check on each Monday, an entry on the second, a check-in (as
// aa-practice saves one) on the third.
const std::string checks =
    check_line("2026-03-02", 1, 1) + check_line("2026-03-09", 2, 3) + check_line("2026-03-16", 4, 4);
const std::string journal =
    "{\"id\":1,\"time\":\"2026-03-09T21:00:00+01:00\",\"prompt\":null,\"text\":\"<b>private words</b>\"}\n"
    "{\"id\":2,\"time\":\"2026-03-16T21:00:00+01:00\",\"prompt\":null,\"text\":\"Check-in: 6\","
    "\"exercise\":{\"id\":\"check-in\",\"steps\":[{\"step\":\"strength\",\"value\":6}]}}\n";

struct Stores : aa::test::PrivateHome {
  std::filesystem::path folder() const { return data() + "/aa"; }
  void plain() const {
    aa::test::write_private_file(folder() / "checks.jsonl", checks);
    aa::test::write_private_file(folder() / "journal.jsonl", journal);
  }
  // Both as age files, at a low work factor so that the test stays quick.
  void sealed() const {
    aa::test::write_private_file(folder() / "checks.jsonl.age", aa::age::encrypt(checks, "correct horse", 10));
    aa::test::write_private_file(folder() / "journal.jsonl.age", aa::age::encrypt(journal, "correct horse", 10));
  }
  RunOptions in(RunOptions base = {}, const std::string& locale = "C.UTF-8") const {
    base.env["LANG"] = locale;
    base.env["LC_ALL"] = std::nullopt;
    base.env["LC_CTYPE"] = std::nullopt;
    return options(base);
  }
  RunOptions on_terminal(unsigned short columns = 80) const {
    RunOptions base;
    base.terminal = true;
    base.columns = columns;
    base.env["TERM"] = "xterm";
    return in(base);
  }
};

bool ascii_only(const std::string& text) {
  for (const unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

void check_one_line_error(const RunResult& result, int status, std::string_view part) {
  CAPTURE(result.err);
  CHECK(result.status == status);
  CHECK(result.out.empty());
  CHECK(result.err.starts_with("aa-report: error: "));
  CHECK(aa::test::count_lines(result.err) == 1);
  CHECK(has(result.err, part));
}

}  // namespace

TEST_CASE("aa-report in a pipe: the calendar and the sparklines, plain, with no escape byte") {
  Stores stores;
  stores.plain();
  const RunResult result = run(in_march({}), stores.in());
  CAPTURE(result.err);
  REQUIRE(result.status == 0);
  CHECK(result.err.empty());
  CHECK(result.out.find('\x1b') == std::string::npos);
  CHECK(has(result.out, "Your days from 2026-03-02 to 2026-03-29\n"));
  CHECK(has(result.out, "\nMon ░▓▓·\n"));
  CHECK(has(result.out, "    ▃▅█·  Total, 0 to 8\n"));
  CHECK(has(result.out, "    ▃▆█·  Fear of <space>, 0 to 4\n"));
  CHECK(has(result.out, "    ··▅·  Check-in strength, 0 to 10\n"));
  CHECK(!has(result.out, "private words"));
}

TEST_CASE("--json: the numbers the pictures are drawn from, every day since the first by default") {
  Stores stores;
  stores.plain();
  const RunResult result = run(in_march({"--json"}), stores.in());
  CAPTURE(result.err);
  REQUIRE(result.status == 0);
  const auto data = nlohmann::json::parse(result.out);
  CHECK(data["from"] == "2026-03-02");
  CHECK(data["to"] == "2026-03-29");
  CHECK(data["checks"] == 3);
  CHECK(data["entries"] == 1);
  CHECK(data["exercises"] == 1);
  REQUIRE(data["days"].size() == 3);  // only the days that hold something
  CHECK(data["days"][1] == nlohmann::json{{"date", "2026-03-09"}, {"checks", 1}, {"entries", 1}, {"exercises", 0}});
  CHECK(data["total"]["high"] == 8);
  CHECK(data["total"]["points"][2] == nlohmann::json{{"date", "2026-03-16"}, {"value", 8}});
  REQUIRE(data["signs"].size() == 2);
  CHECK(data["signs"][1]["name"] == "Fear of <space>");
  CHECK(data["strength"]["points"] == nlohmann::json::parse(R"([{"date": "2026-03-16", "value": 6}])"));
  CHECK(!has(result.out, "private words"));
  CHECK(run(in_march({"--format", "json"}), stores.in()).out == result.out);
  // With no range, from the first day saved: a year would start before it.
  const auto whole = nlohmann::json::parse(run(report({"--json"}), stores.in()).out);
  CHECK(whole["from"] == "2026-03-02");
  // Nothing in the days: the numbers all the same (zeros), and exit 1.
  const RunResult none = run(report({"--json", "--from", "2020-01-01", "--to", "2020-01-31"}), stores.in());
  CHECK(none.status == 1);
  CHECK(nlohmann::json::parse(none.out)["days"].empty());
  // A page takes no format.
  check_one_line_error(run(in_march({"--json", "-o", "-"}), stores.in()), 2, "-o writes an HTML page");
  check_one_line_error(run(in_march({"--format", "markdown"}), stores.in()), 2, "markdown");
}

TEST_CASE("aa-report on a terminal: coloured, within its width, and plain with NO_COLOR") {
  Stores stores;
  stores.plain();
  const RunResult coloured = run(in_march({}), stores.on_terminal(40));
  CAPTURE(coloured.err);
  REQUIRE(coloured.status == 0);
  CHECK(has(coloured.out, "\x1b["));
  RunOptions no_color = stores.on_terminal(40);
  no_color.env["NO_COLOR"] = "1";
  const RunResult plain = run(in_march({}), no_color);
  REQUIRE(plain.status == 0);
  CHECK(plain.out.find('\x1b') == std::string::npos);
  std::size_t start = 0;
  for (std::size_t end; (end = plain.out.find('\n', start)) != std::string::npos; start = end + 1) {
    std::string line = plain.out.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    CAPTURE(line);
    CHECK(aa::display_width(line) <= 40);
  }
  CHECK(has(plain.out, "Mon ░▓▓·"));
}

TEST_CASE("--ascii, LANG=C and LC_ALL=C draw with ASCII only, and a UTF-8 LC_ALL wins over LANG=C") {
  Stores stores;
  stores.plain();
  for (const RunOptions& options : {stores.in({}, "C"), stores.in({}, "POSIX")}) {
    const RunResult result = run(in_march({}), options);
    REQUIRE(result.status == 0);
    CHECK(ascii_only(result.out));
    CHECK(has(result.out, "\nMon -++.\n"));
  }
  const RunResult flag = run(in_march({"--ascii"}), stores.in());
  REQUIRE(flag.status == 0);
  CHECK(ascii_only(flag.out));
  CHECK(has(flag.out, "    ,=# "));
  RunOptions all_c = stores.in();
  all_c.env["LC_ALL"] = "C";
  CHECK(ascii_only(run(in_march({}), all_c).out));
  RunOptions all_utf8 = stores.in({}, "C");
  all_utf8.env["LC_ALL"] = "en_US.UTF-8";
  CHECK(has(run(in_march({}), all_utf8).out, "░▓▓·"));
  // A page is HTML, not a drawing: --ascii has no place there.
  const RunResult both = run(in_march({"--ascii", "-o", "-"}), stores.in());
  CHECK(both.status == 2);
}

TEST_CASE("by default the last year, up to today") {
  Stores stores;
  const std::string today = aa::format_iso_date(aa::local_today());
  aa::test::write_private_file(stores.folder() / "journal.jsonl",
                               "{\"id\":1,\"time\":\"" + today + "T00:30:00+01:00\",\"prompt\":null,\"text\":\"x\"}\n");
  const RunResult result = run(report({}), stores.in());
  CAPTURE(result.err);
  REQUIRE(result.status == 0);
  CHECK(has(result.out, "to " + today + "\n"));
  CHECK(has(result.out, "1 day holds something saved: 0 a check, 1 a journal entry, 0 an exercise."));
  const RunResult week = run(report({"-n", "7"}), stores.in());
  CHECK(has(week.out, aa::format_iso_date(aa::local_today() - 6) + " to " + today));
  CHECK(run(report({"-n", "7", "--from", "2026-01-01"}), stores.in()).status == 2);
}

TEST_CASE("-o writes one private page and says where, and -o - writes it to stdout") {
  Stores stores;
  stores.plain();
  aa::test::TempDir out;
  const std::string file = out.path() + "/report.html";
  const RunResult written = run(in_march({"-o", file}), stores.in());
  CAPTURE(written.err);
  REQUIRE(written.status == 0);
  CHECK(written.out.empty());
  CHECK(written.err == "Wrote your report to " + file + ": open it in a web browser to read or print it.\n");
  CHECK(aa::test::mode_of(file) == 0600);
  const std::string page = slurp(file);
  CHECK(page.starts_with("<!DOCTYPE html>"));
  CHECK(has(page, "Content-Security-Policy"));
  CHECK(has(page, "Fear of &lt;space&gt;"));
  CHECK(!has(page, "<space>"));
  CHECK(!has(page, "private words"));
  // No address: "http" is only the name of http-equiv.
  CHECK(!has(page, "http:"));
  CHECK(!has(page, "https:"));
  CHECK(!has(page, "//"));
  const RunResult piped = run(in_march({"-o", "-"}), stores.in());
  REQUIRE(piped.status == 0);
  CHECK(piped.out.starts_with("<!DOCTYPE html>"));
  // Made on another minute perhaps: the rest is the same page.
  CHECK(piped.out.substr(0, piped.out.find("Made on")) == page.substr(0, page.find("Made on")));
  // Written again: replaced, still private.
  std::filesystem::permissions(file, std::filesystem::perms(0644));
  REQUIRE(run(in_march({"-o", file}), stores.in()).status == 0);
  CHECK(aa::test::mode_of(file) == 0600);
}

TEST_CASE("-o refuses a symbolic link and a folder that is not there, in one line, exit 74") {
  Stores stores;
  stores.plain();
  aa::test::TempDir out;
  const std::string target = out.path() + "/elsewhere.txt";
  aa::test::write_private_file(target, "kept");
  const std::string link = out.path() + "/report.html";
  std::filesystem::create_symlink(target, link);
  check_one_line_error(run(in_march({"-o", link}), stores.in()), 74, "is a symbolic link");
  CHECK(slurp(target) == "kept");
  CHECK(std::filesystem::is_symlink(link));
  const std::string missing = out.path() + "/no/such/folder/report.html";
  check_one_line_error(run(in_march({"-o", missing}), stores.in()), 74,
                       "cannot write " + missing + ": No such file or directory");
  CHECK(!std::filesystem::exists(out.path() + "/no"));
}

TEST_CASE("encrypted stores are read with the passphrase, and a wrong one is exit 77") {
  Stores stores;
  stores.sealed();
  RunOptions opened = stores.in();
  opened.env["AA_PASSPHRASE_COMMAND"] = "printf '%s\\n' 'correct horse'";
  const RunResult result = run(in_march({}), opened);
  CAPTURE(result.err);
  REQUIRE(result.status == 0);
  CHECK(has(result.out, "\nMon ░▓▓·\n"));
  aa::test::TempDir out;
  REQUIRE(run(in_march({"-o", out.path() + "/page.html"}), opened).status == 0);
  CHECK(has(slurp(out.path() + "/page.html"), "<title id=\"chart-strength\">"));
  RunOptions wrong = stores.in();
  wrong.env["AA_PASSPHRASE_COMMAND"] = "printf '%s\\n' 'wrong horse'";
  const RunResult refused = run(in_march({}), wrong);
  CHECK(refused.status == 77);
  CHECK(refused.out.empty());
}

TEST_CASE("nothing saved, or nothing in the days asked for: said on stderr, exit 1, and no page written") {
  Stores stores;
  aa::test::TempDir out;
  const std::string file = out.path() + "/report.html";
  check_one_line_error(run(report({}), stores.in()), 1,
                       "no checks, journal entries or exercises saved yet; 'aa-check --save' or 'aa-journal' "
                       "saves the first");
  check_one_line_error(run(report({"-o", file}), stores.in()), 1, "saved yet");
  CHECK(!std::filesystem::exists(file));
  stores.plain();
  check_one_line_error(run(report({"--from", "2020-01-01", "--to", "2020-12-31"}), stores.in()), 1,
                       "no checks, journal entries or exercises from 2020-01-01 to 2020-12-31; 'aa-report --from "
                       "DATE' reaches further back");
  check_one_line_error(run(report({"--from", "2026-03-10", "--to", "2026-03-01"}), stores.in()), 2,
                       "--to is before --from");
}

TEST_CASE("a line of the history that is not a result is passed over with a warning, and the rest is drawn") {
  Stores stores;
  stores.plain();
  aa::test::write_private_file(stores.folder() / "checks.jsonl", checks + "not json\n");
  const RunResult result = run(in_march({}), stores.in());
  CHECK(result.status == 0);
  CHECK(has(result.err, "aa-report: warning: "));
  CHECK(has(result.out, "Mon ░▓▓·"));
}
