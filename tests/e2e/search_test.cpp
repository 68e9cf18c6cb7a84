// SPDX-License-Identifier: MIT
// aa-search, end to end: the guide, the FAQ and the tips at once, and with
// --mine the journal too, plain or encrypted; in a pipe and on a terminal.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aa/content/text.hpp"
#include "aa/io/age.hpp"
#include "files.hpp"
#include "guide_e2e.hpp"
#include "home.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::lines_of;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;
using aa::test::without_escapes;

namespace {

std::vector<std::string> search(std::vector<std::string> args) {
  args.insert(args.begin(), command("aa-search"));
  return args;
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::string lower(std::string text) {
  for (char& c : text) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return text;
}

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  fields.push_back(line.substr(start));
  return fields;
}

// A journal with a line that holds a tab and a terminal's control sequence.
const std::string journal_lines =
    R"({"id":3,"time":"2026-03-01T21:14:05+01:00","prompt":null,"text":"Slept badly.\nCalled my therapist\tat \u001b[2Jnine."})"
    "\n"
    R"({"id":5,"time":"2026-03-02T08:00:00+01:00","prompt":null,"text":"A quiet morning."})"
    "\n";

struct Home : aa::test::PrivateHome {
  std::string journal() const { return data() + "/aa/journal.jsonl"; }
  // The passphrase from a command, as with `pass show aa`.
  RunOptions opened(const std::string& passphrase, RunOptions base = {}) const {
    base.env["AA_PASSPHRASE_COMMAND"] = "printf '%s\\n' '" + passphrase + "'";
    return options(base);
  }
};

}  // namespace

TEST_CASE("aa-search finds the guide, the FAQ, the tips and the exercises at once: from<TAB>id<TAB>text, in order") {
  const RunResult found = run(search({"therapist"}));
  CHECK(found.status == 0);
  CHECK(found.err.empty());
  CHECK_FALSE(has(found.out, "\x1b"));
  std::vector<std::string> froms;
  for (const std::string& line : lines_of(found.out)) {
    CAPTURE(line);
    const auto fields = fields_of(line);
    REQUIRE(fields.size() == 3);
    CHECK(!fields[1].empty());
    CHECK(has(lower(fields[2]), "therapist"));
    if (froms.empty() || froms.back() != fields[0]) froms.push_back(fields[0]);
  }
  CHECK(froms == std::vector<std::string>{"guide", "faq", "tip", "exercise"});
  // Each id opens its hit with the kind's own command.
  const std::string exercise_list = run({command("aa-practice"), "--list"}).out;
  std::size_t exercise_hits = 0;
  for (const std::string& line : lines_of(found.out)) {
    const auto fields = fields_of(line);
    if (fields[0] == "guide") CHECK(run({command("aa-read"), fields[1]}).status == 0);
    if (fields[0] == "faq") CHECK(run({command("aa-faq"), fields[1]}).status == 0);
    if (fields[0] == "tip") CHECK(run({command("aa-tip"), "--id", fields[1]}).status == 0);
    if (fields[0] == "exercise") {
      ++exercise_hits;
      CHECK(has(exercise_list, fields[1] + "\t"));
    }
  }
  // The same hits as each command's own search, and no other.
  const auto count = [](const std::string& text) { return lines_of(text).size(); };
  CHECK(count(found.out) == exercise_hits + count(run({command("aa-read"), "--search", "therapist"}).out) +
                                count(run({command("aa-faq"), "--search", "therapist"}).out) +
                                count(run({command("aa-tip"), "--search", "therapist"}).out));
  // Through aa, as every command.
  CHECK(run({command("aa"), "search", "therapist"}).out == found.out);
  // Without --mine the journal is never opened, not even a broken one.
  Home home;
  aa::test::write_private_file(home.journal(), "not json\n");
  const RunResult without = run(search({"therapist"}), home.options());
  CHECK(without.out == found.out);
  CHECK(without.err.empty());
}

TEST_CASE("aa-search --json: an array of {from, id, text}, [] and exit 1 when nothing matches") {
  const RunResult found = run(search({"--json", "reassurance"}));
  CHECK(found.status == 0);
  const auto hits = nlohmann::json::parse(found.out);
  REQUIRE(hits.is_array());
  REQUIRE(!hits.empty());
  std::set<std::string> froms;
  for (const auto& hit : hits) {
    CHECK(hit.size() == 3);
    CHECK(hit.begin().key() == "from");
    froms.insert(hit["from"].get<std::string>());
    CHECK(hit["id"].is_string());
    CHECK(hit["text"].is_string());
  }
  CHECK(froms == std::set<std::string>{"guide", "tip", "exercise"});
  CHECK(hits.size() == lines_of(run(search({"reassurance"})).out).size());
  CHECK(run(search({"--format", "json", "reassurance"})).out == found.out);

  const RunResult none = run(search({"--json", "zebraquagga"}));
  CHECK(none.status == 1);
  CHECK(none.out == "[]\n");
  CHECK(none.err ==
        "aa-search: error: no text in the guide, the FAQ, the tips or the exercises contains 'zebraquagga'\n");
}

TEST_CASE("aa-search with no match, and bad input") {
  const RunResult none = run(search({"zebraquagga"}));
  CHECK(none.status == 1);
  CHECK(none.out.empty());
  CHECK(none.err ==
        "aa-search: error: no text in the guide, the FAQ, the tips or the exercises contains 'zebraquagga'\n");
  Home home;
  const RunResult mine = run(search({"--mine", "zebraquagga"}), home.options());
  CHECK(mine.status == 1);
  CHECK(mine.err ==
        "aa-search: error: no text in the guide, the FAQ, the tips, the exercises or your journal contains "
        "'zebraquagga'\n");

  const auto usage = [](const std::vector<std::string>& args, const std::string& message) {
    const RunResult result = run(search(args));
    CAPTURE(message);
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err == "aa-search: error: " + message + " (try 'aa-search --help')\n");
  };
  usage({}, "TEXT must be given");
  usage({""}, "TEXT: must not be empty");
  usage({"--format", "markdown", "calm"}, "--format: 'markdown' is not one of text, json");
  usage({"--mine=yes", "calm"}, "--mine takes no value, but was given 'yes'");
  usage({"--mien", "calm"}, "unknown option '--mien'; did you mean '--mine'?");
  // A content file of one's own replaces its twin; one that cannot be used is refused.
  aa::test::TempDir dir;
  {
    std::ofstream tips(dir.path() + "/tips.toml");
    tips << "[[tip]]\nid = \"zebra-tip\"\ncategory = \"c\"\nsection = \"support\"\ntext = \"Count zebras.\"\n";
  }
  const RunResult own = run(search({"--content-dir", dir.path(), "zebras"}));
  CHECK(own.status == 0);
  CHECK(own.out == "tip\tzebra-tip\tCount zebras.\n");
  CHECK(run(search({"zebras"}), RunOptions{.env = {{"AA_CONTENT_DIR", dir.path()}}}).out == own.out);
  CHECK(run(search({"--content-dir", dir.path() + "/missing", "calm"})).status == 2);
  {
    std::ofstream broken(dir.path() + "/faq.toml");
    broken << "this is = not [ toml\n";
  }
  const RunResult bad = run(search({"--content-dir", dir.path(), "calm"}));
  CHECK(bad.status == 65);
  CHECK(bad.out.empty());
  CHECK(has(bad.err, "faq.toml:1:"));
}

TEST_CASE("aa-search --mine searches a plain journal too, its lines escaped") {
  Home home;
  aa::test::write_private_file(home.journal(), journal_lines);
  const RunResult found = run(search({"--mine", "therapist"}), home.options());
  CHECK(found.status == 0);
  const auto lines = lines_of(found.out);
  REQUIRE(!lines.empty());
  // Last, after the content, and one line of three fields whatever it holds.
  CHECK(lines.back() == "journal\t3\tCalled my therapist\\x09at \\x1b[2Jnine.");
  CHECK_FALSE(has(found.out, "\x1b"));
  CHECK(lines_of(run(search({"therapist"}), home.options()).out).size() + 1 == lines.size());
  // JSON keeps the line as it is.
  const auto json = nlohmann::json::parse(run(search({"-m", "--json", "therapist"}), home.options()).out);
  CHECK(json.back() ==
        nlohmann::json{{"from", "journal"}, {"id", "3"}, {"text", "Called my therapist\tat \x1b[2Jnine."}});
  // Only the journal holds this one.
  CHECK(run(search({"--mine", "quiet morning"}), home.options()).out == "journal\t5\tA quiet morning.\n");
  // A line that is not an entry is passed over with a warning, as aa-journal does.
  aa::test::write_private_file(home.journal(), journal_lines + "not an entry\n");
  const RunResult warned = run(search({"--mine", "quiet morning"}), home.options());
  CHECK(warned.status == 0);
  CHECK(warned.out == "journal\t5\tA quiet morning.\n");
  CHECK(has(warned.err, "aa-search: warning:"));
}

TEST_CASE("aa-search --mine opens an encrypted journal with its passphrase, and refuses a wrong one") {
  Home home;
  aa::test::write_private_file(home.journal() + ".age", aa::age::encrypt(journal_lines, "correct horse", 10));
  const RunResult found = run(search({"--mine", "quiet morning"}), home.opened("correct horse"));
  CHECK(found.status == 0);
  CHECK(found.out == "journal\t5\tA quiet morning.\n");
  CHECK(found.err.empty());
  const RunResult wrong = run(search({"--mine", "quiet morning"}), home.opened("wrong horse"));
  CHECK(wrong.status == 77);
  CHECK(wrong.out.empty());
  CHECK(has(wrong.err, "aa-search: error:"));
  // No source of a passphrase, and no terminal to ask at.
  CHECK(run(search({"--mine", "quiet morning"}), home.options()).status == 77);
  // Without --mine no passphrase is wanted.
  CHECK(run(search({"therapist"}), home.options()).status == 0);
  // At the terminal the passphrase is asked for, then the hits are shown.
  RunOptions typing = home.options(RunOptions{.terminal = true, .keys = {"correct horse\r"}});
  const RunResult asked = run(search({"--mine", "--no-pager", "quiet morning"}), typing);
  CHECK(asked.status == 0);
  CHECK(has(asked.out, "Passphrase of your aa stores: "));
  CHECK(has(without_escapes(asked.out), "journal  5  A quiet morning."));
}

TEST_CASE("aa-search on a terminal: aligned columns wrapped to the width, matches in colour, NO_COLOR heeded") {
  Home home;
  aa::test::write_private_file(home.journal(), journal_lines);
  const RunOptions terminal = home.options(RunOptions{.terminal = true, .columns = 60, .rows = 200});
  const RunResult shown = run(search({"--mine", "therapist"}), terminal);
  CHECK(shown.status == 0);
  CHECK(has(shown.out, "\x1b[1m\x1b[31m"));  // the matches, as grep shows them
  std::size_t journal_lines_shown = 0;
  for (const std::string& line : lines_of(shown.out)) {
    CHECK(aa::display_width(without_escapes(line)) <= 60);
    CHECK_FALSE(has(line, "\t"));
    if (without_escapes(line).starts_with("journal ")) ++journal_lines_shown;
  }
  CHECK(journal_lines_shown == 1);
  RunOptions plain = terminal;
  plain.env["NO_COLOR"] = "1";
  const RunResult uncoloured = run(search({"--mine", "therapist"}), plain);
  CHECK_FALSE(has(uncoloured.out, "\x1b["));
  // The first column is as wide as its widest kind, "exercise", and two spaces.
  CHECK(has(uncoloured.out, "journal   3"));
  // A width asked for in a pipe lays the hits out the same way.
  const RunResult narrow = run(search({"--width", "50", "therapist"}));
  for (const std::string& line : lines_of(narrow.out)) {
    CHECK(aa::display_width(line) <= 50);
    CHECK_FALSE(has(line, "\t"));
  }
  CHECK(run(search({"--color", "always", "therapist"})).out != run(search({"therapist"})).out);
}

TEST_CASE("aa-search: a failed write is exit 74, a reader that goes away ends it quietly") {
  const auto full = run({"/bin/sh", "-c", "exec \"$0\" \"$@\" > /dev/full", command("aa-search"), "the"});
  CHECK(full.status == 74);
  CHECK(full.err.starts_with("aa-search: error: write error: "));
  const auto head = run({"/bin/bash", "-c", "\"$0\" \"$@\" | head -c 1 > /dev/null; exit \"${PIPESTATUS[0]}\"",
                         command("aa-search"), "the"});
  CHECK(head.status == 0);
  CHECK(head.err.empty());
}
