// SPDX-License-Identifier: MIT
// aa-journal, end to end through the built binary. Every test keeps its
// journal in a temporary directory, never in the real home.
#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "aa/content/builtin.hpp"
#include "aa/core/date.hpp"
#include "aa/core/prompts.hpp"
#include "files.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;
using aa::test::slurp;

namespace {

std::vector<std::string> journal(std::vector<std::string> args) {
  args.insert(args.begin(), command("aa-journal"));
  return args;
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

struct Home {
  aa::test::TempDir dir;
  std::string data() const { return dir.path() + "/data"; }
  std::string file() const { return data() + "/aa/journal.jsonl"; }
  RunOptions options(RunOptions base = {}) const {
    base.env["XDG_DATA_HOME"] = data();
    base.env["HOME"] = dir.path() + "/home";
    base.env["VISUAL"] = std::nullopt;
    base.env["EDITOR"] = std::nullopt;
    return base;
  }
  RunOptions piping(std::string text) const {
    RunOptions base;
    base.stdin_text = std::move(text);
    return options(base);
  }
  RunOptions typing(std::vector<std::string> keys, std::optional<std::string> editor = std::nullopt) const {
    RunOptions base;
    base.terminal = true;
    base.keys = std::move(keys);
    base = options(base);
    base.env["EDITOR"] = editor;
    return base;
  }
  // Writes an executable script in the home and returns its path.
  std::string script(const std::string& name, const std::string& body) const {
    const std::string path = dir.write(name, "#!/bin/sh\n" + body);
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return path;
  }
  nlohmann::json entries() const { return nlohmann::json::parse(run(journal({"--list", "--json"}), options()).out); }
};

void check_is_error(const RunResult& result, int status, std::string_view part = "") {
  CAPTURE(result.err);
  CHECK(result.status == status);
  CHECK(result.out.empty());
  CHECK(result.err.starts_with("aa-journal: error: "));
  CHECK(aa::test::count_lines(result.err) == 1);
  CHECK(has(result.err, part));
}

const aa::Prompt& today_prompt() { return aa::daily_prompt(aa::builtin_content().prompts, aa::local_today()); }

}  // namespace

TEST_CASE("--prompt prints the prompt of the day, --date another day's, by the tip rotation") {
  Home home;
  const auto today = run(journal({"--prompt"}), home.options());
  CHECK(today.status == 0);
  CHECK(today.out == std::string(today_prompt().text) + "\n");
  const auto prompts = aa::builtin_content().prompts;
  const auto day = run(journal({"--date", "2026-03-01"}), home.options());
  CHECK(day.out == std::string(aa::daily_prompt(prompts, *aa::parse_iso_date("2026-03-01")).text) + "\n");
  const auto next = run(journal({"--date", "2026-03-02"}), home.options());
  CHECK(next.out != day.out);
  check_is_error(run(journal({"--date", "2026-02-30"}), home.options()), 2, "2026-02-30");
  const auto json = nlohmann::json::parse(run(journal({"--prompt", "--json"}), home.options()).out);
  CHECK(json[0]["id"] == std::string(today_prompt().id));
  const auto markdown = run(journal({"--prompt", "--format", "markdown"}), home.options());
  CHECK(markdown.out.starts_with("---\ntitle: \"Prompt of the day, "));
}

TEST_CASE("--random gives a prompt, the same for the same --seed, --list-prompts lists them all") {
  Home home;
  const auto a = run(journal({"--random", "--seed", "5"}), home.options());
  CHECK(a.status == 0);
  CHECK(a.out == run(journal({"--random", "--seed", "5"}), home.options()).out);
  bool known = false;
  for (const aa::Prompt& prompt : aa::builtin_content().prompts)
    known = known || a.out == std::string(prompt.text) + "\n";
  CHECK(known);
  const auto list = run(journal({"--list-prompts"}), home.options());
  CHECK(aa::test::count_lines(list.out) == aa::builtin_content().prompts.size());
  CHECK(has(list.out, "quiet-day\timpact\toveranalysing\t"));
  // A list of names is a document like the others: Markdown too.
  const auto markdown = run(journal({"--list-prompts", "--format", "markdown"}), home.options());
  CHECK(markdown.status == 0);
  CHECK(markdown.out.starts_with("---\ntitle: "));
  CHECK(has(markdown.out, aa::find_prompt(aa::builtin_content().prompts, "quiet-day").text));
  check_is_error(run(journal({"--seed", "3"}), home.options()), 2);
}

TEST_CASE("an entry from a pipe is saved for today's prompt, privately") {
  Home home;
  const auto saved = run(journal({}), home.piping("A calmer day.\n"));
  CHECK(saved.status == 0);
  CHECK(saved.out == "Saved entry 1 in your journal.\n");
  CHECK(aa::test::mode_of(home.file()) == 0600);
  CHECK(aa::test::mode_of(home.data() + "/aa") == 0700);
  const auto entries = home.entries();
  REQUIRE(entries.size() == 1);
  CHECK(entries[0]["id"] == 1);
  CHECK(entries[0]["prompt"] == std::string(today_prompt().id));
  CHECK(entries[0]["text"] == "A calmer day.");
  CHECK(entries[0]["date"] == aa::format_iso_date(aa::local_today()));
  const std::string time = entries[0]["time"];
  CHECK(time.size() == 25);  // 2026-03-01T21:14:05+01:00
}

TEST_CASE("--prompt-id chooses the prompt by the name rule, --no-prompt saves a free entry") {
  Home home;
  CHECK(run(journal({"--prompt-id", "QUIET-D"}), home.piping("One")).status == 0);
  CHECK(run(journal({"--no-prompt"}), home.piping("Two")).status == 0);
  const auto entries = home.entries();
  CHECK(entries[0]["prompt"] == "quiet-day");
  CHECK(entries[1]["prompt"].is_null());
  const auto unknown = run(journal({"--prompt-id", "quiet-dya"}), home.piping("x"));
  check_is_error(unknown, 1, "did you mean 'quiet-day'");
  CHECK(has(unknown.err, "aa-journal --list-prompts"));
  check_is_error(run(journal({"--prompt-id", "quiet-day", "--no-prompt"}), home.piping("x")), 2);
  CHECK(home.entries().size() == 2);
}

TEST_CASE("--list --from and --to take today, yesterday, Nd and Nw, by the local date entries were written on") {
  Home home;
  // Noon in UTC, read in UTC: the local date of each entry is its own.
  const RunOptions utc = home.options(RunOptions{.env = {{"TZ", "UTC0"}}});
  const auto utc_today = [] { return std::int64_t{std::time(nullptr) / 86400}; };
  const std::int64_t today = utc_today();
  const auto day = [&](int back) { return aa::format_iso_date(today - back); };
  std::string lines;
  int id = 1;
  for (int back : {21, 7, 1, 0}) {
    lines += "{\"id\":" + std::to_string(id++) + ",\"time\":\"" + day(back) +
             "T12:00:00Z\",\"prompt\":null,\"text\":\"Entry.\"}\n";
  }
  aa::test::write_private_file(home.file(), lines);
  auto ids = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--list", "--json"});
    std::vector<int> out;
    const auto result = run(journal(args), utc);
    if (result.status != 0) return out;
    for (const auto& entry : nlohmann::json::parse(result.out)) out.push_back(entry["id"]);
    return out;
  };
  const auto week = ids({"--from", "1w"});
  const auto yesterday = ids({"--from", "yesterday", "--to", "yesterday"});
  const auto before = ids({"--to", "2d"});
  const auto today_only = ids({"--from", "0d"});
  const auto three_weeks = ids({"--from", "3w", "--to", "7d"});
  const auto text = run(journal({"--list", "--from", "today"}), utc);
  if (utc_today() != today) return;  // past midnight meanwhile: the days moved
  CHECK(week == std::vector<int>{2, 3, 4});
  CHECK(yesterday == std::vector<int>{3});
  CHECK(before == std::vector<int>{1, 2});
  CHECK(today_only == std::vector<int>{4});
  CHECK(three_weeks == std::vector<int>{1, 2});
  CHECK(text.status == 0);
  CHECK(text.out.starts_with("4 · " + day(0) + " 12:00"));
  const auto refused = run(journal({"--list", "--to", "last week"}), utc);
  CHECK(refused.status == 2);
  CHECK(refused.out.empty());
  CHECK(refused.err ==
        "aa-journal: error: --to: 'last week' is not a day: give YYYY-MM-DD, today, yesterday, Nd or "
        "Nw (N days or weeks ago) (try 'aa-journal --help')\n");
  check_is_error(run(journal({"--list", "--from", "today", "--to", "1w"}), utc), 2, "is before --from");
  check_is_error(run(journal({"--from", "today"}), utc), 2);  // only with --list
}

TEST_CASE("bad entries are refused and save nothing, an empty one says so") {
  Home home;
  check_is_error(run(journal({}), home.piping("bad \x1b[31m colour")), 2, "U+001B");
  check_is_error(run(journal({}), home.piping("\xff\xfe")), 2, "UTF-8");
  check_is_error(run(journal({}), home.piping(std::string(70000, 'a'))), 2, "64 KiB");
  const auto empty = run(journal({}), home.piping(" \n\n"));
  CHECK(empty.status == 1);
  CHECK(has(empty.err, "nothing was saved"));
  CHECK_FALSE(std::filesystem::exists(home.file()));
}

TEST_CASE("--list with -n, --from and --to, --show, formats") {
  Home home;
  aa::test::write_private_file(
      home.file(), R"({"id":1,"time":"2026-03-01T21:14:05+01:00","prompt":"quiet-day","text":"First <b>day</b>."})"
                   "\n"
                   R"({"id":2,"time":"2026-03-03T08:00:00-05:00","prompt":null,"text":"Second\nday \u001b[2J"})"
                   "\n"
                   R"({"id":4,"time":"2026-03-05T12:00:00Z","prompt":"gone-prompt","text":"Fourth."})"
                   "\n");
  const auto all = run(journal({"--list"}), home.options(RunOptions{.env = {{"TZ", "UTC0"}}}));
  CHECK(all.status == 0);
  CHECK(all.out.starts_with("1 · 2026-03-01 20:14 · quiet-day\n"));
  CHECK(has(all.out, "day \\x1b[2J"));
  CHECK_FALSE(has(all.out, "\x1b"));
  auto ids = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--list", "--json"});
    std::vector<int> out;
    for (const auto& entry : nlohmann::json::parse(run(journal(args), home.options()).out)) out.push_back(entry["id"]);
    return out;
  };
  CHECK(ids({}) == std::vector<int>{1, 2, 4});
  CHECK(ids({"-n", "2"}) == std::vector<int>{2, 4});
  CHECK(ids({"--from", "2026-03-02"}) == std::vector<int>{2, 4});
  CHECK(ids({"--to", "2026-03-03"}) == std::vector<int>{1, 2});
  CHECK(ids({"--from", "2026-03-02", "--to", "2026-03-04"}) == std::vector<int>{2});
  CHECK(ids({"--from", "2027-01-01"}).empty());  // [] all the same, with exit 1 (below)
  check_is_error(run(journal({"--list", "--from", "2026-03-05", "--to", "2026-03-01"}), home.options()), 2);
  check_is_error(run(journal({"--last", "2"}), home.options()), 2);

  const auto shown = run(journal({"--show", "4"}), home.options(RunOptions{.env = {{"TZ", "UTC0"}}}));
  CHECK(shown.status == 0);
  CHECK(shown.out == "4 · 2026-03-05 12:00 · gone-prompt\nFourth.\n");
  check_is_error(run(journal({"--show", "3"}), home.options()), 1, "there is no entry 3");
  check_is_error(run(journal({"--show", "x"}), home.options()), 2);

  const auto markdown = run(journal({"--list", "--format", "markdown"}), home.options());
  CHECK(markdown.out.starts_with("---\ntitle: \"Journal\"\n---\n"));
  CHECK_FALSE(has(markdown.out, "<b>"));
  if (std::filesystem::exists("/usr/bin/pandoc")) {
    aa::test::TempDir out;
    const std::string md = out.write("journal.md", markdown.out);
    const auto parsed = run({"/usr/bin/pandoc", "-s", "-f", "markdown", "-t", "json", md});
    REQUIRE(parsed.status == 0);
    const auto document = nlohmann::json::parse(parsed.out);
    CHECK(document["meta"]["title"]["t"] == "MetaInlines");
    int headers = 0;
    for (const auto& block : document["blocks"]) headers += block["t"] == "Header";
    CHECK(headers == 3);
    const auto html = run({"/usr/bin/pandoc", "-s", "-f", "markdown", "-t", "html", md});
    CHECK(has(html.out, "<title>Journal</title>"));
    CHECK(has(html.out, "id=\"entry-4\""));
    CHECK(has(html.out, "&lt;b&gt;day&lt;/b&gt;"));
  }
}

TEST_CASE("an entry's time reads YYYY-MM-DD HH:MM in local time, in text, Markdown and the --delete question") {
  Home home;
  aa::test::write_private_file(home.file(),
                               R"({"id":1,"time":"2026-03-01T21:14:05+01:00","prompt":null,"text":"Late walk."})"
                               "\n"
                               R"({"id":2,"time":"2026-03-03T08:00:00-05:00","prompt":null,"text":"Morning."})"
                               "\n");
  const auto in_zone = [&](const char* zone, RunOptions base = {}) {
    base.env["TZ"] = zone;
    return home.options(base);
  };
  // TZ decides: the same entry at another place's clock, across midnight too.
  CHECK(run(journal({"--show", "1"}), in_zone("UTC0")).out == "1 · 2026-03-01 20:14\nLate walk.\n");
  CHECK(run(journal({"--show", "1"}), in_zone("CET-1")).out == "1 · 2026-03-01 21:14\nLate walk.\n");
  CHECK(run(journal({"--show", "1"}), in_zone("JST-9")).out == "1 · 2026-03-02 05:14\nLate walk.\n");
  const auto list = run(journal({"--list"}), in_zone("UTC0"));
  CHECK(list.out == "1 · 2026-03-01 20:14\nLate walk.\n\n2 · 2026-03-03 13:00\nMorning.\n");
  // Markdown headings: the same words, nothing escaped, no offset.
  const auto markdown = run(journal({"--list", "--format", "markdown"}), in_zone("UTC0"));
  CHECK(has(markdown.out, "\n## 2026-03-01 20:14 {#entry-1}\n"));
  CHECK(has(markdown.out, "\n## 2026-03-03 13:00 {#entry-2}\n"));
  CHECK_FALSE(has(markdown.out, "\\+"));
  CHECK_FALSE(has(markdown.out, "+01:00"));
  // On a terminal, as in a pipe.
  RunOptions tty;
  tty.terminal = true;
  const auto shown = run(journal({"--show", "2", "--no-pager", "--color=never"}), in_zone("UTC0", tty));
  CHECK(has(shown.out, "2 · 2026-03-03 13:00"));
  // JSON keeps the time as it was written.
  const auto json = nlohmann::json::parse(run(journal({"--show", "1", "--json"}), in_zone("UTC0")).out);
  CHECK(json[0]["time"] == "2026-03-01T21:14:05+01:00");
  // The question before a deletion.
  RunOptions typing;
  typing.terminal = true;
  typing.keys = {"n\n"};
  const auto declined = run(journal({"--delete", "1"}), in_zone("UTC0", typing));
  CHECK(declined.status == 1);
  CHECK(has(declined.err, "Entry 1, written 2026-03-01 20:14:\n"));
  CHECK_FALSE(has(declined.err, "T21:14"));
}

TEST_CASE("--list with nothing to show is exit 1, with what was empty and how to see more on stderr") {
  Home home;
  const std::string yet = "aa-journal: error: no entries yet; 'aa-journal' writes the first one\n";
  for (const char* format : {"text", "markdown"}) {
    CAPTURE(format);
    const auto none = run(journal({"--list", "--format", format}), home.options());
    CHECK(none.status == 1);
    CHECK(none.out.empty());
    CHECK(none.err == yet);
  }
  const auto none_json = run(journal({"--list", "--json"}), home.options());
  CHECK(none_json.status == 1);
  CHECK(none_json.out == "[]\n");
  CHECK(none_json.err == yet);
  const auto on_terminal = run(journal({"--list", "--no-pager"}), home.typing({}));
  CHECK(on_terminal.status == 1);
  CHECK(on_terminal.out.empty());
  CHECK(on_terminal.err == yet);

  run(journal({"--no-prompt"}), home.piping("Something."));
  const auto check_range = [&](std::vector<std::string> range, const std::string& days) {
    CAPTURE(days);
    const std::string said = "aa-journal: error: no entries written " + days + "; 'aa-journal --list' shows them all\n";
    for (const char* format : {"text", "markdown", "json"}) {
      CAPTURE(format);
      std::vector<std::string> args = {"--list", "--format", format};
      args.insert(args.end(), range.begin(), range.end());
      const auto none = run(journal(args), home.options());
      CHECK(none.status == 1);
      CHECK(none.out == (std::string(format) == "json" ? "[]\n" : ""));
      CHECK(none.err == said);
    }
  };
  check_range({"--from", "2999-01-01"}, "from 2999-01-01 on");
  check_range({"--to", "2000-01-01", "-n", "2"}, "up to 2000-01-01");
  check_range({"--from", "2000-01-01", "--to", "2000-12-31"}, "from 2000-01-01 to 2000-12-31");
  // A search with no hit says it the same way: "no ...", exit 1.
  check_is_error(run(journal({"--search", "zebra"}), home.options()), 1, "no entry contains 'zebra'");
  CHECK(run(journal({"--list"}), home.options()).status == 0);
}

TEST_CASE("--search: the search rules, id:line, no match is exit 1") {
  Home home;
  run(journal({"--no-prompt"}), home.piping("We talked about Boundaries.\nIt went ‘fine’."));
  run(journal({"--no-prompt"}), home.piping("Nothing much."));
  const auto found = run(journal({"--search", "boundary"}), home.options());
  CHECK(found.status == 0);
  CHECK(found.out == "1:We talked about Boundaries.\n");
  CHECK(run(journal({"--search", "'FINE'"}), home.options()).out == "1:It went ‘fine’.\n");
  const auto json = nlohmann::json::parse(run(journal({"--search", "much", "--json"}), home.options()).out);
  REQUIRE(json.size() == 1);
  CHECK(json[0]["id"] == 2);
  check_is_error(run(journal({"--search", "zebra"}), home.options()), 1, "no entry contains 'zebra'");
  const auto none = run(journal({"--search", "zebra", "--json"}), home.options());
  CHECK(none.status == 1);
  CHECK(none.out == "[]\n");
}

TEST_CASE("--delete: --yes, refused without a terminal, asked on one, ids are never given again") {
  Home home;
  for (const char* text : {"one", "two", "three"}) run(journal({"--no-prompt"}), home.piping(text));
  const auto refused = run(journal({"--delete", "2"}), home.piping("y\n"));
  check_is_error(refused, 2, "--yes");
  CHECK(home.entries().size() == 3);

  const auto declined = run(journal({"--delete", "2"}), home.typing({"n\n"}));
  CHECK(declined.status == 1);
  CHECK(has(declined.err, "Delete it? This cannot be undone. [y/N]"));
  CHECK(has(declined.err, "Nothing was deleted."));
  CHECK(home.entries().size() == 3);
  const auto confirmed = run(journal({"--delete", "2"}), home.typing({"y\n"}));
  CHECK(confirmed.status == 0);
  CHECK(has(confirmed.out, "Deleted entry 2."));
  CHECK(home.entries().size() == 2);

  const auto yes = run(journal({"--delete", "3", "--yes"}), home.options());
  CHECK(yes.out == "Deleted entry 3.\n");
  CHECK(aa::test::mode_of(home.file()) == 0600);
  // The highest id went: the next entry still gets a new one.
  CHECK(run(journal({"--no-prompt"}), home.piping("four")).out == "Saved entry 4 in your journal.\n");
  std::vector<int> ids;
  for (const auto& entry : home.entries()) ids.push_back(entry["id"]);
  CHECK(ids == std::vector<int>{1, 4});
  check_is_error(run(journal({"--delete", "3", "--yes"}), home.options()), 1, "there is no entry 3");
  const auto json = nlohmann::json::parse(run(journal({"--delete", "1", "--yes", "--json"}), home.options()).out);
  CHECK(json["deleted"] == 1);
}

TEST_CASE("--forget deletes everything, with the rules of aa-check --forget") {
  Home home;
  const auto nothing = run(journal({"--forget", "--yes"}), home.options());
  CHECK(nothing.status == 0);
  CHECK(has(nothing.out, "no journal"));
  run(journal({}), home.piping("entry"));
  check_is_error(run(journal({"--forget"}), home.piping("y\n")), 2, "--yes");
  const auto declined = run(journal({"--forget"}), home.typing({"n\n"}));
  CHECK(declined.status == 1);
  CHECK(std::filesystem::exists(home.file()));
  const auto confirmed = run(journal({"--forget"}), home.typing({"y\n"}));
  CHECK(confirmed.status == 0);
  CHECK_FALSE(std::filesystem::exists(home.file()));
  run(journal({}), home.piping("entry"));
  const auto json = nlohmann::json::parse(run(journal({"--forget", "--yes", "--json"}), home.options()).out);
  CHECK(json["deleted"] == true);
}

TEST_CASE("on a terminal with EDITOR set, the editor writes the entry, comments are left out, the draft goes") {
  Home home;
  // The editor checks the draft's mode and prompt comment, then writes above them.
  const std::string editor =
      home.script("editor.sh",
                  "test \"$(stat -c %a \"$1\")\" = 600 || exit 3\n"
                  "grep -q \"^# .*'#'\" \"$1\" || exit 4\n"
                  "echo \"$1\" > \"$(dirname \"$0\")/draft-path\"\n"
                  "{ printf 'Written in the editor.\\n'; cat \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n");
  const auto result = run(journal({}), home.typing({}, editor));
  CAPTURE(result.out);
  CHECK(result.status == 0);
  CHECK(has(result.out, "Saved entry 1"));
  const auto entries = home.entries();
  REQUIRE(entries.size() == 1);
  CHECK(entries[0]["text"] == "Written in the editor.");
  const std::string draft = slurp(home.dir.path() + "/draft-path");
  CHECK(draft.starts_with(home.data() + "/aa/journal-draft-"));
  CHECK_FALSE(std::filesystem::exists(draft.substr(0, draft.size() - 1)));
}

TEST_CASE("an editor that leaves only the comments saves nothing, one that fails keeps the writing") {
  Home home;
  const auto empty = run(journal({}), home.typing({}, std::string("true")));
  CHECK(empty.status == 1);
  CHECK(has(empty.err, "The entry is empty: nothing was saved."));
  CHECK_FALSE(std::filesystem::exists(home.file()));

  const std::string failing = home.script("failing.sh", "echo 'Half a thought' >> \"$1\"\nexit 3\n");
  const auto failed = run(journal({}), home.typing({}, failing));
  CHECK(failed.status == 74);
  CHECK(has(failed.err, "exited with status 3"));
  CHECK(has(failed.err, "what you wrote is kept in " + home.data() + "/aa/journal-draft-"));
  CHECK_FALSE(std::filesystem::exists(home.file()));
  std::vector<std::string> drafts;
  for (const auto& entry : std::filesystem::directory_iterator(home.data() + "/aa")) drafts.push_back(entry.path());
  REQUIRE(drafts.size() == 1);
  CHECK(has(slurp(drafts[0]), "Half a thought"));

  const auto missing = run(journal({}), home.typing({}, std::string("/nonexistent/editor")));
  CHECK(missing.status == 74);
  CHECK(has(missing.err, "could not be run"));
  CHECK(has(missing.err, "nothing was saved"));
}

TEST_CASE("on a terminal with no editor, lines typed until Ctrl-D are the entry") {
  Home home;
  const auto typed = run(journal({"--prompt-id", "quiet-day"}), home.typing({"First line\n", "second line\n", "\x04"}));
  CAPTURE(typed.out);
  CHECK(typed.status == 0);
  // The prompt is shown first (wrapped to the terminal, so only its start is compared).
  CHECK(has(typed.err, aa::find_prompt(aa::builtin_content().prompts, "quiet-day").text.substr(0, 30)));
  CHECK(has(typed.err, "Ctrl-D"));
  const auto entries = home.entries();
  REQUIRE(entries.size() == 1);
  CHECK(entries[0]["text"] == "First line\nsecond line");
  const auto nothing = run(journal({}), home.typing({"\x04"}));
  CHECK(nothing.status == 1);
  CHECK(home.entries().size() == 1);
}

TEST_CASE("Ctrl-C while typing an entry says nothing was saved and exits 130") {
  Home home;
  const auto stopped = run(journal({"--no-prompt"}), home.typing({"Half a line\n", "\x03"}));
  CHECK(stopped.status == 130);
  CHECK(has(stopped.err, "\nStopped: nothing was saved.\n"));
  CHECK_FALSE(std::filesystem::exists(home.file()));
}

TEST_CASE("20 runs saving at once leave 20 whole entries with 20 ids") {
  Home home;
  constexpr int runs = 20;
  std::vector<std::string> env_strings = {"XDG_DATA_HOME=" + home.data(), "HOME=" + home.dir.path() + "/home",
                                          "PATH=/usr/bin:/bin"};
  std::vector<char*> envp;
  for (std::string& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);
  std::vector<pid_t> children;
  std::vector<std::string> inputs;
  for (int i = 0; i < runs; ++i)
    inputs.push_back(home.dir.write("in" + std::to_string(i), "Entry number " + std::to_string(i) + "\n"));
  for (int i = 0; i < runs; ++i) {
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDIN_FILENO, inputs[i].c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> args = journal({"--no-prompt"});
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), envp.data()) == 0);
    posix_spawn_file_actions_destroy(&files);
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  const auto entries = home.entries();
  REQUIRE(entries.size() == runs);
  std::set<int> ids, numbers;
  for (const auto& entry : entries) {
    ids.insert(entry["id"].get<int>());
    const std::string text = entry["text"];
    REQUIRE(text.starts_with("Entry number "));
    numbers.insert(std::stoi(text.substr(13)));
  }
  CHECK(ids.size() == runs);
  CHECK(*ids.rbegin() == runs);
  CHECK(numbers.size() == runs);
}

namespace {

// Starts aa-journal with `args` in the home, stdin from `input`, stdout
// thrown away and stderr into `errors`; returns its pid.
pid_t start_journal(const Home& home, std::vector<std::string> args, const std::string& input,
                    const std::string& errors) {
  std::vector<std::string> env_strings = {"XDG_DATA_HOME=" + home.data(), "HOME=" + home.dir.path() + "/home",
                                          "PATH=/usr/bin:/bin"};
  std::vector<char*> envp;
  for (std::string& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDIN_FILENO, input.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDERR_FILENO, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  args = journal(std::move(args));
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&files);
  REQUIRE(spawned == 0);
  return pid;
}

int finish(pid_t pid) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TEST_CASE("ten deletions while ten runs save: nothing saved is lost, exactly the deleted entries go") {
  Home home;
  for (int i = 0; i < 30; ++i) {
    REQUIRE(run(journal({"--no-prompt"}), home.piping("old " + std::to_string(i))).status == 0);
  }
  const auto before = home.entries();
  REQUIRE(before.size() == 30);
  // The five oldest and the five newest: deleting the newest is what
  // could let a new entry take a deleted one's id.
  std::vector<int> doomed;
  for (int i = 0; i < 5; ++i) doomed.push_back(i);
  for (int i = 25; i < 30; ++i) doomed.push_back(i);
  std::set<int> deleted;
  for (int i : doomed) deleted.insert(before[i]["id"].get<int>());
  // Savers and deleters started in turn, before any is waited for, so that
  // appends meet rewrites.
  std::vector<pid_t> runs;
  std::vector<std::string> errors;
  for (int i = 0; i < 10; ++i) {
    const std::string input = home.dir.write("new" + std::to_string(i), "new " + std::to_string(i) + "\n");
    errors.push_back(home.dir.path() + "/save-errors" + std::to_string(i));
    runs.push_back(start_journal(home, {"--no-prompt"}, input, errors.back()));
    errors.push_back(home.dir.path() + "/delete-errors" + std::to_string(i));
    runs.push_back(start_journal(home, {"--delete", std::to_string(before[doomed[i]]["id"].get<int>()), "--yes"},
                                 "/dev/null", errors.back()));
  }
  for (std::size_t i = 0; i < runs.size(); ++i) {
    CAPTURE(errors[i]);
    CHECK(finish(runs[i]) == 0);
    // A run may say it waited for another; it reports no problem.
    CHECK_FALSE(has(slurp(errors[i]), "error"));
  }

  // The file holds whole lines only, each an entry or a retired id.
  const std::string text = slurp(home.file());
  REQUIRE(!text.empty());
  CHECK(text.back() == '\n');
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    CAPTURE(line);
    const auto record = nlohmann::json::parse(line, nullptr, false);
    REQUIRE(record.is_object());
    CHECK((record.contains("id") || record.contains("retired")));
    start = end + 1;
  }
  // Nothing else is left in the folder: no temporary file of a deletion.
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(home.data() + "/aa")) {
    names.push_back(entry.path().filename().string());
  }
  CHECK(names == std::vector<std::string>{"journal.jsonl"});

  const auto after = home.entries();
  CHECK(after.size() == 30);
  std::multiset<std::string> texts;
  std::set<int> ids;
  for (const auto& entry : after) {
    texts.insert(entry["text"].get<std::string>());
    const int id = entry["id"].get<int>();
    ids.insert(id);
    // A deleted entry's id is never given to a new one.
    CHECK(deleted.count(id) == 0);
  }
  CHECK(ids.size() == after.size());
  for (int i = 0; i < 10; ++i) CHECK(texts.count("new " + std::to_string(i)) == 1);
  for (int i = 0; i < 30; ++i) {
    const bool gone = std::find(doomed.begin(), doomed.end(), i) != doomed.end();
    CHECK(texts.count("old " + std::to_string(i)) == (gone ? 0 : 1));
  }
}

TEST_CASE("odd lines in the journal are reported, not fatal, and kept through a deletion") {
  Home home;
  run(journal({"--no-prompt"}), home.piping("good one"));
  {
    std::ofstream out(home.file(), std::ios::app);
    out << "not json\n{\"id\":\"x\"}\n";
  }
  run(journal({"--no-prompt"}), home.piping("good two"));
  const auto listed = run(journal({"--list"}), home.options());
  CHECK(listed.status == 0);
  CHECK(has(listed.out, "good one"));
  CHECK(has(listed.out, "good two"));
  CHECK(has(listed.err, "journal.jsonl:2: not a journal entry (not JSON)"));
  CHECK(has(listed.err, "journal.jsonl:3: not a journal entry"));
  CHECK(run(journal({"--delete", "1", "--yes"}), home.options()).status == 0);
  const std::string text = slurp(home.file());
  CHECK(has(text, "not json\n{\"id\":\"x\"}\n"));
  CHECK_FALSE(has(text, "good one"));
  CHECK(has(text, "good two"));
}

TEST_CASE("a journal that is a symbolic link is refused, --content-dir prompts are used") {
  Home home;
  std::filesystem::create_directories(home.data() + "/aa");
  const std::string elsewhere = home.dir.write("elsewhere", "");
  std::filesystem::create_symlink(elsewhere, home.file());
  check_is_error(run(journal({}), home.piping("text")), 74, "symbolic link");
  CHECK(slurp(elsewhere).empty());

  aa::test::TempDir content;
  content.write("prompts.toml", "[[prompt]]\nid = \"mine\"\nsection = \"support\"\ntext = \"My own prompt?\"\n");
  const auto own = run(journal({"--prompt", "--content-dir", content.path()}), home.options());
  CHECK(own.out == "My own prompt?\n");
  content.write("prompts.toml", "[[prompt]]\nid = \"mine\"\nsection = \"support\"\nsign = \"nope\"\ntext = \"X?\"\n");
  check_is_error(run(journal({"--prompt", "--content-dir", content.path()}), home.options()), 65,
                 "prompts.toml:4:8: prompt 'mine' refers to unknown sign 'nope'");
}
