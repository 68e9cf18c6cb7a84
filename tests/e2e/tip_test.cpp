// SPDX-License-Identifier: MIT
// aa-tip, end to end through the built binary.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "aa/content/text.hpp"
#include "aa/core/date.hpp"
#include "guide_e2e.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;

namespace {

std::vector<std::string> tip(std::vector<std::string> args) {
  args.insert(args.begin(), command("aa-tip"));
  return args;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
    if (end < text.size() && text[end] == '\r' && start < text.size() && text[start] == '\n') ++start;
  }
  return out;
}

// `text` without ANSI colour sequences (ESC [ ... m), for measuring.
std::string strip_ansi(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i = text.find('m', i);
      if (i == std::string::npos) break;
      continue;
    }
    out += text[i];
  }
  return out;
}

// Runs `script` in bash with AA_TIP set to the command's path.
aa::test::RunResult shell(const std::string& script) {
  return run({"/bin/bash", "-c", script}, RunOptions{.env = {{"AA_TIP", command("aa-tip")}}});
}

std::size_t tip_count() { return lines(run(tip({"--list"})).out).size(); }

}  // namespace

TEST_CASE("a random tip in a pipe is exactly one line") {
  const auto result = run(tip({}));
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CHECK(aa::test::count_lines(result.out) == 1);
  CHECK(result.out.back() == '\n');
}

TEST_CASE("--seed makes the random choice reproducible") {
  CHECK(run(tip({"--seed", "7"})).out == run(tip({"--seed", "7"})).out);
  std::set<std::string> seen;
  for (int seed = 0; seed < 10; ++seed) seen.insert(run(tip({"--seed", std::to_string(seed)})).out);
  CHECK(seen.size() > 3);
  const auto three = run(tip({"--seed", "1", "--count", "3"}));
  const auto chosen = lines(three.out);
  CHECK(chosen.size() == 3);
  CHECK(std::set<std::string>(chosen.begin(), chosen.end()).size() == 3);
}

TEST_CASE("--daily is the tip of today's date, the same on every run") {
  const auto today = run(tip({"--daily"}));
  CHECK(today.status == 0);
  CHECK(aa::test::count_lines(today.out) == 1);
  CHECK(run(tip({"--daily"})).out == today.out);
  CHECK(run(tip({"-d"})).out == today.out);
}

TEST_CASE("consecutive days show every tip once before any repeats") {
  const std::size_t count = tip_count();
  REQUIRE(count >= 30);
  // Rounds start on the days (since 1970-01-01) that are multiples of the count.
  const auto n = static_cast<std::int64_t>(count);
  const std::int64_t start = (*aa::parse_iso_date("2026-01-01") / n + 1) * n;
  const auto round = run(tip({"--date", aa::format_iso_date(start), "--count", std::to_string(count)}));
  const auto shown = lines(round.out);
  REQUIRE(shown.size() == count);
  CHECK(std::set<std::string>(shown.begin(), shown.end()).size() == count);
  // --count with --date is the following days, each as --date gives it.
  CHECK(run(tip({"--date", aa::format_iso_date(start + 2)})).out == shown[2] + "\n");
  // The same date always gives the same tip.
  CHECK(run(tip({"--date", aa::format_iso_date(start)})).out == shown[0] + "\n");
  // The next round repeats the order, so no tip comes back within `count`
  // days, however the rounds meet (aa-tip(1)).
  const auto next = run(tip({"--date", aa::format_iso_date(start + n), "--count", std::to_string(count)}));
  CHECK(lines(next.out) == shown);
}

TEST_CASE("--category, --list-categories and --list") {
  const auto categories = lines(run(tip({"--list-categories"})).out);
  REQUIRE(categories.size() >= 5);
  const auto table = lines(run(tip({"--list"})).out);
  std::set<std::string> listed_categories;
  for (const std::string& row : table) {
    const std::size_t first = row.find('\t');
    const std::size_t second = row.find('\t', first + 1);
    REQUIRE(second != std::string::npos);
    CHECK(row.find('\t', second + 1) == std::string::npos);
    listed_categories.insert(row.substr(first + 1, second - first - 1));
  }
  CHECK(listed_categories == std::set<std::string>(categories.begin(), categories.end()));
  const auto own = run(tip({"--category", categories[0], "--list"}));
  for (const std::string& row : lines(own.out)) CHECK(row.find("\t" + categories[0] + "\t") != std::string::npos);
  for (int seed = 0; seed < 5; ++seed) {
    const auto one = run(tip({"--category", categories[1], "--seed", std::to_string(seed), "--format", "json"}));
    CHECK(nlohmann::json::parse(one.out)[0]["category"] == categories[1]);
  }
}

TEST_CASE("--id prints that tip, unknown ids and categories suggest the closest") {
  const auto first = lines(run(tip({"--list"})).out).front();
  const std::string id = first.substr(0, first.find('\t'));
  const std::string text = first.substr(first.rfind('\t') + 1);
  CHECK(run(tip({"--id", id})).out == text + "\n");
  // The start of an id is that id; a slip in its last letter is not.
  CHECK(run(tip({"--id", id.substr(0, id.size() - 1)})).out == text + "\n");
  const std::string slip = id.substr(0, id.size() - 1) + "x";
  const auto typo = run(tip({"--id", slip}));
  CHECK(typo.status == 1);
  CHECK(typo.out.empty());
  CHECK(typo.err == "aa-tip: error: no tip '" + slip + "'; did you mean '" + id + "'? ('aa-tip --list' lists them)\n");
  const auto category = run(tip({"--category", "boundarys"}));
  CHECK(category.status == 1);
  CHECK(category.err.find("did you mean 'boundaries'?") != std::string::npos);
}

TEST_CASE("categories and ids are matched in any case and by a start that fits one") {
  const auto boundaries = run(tip({"--category", "boundaries", "--list"}));
  REQUIRE(boundaries.status == 0);
  REQUIRE(lines(boundaries.out).size() >= 2);
  for (std::string name : {"Boundaries", "BOUNDARIES", "bound", "Bo"}) {
    CAPTURE(name);
    const auto result = run(tip({"-c", name, "--list"}));
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(result.out == boundaries.out);
  }
  const auto pause = run(tip({"--id", "pause"}));
  CHECK(pause.status == 0);
  CHECK(pause.out == run(tip({"--id", "pause-the-urge"})).out);
  CHECK(run(tip({"--id", "PAUSE-THE-URGE"})).out == pause.out);
}

TEST_CASE("an ambiguous category or id names every one it fits, a word form is suggested") {
  const auto self = run(tip({"-c", "self"}));
  CHECK(self.status == 1);
  CHECK(self.out.empty());
  CHECK(self.err ==
        "aa-tip: error: category 'self' is ambiguous; did you mean 'self-awareness' or 'self-compassion'? "
        "('aa-tip --list-categories' lists them)\n");
  const auto journal = run(tip({"--id", "journal-the"}));
  CHECK(journal.status == 1);
  CHECK(journal.err.find("did you mean 'journal-the-trigger' or 'journal-the-fear'?") != std::string::npos);
  const auto singular = run(tip({"-c", "boundary"}));
  CHECK(singular.status == 1);
  CHECK(singular.err ==
        "aa-tip: error: no category 'boundary'; did you mean 'boundaries'? ('aa-tip --list-categories' lists them)\n");
}

TEST_CASE("--count more than there are prints every tip there is, and says so") {
  const std::size_t therapy = lines(run(tip({"-c", "therapy", "--list"})).out).size();
  REQUIRE(therapy >= 2);
  const auto result = run(tip({"-c", "ther", "--count", "50", "--seed", "4"}));
  CHECK(result.status == 0);
  const auto shown = lines(result.out);
  CHECK(shown.size() == therapy);
  CHECK(std::set<std::string>(shown.begin(), shown.end()).size() == therapy);
  CHECK(result.err == "aa-tip: warning: asked for 50 tips, but there are only " + std::to_string(therapy) +
                          " in category 'therapy'\n");
  const auto every = run(tip({"--count", "1000", "--json"}));
  CHECK(every.status == 0);
  CHECK(nlohmann::json::parse(every.out).size() == tip_count());
  CHECK(every.err == "aa-tip: warning: asked for 1000 tips, but there are only " + std::to_string(tip_count()) + "\n");
  // On a terminal, every tip of the category is shown, and the warning is the same.
  const auto tty = run(tip({"-c", "therapy", "-n", "50", "--no-pager"}), RunOptions{.terminal = true});
  CHECK(tty.status == 0);
  const std::string screen = aa::test::seen(tty.out);
  for (const std::string& row : lines(run(tip({"-c", "therapy", "--list"})).out)) {
    CHECK(screen.find(row.substr(row.rfind('\t') + 1, 20)) != std::string::npos);
  }
  CHECK(tty.err == "aa-tip: warning: asked for 50 tips, but there are only " + std::to_string(therapy) +
                       " in category 'therapy'\n");
  // Enough tips: no warning; --daily walks the days, which may repeat tips.
  CHECK(run(tip({"-c", "therapy", "-n", std::to_string(therapy)})).err.empty());
  CHECK(run(tip({"-c", "therapy", "--daily", "-n", "50"})).err.empty());
}

TEST_CASE("--format json is one valid document") {
  const auto result = run(tip({"--list", "--json"}));
  CHECK(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json.size() == tip_count());
  for (const auto& entry : json) {
    CHECK(entry.contains("id"));
    CHECK(entry.contains("category"));
    CHECK(entry.contains("section"));
    CHECK(entry.contains("text"));
  }
  CHECK(nlohmann::json::parse(run(tip({"--list-categories", "--format", "json"})).out).is_array());
}

TEST_CASE("--format fortune writes a file strfile and fortune accept") {
  aa::test::TempDir dir;
  const auto result = run(tip({"--format", "fortune"}));
  CHECK(result.status == 0);
  dir.write("aa", result.out);
  const auto strfile = run({"/usr/bin/strfile", dir.path() + "/aa"});
  REQUIRE(strfile.status == 0);
  CHECK(strfile.out.find("There were " + std::to_string(tip_count()) + " strings") != std::string::npos);
  const auto fortune = run({"/usr/games/fortune", dir.path() + "/aa"});
  CHECK(fortune.status == 0);
  CHECK(result.out.find(lines(fortune.out).front()) != std::string::npos);
}

TEST_CASE("on a terminal a tip wraps to the width and says where to read more") {
  for (unsigned short columns : {30, 50, 80}) {
    CAPTURE(columns);
    const auto result = run(tip({"--seed", "3", "--count", "4"}), RunOptions{.terminal = true, .columns = columns});
    CHECK(result.status == 0);
    const auto shown = lines(strip_ansi(result.out));
    CHECK(shown.size() > 4);
    for (const std::string& line : shown) CHECK(aa::display_width(line) <= columns);
    CHECK(result.out.find("more in:") != std::string::npos);
  }
  // An explicit --width wraps in a pipe too.
  for (const std::string& line : lines(run(tip({"--list", "--format", "fortune", "--width", "25"})).out)) {
    CHECK(aa::display_width(line) <= 25);
  }
}

TEST_CASE("colour: on a terminal by default, never in a pipe, off with NO_COLOR or TERM=dumb") {
  CHECK(run(tip({"--seed", "1"}), RunOptions{.terminal = true}).out.find('\x1b') != std::string::npos);
  CHECK(run(tip({"--seed", "1"}), RunOptions{.env = {{"NO_COLOR", "1"}}, .terminal = true}).out.find('\x1b') ==
        std::string::npos);
  CHECK(run(tip({"--seed", "1"}), RunOptions{.env = {{"TERM", "dumb"}}, .terminal = true}).out.find('\x1b') ==
        std::string::npos);
  CHECK(run(tip({"--seed", "1", "--color=never"}), RunOptions{.terminal = true}).out.find('\x1b') == std::string::npos);
  for (std::string format : {"text", "json", "fortune", "markdown"}) {
    CHECK(run(tip({"--list", "--format", format})).out.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("help and version") {
  const auto help = run(tip({"--help"}));
  CHECK(help.status == 0);
  CHECK(help.out.find("--daily") != std::string::npos);
  CHECK(help.err.empty());
  const auto version = run(tip({"--version"}));
  CHECK(version.status == 0);
  CHECK(version.out.starts_with("aa-tip "));
  CHECK(lines(version.out).front().size() > 7);
}

TEST_CASE("usage errors exit 2 with one line on stderr and nothing on stdout") {
  const std::vector<std::vector<std::string>> bad = {
      {"--bogus"},
      {"--count", "0"},
      {"--count", "x"},
      {"--seed", "x"},
      {"--date", "2026-02-30"},
      {"--date", "today"},
      {"--width", "-3"},
      {"--width", "abc"},
      {"--format", "yaml"},
      {"--color", "sometimes"},
      {"--id", "a", "--daily"},
      {"--daily", "--seed", "1"},
      {"--json", "--format", "text"},
      {"--category", ""},
      {"extra"},
  };
  for (const auto& args : bad) {
    CAPTURE(args.front());
    const auto result = run(tip(args));
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err.starts_with("aa-tip: error: "));
    CHECK(aa::test::count_lines(result.err) == 1);
  }
}

TEST_CASE("write errors exit 74, a closed pipe ends quietly") {
  const auto full = shell("\"$AA_TIP\" > /dev/full");
  CHECK(full.status == 74);
  CHECK(full.err == "aa-tip: error: write error: No space left on device\n");
  const auto closed = shell("\"$AA_TIP\" >&-");
  CHECK(closed.status == 74);
  CHECK(closed.err.starts_with("aa-tip: error: write error: "));
  for (std::string format : {"text", "json", "fortune", "markdown"}) {
    const auto early =
        shell("\"$AA_TIP\" --list --format " + format + " | head -c 1 >/dev/null; echo \"${PIPESTATUS[0]}\"");
    CHECK(early.out == "0\n");
    CHECK(early.err.empty());
  }
}

TEST_CASE("--content-dir and AA_CONTENT_DIR replace the built-in tips") {
  aa::test::TempDir dir;
  dir.write("tips.toml", "[[tip]]\nid = \"mine\"\ncategory = \"own\"\nsection = \"support\"\ntext = \"My own tip.\"\n");
  CHECK(run(tip({"--content-dir", dir.path()})).out == "My own tip.\n");
  CHECK(run(tip({"--daily"}), RunOptions{.env = {{"AA_CONTENT_DIR", dir.path()}}}).out == "My own tip.\n");
  dir.write("tips.toml", "[[tip]]\nid = \"mine\"\ncategory = \"own\"\nsection = \"support\"\n");
  const auto bad = run(tip({"--content-dir", dir.path()}));
  CHECK(bad.status == 65);
  CHECK(bad.out.empty());
  CHECK(bad.err == "aa-tip: error: " + dir.path() + "/tips.toml:1:1: tip 'mine' has no 'text'\n");
  // A folder that is not there is a mistake in the command line: a usage error.
  const auto missing = run(tip({"--content-dir", dir.path() + "/nope"}));
  CHECK(missing.status == 2);
  CHECK(missing.err.find("no such directory") != std::string::npos);
}

TEST_CASE("the built-in content needs no files: it runs from any directory") {
  aa::test::TempDir empty;
  const auto result = run(tip({"--daily"}), RunOptions{.cwd = empty.path()});
  CHECK(result.status == 0);
  CHECK(aa::test::count_lines(result.out) == 1);
}

// ---------------------------------------------------------------------------
// Costs that grow with the input stay linear: large tips files, long runs of
// days. Each input is sized so that a quadratic step would take minutes;
// the tests check only that the answers are complete and right.
namespace {

// `count` tips, each in a category of its own, compact enough to stay a
// modest file: [[tip]] id="t-N" category="c-N" text="Tip N."
std::string many_tips(std::size_t count, const std::string& extra = "") {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string n = std::to_string(i);
    text += "[[tip]]\nid=\"t-" + n + "\"\ncategory=\"c-" + n + "\"\nsection=\"support\"\ntext=\"Tip " + n + ".\"\n";
  }
  return text + extra;
}

// Whether each run of `pool` lines from the first shows every tip once,
// and no line repeats the one before.
void check_rounds(const std::vector<std::string>& days, std::size_t pool) {
  std::size_t repeats = 0;
  for (std::size_t day = 1; day < days.size(); ++day) repeats += days[day] == days[day - 1];
  CHECK(repeats == 0);
  std::size_t incomplete = 0;
  for (std::size_t start = 0; start + pool <= days.size(); start += pool) {
    const std::set<std::string> round(days.begin() + static_cast<std::ptrdiff_t>(start),
                                      days.begin() + static_cast<std::ptrdiff_t>(start + pool));
    incomplete += round.size() != pool;
  }
  CHECK(incomplete == 0);
}

// The first day of a round of `pool` tips, after 2026-01-01.
std::string round_start(std::size_t pool) {
  const auto n = static_cast<std::int64_t>(pool);
  return aa::format_iso_date((*aa::parse_iso_date("2026-01-01") / n + 1) * n);
}

}  // namespace

TEST_CASE("a tips file of 12,000 tips in 12,000 categories loads, lists and checks every one") {
  aa::test::TempDir dir;
  const std::size_t count = 12000;
  dir.write("tips.toml", many_tips(count));
  const auto list = run(tip({"--content-dir", dir.path(), "--list"}));
  CHECK(list.status == 0);
  const auto rows = lines(list.out);
  REQUIRE(rows.size() == count);
  CHECK(rows.back() == "t-11999\tc-11999\tTip 11999.");
  const auto categories = run(tip({"--content-dir", dir.path(), "--list-categories"}));
  const auto names = lines(categories.out);
  REQUIRE(names.size() == count);
  CHECK(names[5000] == "c-5000");
  const auto typo = run(tip({"--content-dir", dir.path(), "--category", "cx-11999"}));
  CHECK(typo.status == 1);
  CHECK(typo.err.find("did you mean 'c-11999'?") != std::string::npos);
  CHECK(run(tip({"--content-dir", dir.path(), "--id", "t-11998"})).out == "Tip 11998.\n");
  // A duplicate at the very end is found, and its first place named.
  dir.write("tips.toml",
            many_tips(count, "[[tip]]\nid=\"t-7\"\ncategory=\"c\"\nsection=\"support\"\ntext=\"Again.\"\n"));
  const auto duplicate = run(tip({"--content-dir", dir.path()}));
  CHECK(duplicate.status == 65);
  CHECK(duplicate.err == "aa-tip: error: " + dir.path() + "/tips.toml:" + std::to_string(5 * count + 2) +
                             ":4: duplicate tip id 't-7' (first at line 37)\n");
}

TEST_CASE("--daily --count 300000 over 12,000 tips: every round whole, no day repeated") {
  aa::test::TempDir dir;
  const std::size_t pool = 12000;
  dir.write("tips.toml", many_tips(pool));
  // Shuffling the whole pool twice a day would take minutes here.
  const auto result = run(tip({"--content-dir", dir.path(), "--date", round_start(pool), "--count", "300000"}));
  CHECK(result.status == 0);
  const auto days = lines(result.out);
  REQUIRE(days.size() == 300000);
  check_rounds(days, pool);
}

TEST_CASE("--daily with two, three or five tips never shows a tip two days running") {
  for (std::size_t pool : {2, 3, 5}) {
    CAPTURE(pool);
    aa::test::TempDir dir;
    dir.write("tips.toml", many_tips(pool));
    const auto result = run(tip({"--content-dir", dir.path(), "--date", round_start(pool), "--count", "3000"}));
    CHECK(result.status == 0);
    const auto days = lines(result.out);
    REQUIRE(days.size() == 3000);
    check_rounds(days, pool);
    // Each day alone is the same tip as in the run.
    CHECK(run(tip({"--content-dir", dir.path(), "--date", round_start(pool)})).out == days[0] + "\n");
  }
}
