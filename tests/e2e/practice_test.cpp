// SPDX-License-Identifier: MIT
// aa-practice, end to end through the built binary: the list, each exercise
// answered in a pipe and at a terminal, what is refused with nothing saved,
// the saved entry as aa-journal shows it, --history, an encrypted journal
// and exercises of one's own. Every test keeps its journal in a temporary
// directory.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command_info.hpp"
#include "files.hpp"
#include "home.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;

namespace {

std::vector<std::string> practice(std::vector<std::string> args) {
  args.insert(args.begin(), command("aa-practice"));
  return args;
}

std::vector<std::string> journal(std::vector<std::string> args) {
  args.insert(args.begin(), command("aa-journal"));
  return args;
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

struct Home : aa::test::PrivateHome {
  std::string file() const { return data() + "/aa/journal.jsonl"; }
  RunOptions piping(std::string text) const { return with_stdin(std::move(text)); }
  bool saved_nothing() const { return !std::filesystem::exists(file()); }
  nlohmann::json entries() const {
    const RunResult listed = run(journal({"--list", "--json"}), options());
    return nlohmann::json::parse(listed.out);
  }
};

}  // namespace

TEST_CASE("--list prints id, section and title, as text, Markdown or JSON") {
  const RunResult text = run(practice({"--list"}));
  CHECK(text.status == 0);
  CHECK(text.out.rfind("check-in\tstrategies\tCheck-in\n", 0) == 0);
  for (std::string_view id : {"thought-record\t", "urge-log\t", "boundary\t", "support-map\t", "secure-base\t"}) {
    CHECK(has(text.out, std::string("\n") + std::string(id)));
  }
  const RunResult markdown = run(practice({"--list", "--format", "markdown"}));
  CHECK(markdown.status == 0);
  CHECK(markdown.out.rfind("---\n", 0) == 0);
  const RunResult json = run(practice({"--list", "--json"}));
  REQUIRE(json.status == 0);
  const auto parsed = nlohmann::json::parse(json.out);
  REQUIRE(parsed.size() == 6);
  CHECK(parsed[0]["id"] == "check-in");
  CHECK(parsed[0]["steps"] == 2);
}

TEST_CASE("a name is taken by unique prefix, and an unknown or ambiguous one says what it could be") {
  Home home;
  const RunResult taken = run(practice({"check"}), home.piping("3\n\n"));
  CHECK(taken.status == 0);
  CHECK(has(taken.err, "Saved entry 1 in your journal (check-in)."));
  const RunResult unknown = run(practice({"chek-in"}), home.piping("3\n\n"));
  CHECK(unknown.status == 1);
  CHECK(has(unknown.err, "did you mean 'check-in'?"));
  CHECK(has(unknown.err, "aa-practice --list"));
  const RunResult ambiguous = run(practice({"s"}), home.piping("3\n\n"));
  CHECK(ambiguous.status == 1);
  CHECK(has(ambiguous.err, "ambiguous"));
  CHECK(ambiguous.out.empty());
  CHECK(home.entries().size() == 1);
}

TEST_CASE("each exercise answered in a pipe is saved as a journal entry with its answers") {
  Home home;
  struct Piped {
    std::string id;
    std::string input;
    std::string line;  // a line of the entry's text
  };
  const std::vector<Piped> all = {
      {"check-in", "6\ntense\n", "How strong is the feeling now? 6 of 10"},
      {"thought-record",
       "No reply by evening\nThey are losing interest\n80\nThey read it\nThey had a long day\n"
       "They may be busy\n40\n",
       "How strongly do you believe the first thought now? 40 of 100"},
      {"urge-log", "Send a third message\n7\nWent for a walk\n2\nI felt calmer\n", "How long did the urge last? "},
      {"boundary", "plans change late\nunsettled\na little notice\ntell me when you can\n",
       "When plans change late, I feel unsettled; I need a little notice; would you tell me when you can?"},
      {"support-map", "My sister\n\nMy family doctor\nCall on Sunday\n", "My family doctor"},
      {"secure-base", "warmth\n", "What stayed with you, if anything? warmth"},
  };
  for (const Piped& piped : all) {
    CAPTURE(piped.id);
    const RunResult result = run(practice({piped.id}), home.piping(piped.input));
    CHECK(result.status == 0);
    CHECK(has(result.err, "Saved entry"));
  }
  const auto entries = home.entries();
  REQUIRE(entries.size() == all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    CAPTURE(all[i].id);
    CHECK(entries[i]["exercise"]["id"] == all[i].id);
    CHECK(entries[i]["prompt"].is_null());
    CHECK(has(entries[i]["text"].get<std::string>(), all[i].line));
  }
  // The scale as a number, the optional text left out when empty.
  CHECK(entries[0]["exercise"]["steps"][0] == nlohmann::json({{"step", "strength"}, {"value", 6}}));
  CHECK(entries[0]["exercise"]["steps"][1] == nlohmann::json({{"step", "word"}, {"value", "tense"}}));
  CHECK(entries[4]["exercise"]["steps"].size() == 3);
  // The choice by its number, kept as its words.
  CHECK(entries[2]["exercise"]["steps"][3]["value"] == "up to half an hour");
  // aa-journal's search finds the answers.
  const RunResult found = run(journal({"--search", "third message"}), home.options());
  CHECK(found.status == 0);
  CHECK(has(found.out, "3:"));
}

TEST_CASE("in a pipe the boundary's sentence and the paced lines go to stdout") {
  Home home;
  const RunResult boundary = run(practice({"boundary"}), home.piping("a\nb\nc\nd\n"));
  CHECK(boundary.status == 0);
  CHECK(boundary.out == "When a, I feel b; I need c; would you d?\n");
  const RunResult secure = run(practice({"secure-base"}), home.piping("\n"));
  CHECK(secure.status == 0);
  CHECK(has(secure.out, "come back to the room."));
}

TEST_CASE("a value out of range, or input that ends early, is a usage error and saves nothing") {
  Home home;
  const RunResult high = run(practice({"check-in"}), home.piping("11\nword\n"));
  CHECK(high.status == 2);
  CHECK(has(high.err, "aa-practice: error: '11' does not fit step 'strength'"));
  CHECK(has(high.err, "from 0 to 10"));
  CHECK(has(high.err, "nothing was saved"));
  CHECK(high.out.empty());
  const RunResult word = run(practice({"check-in"}), home.piping("seven\n"));
  CHECK(word.status == 2);
  const RunResult early = run(practice({"thought-record"}), home.piping("It rained\n"));
  CHECK(early.status == 2);
  CHECK(has(early.err, "ended before step 'thought' (2 of 7)"));
  const RunResult none = run(practice({"check-in"}), home.piping(""));
  CHECK(none.status == 2);
  const RunResult longer = run(practice({"check-in"}), home.piping("3\nword\nmore\n"));
  CHECK(longer.status == 2);
  CHECK(home.saved_nothing());
}

TEST_CASE("--json prints the saved entry as aa-journal --show --json does") {
  Home home;
  const RunResult saved = run(practice({"check-in", "--json"}), home.piping("4\ncalm\n"));
  REQUIRE(saved.status == 0);
  const auto parsed = nlohmann::json::parse(saved.out);
  const RunResult shown = run(journal({"--show", "1", "--json"}), home.options());
  REQUIRE(shown.status == 0);
  CHECK(parsed == nlohmann::json::parse(shown.out));
  CHECK(parsed[0]["exercise"]["id"] == "check-in");
  CHECK(has(saved.err, "Saved entry 1"));
  CHECK(run(practice({"check-in", "--format", "markdown"}), home.piping("4\n\n")).status == 2);
}

TEST_CASE("--history lists past practice and the days practised, never a streak") {
  Home home;
  const RunResult empty = run(practice({"--history"}), home.options());
  CHECK(empty.status == 1);
  CHECK(empty.out.empty());
  CHECK(run(practice({"--history", "--json"}), home.options()).out == "[]\n");
  REQUIRE(run(practice({"check-in"}), home.piping("3\n\n")).status == 0);
  REQUIRE(run(journal({"--no-prompt"}), home.piping("A free entry.\n")).status == 0);
  REQUIRE(run(practice({"boundary"}), home.piping("a\nb\nc\nd\n")).status == 0);
  const RunResult text = run(practice({"--history"}), home.options());
  CHECK(text.status == 0);
  const auto lines = aa::test::split_lines(text.out);
  REQUIRE(lines.size() == 2);  // the free entry is no practice
  CHECK(has(lines[0], "\t1\tcheck-in\tCheck-in"));
  CHECK(has(lines[1], "\t3\tboundary\t"));
  CHECK(has(text.err, "Practised on 1 day (2 exercises)."));
  CHECK_FALSE(has(text.out + text.err, "streak"));
  const RunResult json = run(practice({"--history", "--json"}), home.options());
  const auto parsed = nlohmann::json::parse(json.out);
  REQUIRE(parsed.size() == 2);
  CHECK(parsed[1]["entry"] == 3);
  CHECK(parsed[1]["exercise"] == "boundary");
  const RunResult markdown = run(practice({"--history", "--format", "markdown"}), home.options());
  CHECK(has(markdown.out, "Practised on 1 day (2 exercises)."));
  CHECK(run(practice({"--history", "-n", "1", "--json"}), home.options()).out.find("check-in") == std::string::npos);
  const RunResult later = run(practice({"--history", "--from", "2999-01-01"}), home.options());
  CHECK(later.status == 1);
  CHECK(has(later.err, "no practice from 2999-01-01"));
}

TEST_CASE("at a terminal: ?, back, keeping an answer, then saved") {
  Home home;
  // The strength is a key, with no Enter; the word is a line.
  const RunResult result = run(practice({"check-in"}), home.typing({"?", "12", "5", "b\n", "\n", "restless\n"}));
  CHECK(result.status == 0);
  CHECK(has(result.err, "0 means calm"));                 // ? told more
  CHECK(has(result.err, "a whole number from 0 to 10"));  // 12 did not fit
  CHECK(has(result.err, "press Enter to keep it"));
  CHECK(has(result.err, "Saved entry 1"));
  const auto entries = home.entries();
  REQUIRE(entries.size() == 1);
  CHECK(entries[0]["exercise"]["steps"][0]["value"] == 5);
  CHECK(entries[0]["exercise"]["steps"][1]["value"] == "restless");
}

TEST_CASE("at a terminal: the check-in's strength takes one key, and 1 waits a moment for a 0") {
  Home home;
  CHECK(run(practice({"check-in"}), home.typing({"7", "\n"})).status == 0);
  CHECK(run(practice({"check-in"}), home.typing({"1", "0", "\n"})).status == 0);
  // Keys come 150 ms apart: the empty ones leave "1" alone for longer than a second.
  std::vector<std::string> one = {"1"};
  one.resize(12, "");
  one.emplace_back("\n");
  CHECK(run(practice({"check-in"}), home.typing(one)).status == 0);
  // Backspace takes a key back before it is whole: "x" is not, so it waits.
  CHECK(run(practice({"check-in"}), home.typing({"x", "\x7f", "4", "\n"})).status == 0);
  const auto entries = home.entries();
  REQUIRE(entries.size() == 4);
  CHECK(entries[0]["exercise"]["steps"][0]["value"] == 7);
  CHECK(entries[1]["exercise"]["steps"][0]["value"] == 10);
  CHECK(entries[2]["exercise"]["steps"][0]["value"] == 1);
  CHECK(entries[3]["exercise"]["steps"][0]["value"] == 4);
}

TEST_CASE("at a terminal: Ctrl-C or q while a key is awaited leaves the terminal as it was") {
  // A parent that outlives Ctrl-C reads the terminal's settings once aa-practice has gone.
  const std::string parent =
      "import signal, subprocess, sys, termios\n"
      "signal.signal(signal.SIGINT, lambda *_: None)\n"
      "status = subprocess.call(sys.argv[1:])\n"
      "flags = termios.tcgetattr(0)[3]\n"
      "print('status', status, 'icanon', bool(flags & termios.ICANON), 'echo', bool(flags & termios.ECHO))\n";
  Home home;
  for (const std::string& key : {std::string("\x03"), std::string("q")}) {
    CAPTURE(key);
    // Keys come 150 ms apart: the empty ones give Python time to start and set its handler.
    std::vector<std::string> keys(8, "");
    keys.push_back(key);
    const RunResult result =
        run({"/usr/bin/python3", "-c", parent, command("aa-practice"), "check-in"}, home.typing(keys));
    CAPTURE(result.out);
    CHECK(has(result.out, key == "q" ? "status 1 " : "status 130 "));
    CHECK(has(result.out, "icanon True echo True"));
  }
  CHECK(home.saved_nothing());
}

TEST_CASE("at a terminal: the boundary's sentence is shown, with where it is safe to say it") {
  Home home;
  const RunResult result =
      run(practice({"boundary"}), home.typing({"plans change\n", "anxious\n", "notice\n", "tell me\n"}));
  CHECK(result.status == 0);
  CHECK(has(result.err, "When plans change, I feel anxious; I need notice; would you tell me?"));
  CHECK(has(result.err, "aa-read safety"));
}

TEST_CASE("at a terminal: paced lines wait unless --no-pause, and Enter goes on at once") {
  Home home;
  const RunResult quick = run(practice({"secure-base", "--no-pause"}), home.typing({"\n"}));
  CHECK(quick.status == 0);
  CHECK(has(quick.err, "come back to the room."));
  // Each Enter ends a pause early; s skips the rest of the lines.
  const RunResult skipped = run(practice({"secure-base"}), home.typing({"\n", "s\n", "\n"}));
  CHECK(skipped.status == 0);
  CHECK_FALSE(has(skipped.err, "come back to the room."));
  CHECK(home.entries().size() == 2);
}

TEST_CASE("at a terminal: q, the end of input and Ctrl-C stop with nothing saved") {
  Home home;
  const RunResult quit = run(practice({"thought-record"}), home.typing({"It rained\n", "q\n"}));
  CHECK(quit.status == 1);
  CHECK(has(quit.err, "Stopped: nothing was saved."));
  const RunResult ended = run(practice({"check-in"}), home.typing({"\x04"}));
  CHECK(ended.status == 1);
  CHECK(has(ended.err, "Stopped: nothing was saved."));
  const RunResult interrupted = run(practice({"thought-record"}), home.typing({"It rained\n", "\x03"}));
  CHECK(interrupted.status == 130);
  CHECK(has(interrupted.err, "Stopped: nothing was saved."));
  const RunResult paced = run(practice({"secure-base"}), home.typing({"\x03"}));
  CHECK(paced.status == 130);
  CHECK(home.saved_nothing());
}

TEST_CASE("an encrypted journal takes the exercise encrypted, and aa-journal reads it") {
  Home home;
  RunOptions encrypting = home.options();
  encrypting.env["AA_NEW_PASSPHRASE_COMMAND"] = "echo 'correct horse'";
  encrypting.env["AA_PASSPHRASE_COMMAND"] = "echo 'correct horse'";
  REQUIRE(run(journal({"--no-prompt"}), home.piping("First.\n")).status == 0);
  REQUIRE(run({command("aa-vault"), "encrypt"}, encrypting).status == 0);
  RunOptions piping = home.piping("7\nworried\n");
  piping.env["AA_PASSPHRASE_COMMAND"] = "echo 'correct horse'";
  const RunResult saved = run(practice({"check-in"}), piping);
  CHECK(saved.status == 0);
  CHECK_FALSE(std::filesystem::exists(home.file()));
  CHECK(std::filesystem::exists(home.file() + ".age"));
  CHECK_FALSE(has(aa::test::slurp(home.file() + ".age"), "worried"));
  RunOptions reading = home.options();
  reading.env["AA_PASSPHRASE_COMMAND"] = "echo 'correct horse'";
  const RunResult listed = run(journal({"--show", "2"}), reading);
  CHECK(listed.status == 0);
  CHECK(has(listed.out, "How strong is the feeling now? 7 of 10"));
  const RunResult history = run(practice({"--history"}), reading);
  CHECK(has(history.out, "\t2\tcheck-in\t"));
  // A wrong passphrase: refused before any answer is read, nothing saved.
  RunOptions wrong = home.piping("7\n\n");
  wrong.env["AA_PASSPHRASE_COMMAND"] = "echo 'wrong horse'";
  CHECK(run(practice({"check-in"}), wrong).status == 77);
}

TEST_CASE("--content-dir replaces the exercises, and aa-content dumps and checks them") {
  Home home;
  aa::test::TempDir mine;
  REQUIRE(run({command("aa-content"), "dump", mine.path()}).status == 0);
  const std::string file = mine.path() + "/exercises.toml";
  const std::string dumped = aa::test::slurp(file);
  CHECK(has(dumped, "[[exercise.step]]"));
  CHECK(has(dumped, "id = \"secure-base\""));
  const RunResult checked = run({command("aa-content"), "check", mine.path()});
  CHECK(checked.status == 0);
  CHECK(has(checked.out, "6 content files"));
  // Only exercises.toml of one's own, with one short exercise.
  for (const char* name : {"sections.toml", "faq.toml", "checklist.toml", "tips.toml", "prompts.toml"}) {
    std::filesystem::remove(mine.path() + "/" + name);
  }
  {
    std::ofstream out(file, std::ios::trunc);
    out << "[[exercise]]\nid = \"breath\"\nsection = \"calming\"\ntitle = \"Breath\"\nabout = \"Breathe out.\"\n"
           "\n[[exercise.step]]\nid = \"calm\"\nkind = \"scale\"\nprompt = \"How calm?\"\nmin = 1\nmax = 5\n"
           "low = \"not\"\nhigh = \"very\"\n";
  }
  const RunResult list = run(practice({"--list", "--content-dir", mine.path()}));
  CHECK(list.out == "breath\tcalming\tBreath\n");
  RunOptions piping = home.piping("4\n");
  piping.env["AA_CONTENT_DIR"] = mine.path();
  CHECK(run(practice({"breath"}), piping).status == 0);
  CHECK(home.entries()[0]["text"] == "Breath\nHow calm? 4 (from 1 to 5)");
  // A broken one: file:line:column, exit 65, for the command and for the check.
  {
    std::ofstream out(file, std::ios::trunc);
    out << "[[exercise]]\nid = \"breath\"\nsection = \"calming\"\ntitle = \"Breath\"\nabout = \"A.\"\n"
           "\n[[exercise.step]]\nid = \"calm\"\nkind = \"dial\"\nprompt = \"How calm?\"\n";
  }
  const RunResult broken = run(practice({"--list", "--content-dir", mine.path()}));
  CHECK(broken.status == 65);
  CHECK(has(broken.err, "exercises.toml:9:8: exercise 'breath' step 'calm': 'kind' must be"));
  const RunResult check = run({command("aa-content"), "check", mine.path()});
  CHECK(check.status == 65);
  CHECK(has(check.err, "exercises.toml:9:8:"));
}
