// SPDX-License-Identifier: MIT
// aa-content, end to end: dump and its round trip through every command,
// check on good and bad folders, and the personal tips folder aa-tip reads.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "files.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;
using aa::test::slurp;
using aa::test::TempDir;

namespace {

const std::vector<std::string> content_files = {"sections.toml", "faq.toml",     "checklist.toml",
                                                "tips.toml",     "prompts.toml", "exercises.toml"};

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::size_t count_of(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// A home of its own, so that nobody's personal tips come in, with the
// personal tips folder at tips().
struct Home {
  TempDir dir;
  std::string tips() const { return dir.path() + "/data/aa/tips"; }
  RunOptions options(bool terminal = false) const {
    RunOptions options;
    options.env = {{"HOME", dir.path()}, {"XDG_DATA_HOME", dir.path() + "/data"}};
    options.terminal = terminal;
    return options;
  }
  // Writes a personal tips file.
  std::string tip_file(const std::string& name, const std::string& text) const {
    std::filesystem::create_directories(tips());
    const std::string path = tips() + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};

std::vector<std::string> with(const std::string& name, std::vector<std::string> args) {
  args.insert(args.begin(), command(name));
  return args;
}

std::string tip_toml(const std::string& id, const std::string& text = "A tip of my own.",
                     const std::string& section = "support") {
  return "[[tip]]\nid = \"" + id + "\"\ncategory = \"mine\"\nsection = \"" + section + "\"\ntext = \"" + text + "\"\n";
}

}  // namespace

TEST_CASE("aa-content dump: every command prints the same bytes with --content-dir DUMP as without it") {
  const Home home;
  const std::string dump = home.dir.path() + "/dump";
  const RunResult dumped = run(with("aa-content", {"dump", dump}), home.options());
  REQUIRE(dumped.status == 0);
  CHECK(dumped.out.empty());
  // What it wrote and where, on stderr.
  const std::string where = std::filesystem::weakly_canonical(dump).string();
  CHECK(dumped.err == "Wrote 6 content files in " + where +
                          ": sections.toml, faq.toml, checklist.toml, tips.toml, prompts.toml, exercises.toml.\n"
                          "Edit them, then use them with --content-dir " +
                          where + "; delete the ones you do not change.\n");
  for (const std::string& file : content_files) {
    CAPTURE(file);
    const std::string text = slurp(dump + "/" + file);
    CHECK(text.rfind("# " + file + ": ", 0) == 0);  // a header that says what it is
    CHECK(contains(text, "man 5 aa-content"));
    CHECK(contains(text, "aa-content check"));
    // Every line of the header fits 80 columns.
    for (std::size_t start = 0, end = 0; start < text.size() && text[start] == '#'; start = end + 1) {
      end = text.find('\n', start);
      CHECK(end - start <= 80);
    }
  }

  const std::vector<std::vector<std::string>> invocations = {
      with("aa-read", {}),
      with("aa-read", {"--all"}),
      with("aa-read", {"--all", "--format", "markdown"}),
      with("aa-read", {"--all", "--json"}),
      with("aa-read", {"--all", "--width", "50"}),
      with("aa-read", {"signs"}),
      with("aa-read", {"4", "--format", "markdown"}),
      with("aa-read", {"--list"}),
      with("aa-read", {"--list", "--json"}),
      with("aa-read", {"--search", "partner"}),
      with("aa-read", {"--search", "partner", "--json"}),
      with("aa-read", {"--completion-names", "sections"}),
      with("aa-faq", {}),
      with("aa-faq", {"--all"}),
      with("aa-faq", {"--all", "--format", "markdown"}),
      with("aa-faq", {"--all", "--json"}),
      with("aa-faq", {"1"}),
      with("aa-faq", {"5", "--json"}),
      with("aa-faq", {"--search", "help"}),
      with("aa-faq", {"--completion-names", "questions"}),
      with("aa-check", {"--answers", "3,1,4,0"}),
      with("aa-check", {"--answers", "4,4,4,4", "--json"}),
      with("aa-check", {"--answers", "0,2,1,3", "--format", "markdown"}),
      with("aa-check", {"--items"}),
      with("aa-check", {"--items", "--json"}),
      with("aa-tip", {"--list"}),
      with("aa-tip", {"--list-categories"}),
      with("aa-tip", {"--daily"}),
      with("aa-tip", {"--date", "2027-03-01", "--count", "9"}),
      with("aa-tip", {"--seed", "7", "--count", "5"}),
      with("aa-tip", {"--id", "name-the-feeling"}),
      with("aa-tip", {"--category", "boundaries", "--count", "3", "--seed", "1"}),
      with("aa-tip", {"--format", "fortune"}),
      with("aa-tip", {"--list", "--format", "markdown"}),
      with("aa-tip", {"--search", "breath"}),
      with("aa-tip", {"--completion-names", "tips"}),
      with("aa-tip", {"--completion-names", "categories"}),
      with("aa-journal", {"--prompt"}),
      with("aa-journal", {"--date", "2027-03-01"}),
      with("aa-journal", {"--random", "--seed", "3"}),
      with("aa-journal", {"--list-prompts"}),
      with("aa-journal", {"--completion-names", "prompts"}),
  };
  for (const auto& args : invocations) {
    for (bool terminal : {false, true}) {
      std::string shown;
      for (const std::string& arg : args) shown += " " + arg;
      CAPTURE(shown);
      CAPTURE(terminal);
      std::vector<std::string> plain = args;
      if (terminal) plain.push_back("--no-pager");  // a pager would wait for a key
      std::vector<std::string> over = plain;
      over.insert(over.end(), {"--content-dir", dump});
      const RunResult built_in = run(plain, home.options(terminal));
      const RunResult dumped_run = run(over, home.options(terminal));
      CHECK(built_in.status == 0);
      CHECK(dumped_run.status == built_in.status);
      CHECK(aa::test::without_clock_time(dumped_run.out) == aa::test::without_clock_time(built_in.out));
      CHECK(dumped_run.err == built_in.err);
    }
  }
}

TEST_CASE("aa-content dump: aa-tip's JSON differs only in the source it names") {
  const Home home;
  const std::string dump = home.dir.path() + "/dump";
  REQUIRE(run(with("aa-content", {"dump", dump}), home.options()).status == 0);
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--list", "--json"},
                                               {"--daily", "--count", "4", "--json"},
                                               {"--search", "a", "--json"}}) {
    const RunResult built_in = run(with("aa-tip", args), home.options());
    std::vector<std::string> over = args;
    over.insert(over.end(), {"--content-dir", dump});
    const RunResult dumped = run(with("aa-tip", over), home.options());
    REQUIRE(built_in.status == 0);
    REQUIRE(dumped.status == 0);
    std::string expected = built_in.out;
    const std::string from = "\"source\": \"built-in\"", to = "\"source\": \"" + dump + "/tips.toml\"";
    REQUIRE(count_of(expected, from) > 0);
    for (std::size_t at = expected.find(from); at != std::string::npos; at = expected.find(from, at + to.size())) {
      expected.replace(at, from.size(), to);
    }
    CHECK(dumped.out == expected);
  }
}

TEST_CASE("aa-content dump --content-dir writes that content, which reads back the same") {
  const Home home;
  const std::string mine = home.dir.path() + "/mine";
  std::filesystem::create_directories(mine);
  std::ofstream(mine + "/tips.toml") << tip_toml("quote-and-slash", "She said \\\"wait\\\" \\\\ then “left” — 1 % 2");
  const std::string dump = home.dir.path() + "/dump";
  REQUIRE(run(with("aa-content", {"dump", "--content-dir", mine, dump}), home.options()).status == 0);
  const RunResult original = run(with("aa-tip", {"--list", "--content-dir", mine}), home.options());
  const RunResult again = run(with("aa-tip", {"--list", "--content-dir", dump}), home.options());
  CHECK(original.out == "quote-and-slash\tmine\tShe said \"wait\" \\ then “left” — 1 % 2\n");
  CHECK(again.out == original.out);
  // The rest is the built-in content, as a plain dump writes it.
  const std::string plain = home.dir.path() + "/plain";
  REQUIRE(run(with("aa-content", {"dump", plain}), home.options()).status == 0);
  CHECK(slurp(dump + "/sections.toml") == slurp(plain + "/sections.toml"));
  CHECK(slurp(dump + "/tips.toml") != slurp(plain + "/tips.toml"));
}

TEST_CASE("aa-content dump says on stderr which files it wrote, and the folder in full when given relative") {
  const Home home;
  RunOptions options = home.options();
  options.cwd = home.dir.path();
  const RunResult dumped = run(with("aa-content", {"dump", "mine/"}), options);
  REQUIRE(dumped.status == 0);
  CHECK(dumped.out.empty());
  const std::string where = std::filesystem::weakly_canonical(home.dir.path() + "/mine").string();
  CHECK(dumped.err.starts_with("Wrote 6 content files in " + where + ": sections.toml, faq.toml, "));
  CHECK(contains(dumped.err, "--content-dir " + where + ";"));
  for (const std::string& file : content_files) CHECK(contains(dumped.err, file));
  // Replaced with --force: said the same way.
  const RunResult forced = run(with("aa-content", {"dump", "--force", "mine"}), options);
  REQUIRE(forced.status == 0);
  CHECK(forced.err == dumped.err);
  // A refusal writes nothing, and says only that.
  const RunResult refused = run(with("aa-content", {"dump", "mine"}), options);
  CHECK(refused.status == 74);
  CHECK_FALSE(contains(refused.err, "Wrote"));
}

TEST_CASE("aa-content dump refuses to overwrite, changes nothing then, and --force replaces") {
  const Home home;
  const std::string dump = home.dir.path() + "/a/b/dump";  // parents made too
  REQUIRE(run(with("aa-content", {"dump", dump}), home.options()).status == 0);
  std::ofstream(dump + "/faq.toml", std::ios::trunc) << "# mine\n";
  const std::string sections = slurp(dump + "/sections.toml");

  const RunResult again = run(with("aa-content", {"dump", dump}), home.options());
  CHECK(again.status == 74);
  CHECK(again.out.empty());
  CHECK(contains(again.err, "aa-content: error: " + dump + "/sections.toml exists already, and 5 more"));
  CHECK(contains(again.err, "--force"));
  CHECK(slurp(dump + "/faq.toml") == "# mine\n");

  const RunResult forced = run(with("aa-content", {"dump", "--force", dump}), home.options());
  CHECK(forced.status == 0);
  CHECK(slurp(dump + "/faq.toml") != "# mine\n");
  CHECK(slurp(dump + "/sections.toml") == sections);
  // No temporary file is left behind.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dump)) ++entries;
  CHECK(entries == 6);
  CHECK((aa::test::mode_of(dump + "/tips.toml") & 0600) == 0600);
}

TEST_CASE("aa-content dump never writes through a symbolic link at a file's name") {
  const Home home;
  const std::string dump = home.dir.path() + "/dump";
  std::filesystem::create_directories(dump);
  const std::string target = home.dir.path() + "/precious";
  std::ofstream(target) << "keep me\n";
  std::filesystem::create_symlink(target, dump + "/tips.toml");
  std::filesystem::create_symlink(home.dir.path() + "/nowhere", dump + "/faq.toml");

  const RunResult refused = run(with("aa-content", {"dump", dump}), home.options());
  CHECK(refused.status == 74);
  CHECK(slurp(target) == "keep me\n");
  CHECK(!std::filesystem::exists(dump + "/sections.toml"));  // nothing written at all

  const RunResult forced = run(with("aa-content", {"dump", "--force", dump}), home.options());
  CHECK(forced.status == 0);
  CHECK(slurp(target) == "keep me\n");
  CHECK(!std::filesystem::is_symlink(dump + "/tips.toml"));
  CHECK(!std::filesystem::exists(home.dir.path() + "/nowhere"));
  CHECK(contains(slurp(dump + "/tips.toml"), "[[tip]]"));
}

TEST_CASE("aa-content dump on a full disk: an error, exit 74, and no file in part") {
  const Home home;
  const std::string dump = home.dir.path() + "/dump";
  std::filesystem::create_directories(dump);
  // A file size limit stands in for a full disk: write() fails with EFBIG
  // once a file reaches it (SIGXFSZ ignored, as its default would kill).
  const RunResult full =
      run({"/bin/sh", "-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" dump \"$1\"", command("aa-content"), dump},
          home.options());
  CHECK(full.status == 74);
  CHECK(contains(full.err, "aa-content: error: cannot write " + dump + "/"));
  for (const auto& entry : std::filesystem::directory_iterator(dump)) {
    CAPTURE(entry.path());
    // Only whole files: each one there loads.
    CHECK(entry.path().filename().string().find("partial") == std::string::npos);
  }
  CHECK(!std::filesystem::exists(dump + "/sections.toml"));  // the first file, and larger than the limit
}

TEST_CASE("aa-content dump into something that is not a folder is a usage error") {
  const Home home;
  const std::string file = home.dir.write("file", "x");
  const RunResult result = run(with("aa-content", {"dump", file}), home.options());
  CHECK(result.status == 2);
  CHECK(contains(result.err, "is not a directory"));
  CHECK(run(with("aa-content", {}), home.options()).status == 2);
  CHECK(run(with("aa-content", {"dump"}), home.options()).status == 2);
}

TEST_CASE("aa-content check lists every problem of a bad folder, each with file:line:column, and exits 65") {
  const Home home;
  const std::string dir = home.dir.path() + "/bad";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/tips.toml") << "[[tip]]\n"
                                       "id = \"Bad_Id\"\n"
                                       "category = \"x\"\n"
                                       "section = \"nowhere\"\n"
                                       "text = \" spaced\"\n"
                                       "\n"
                                       "[[tip]]\n"
                                       "id = \"twice\"\n"
                                       "colour = \"red\"\n"
                                       "category = \"x\"\n"
                                       "section = \"support\"\n"
                                       "\n"
                                       "[[tip]]\n"
                                       "id = \"twice\"\n"
                                       "category = \"x\"\n"
                                       "section = \"support\"\n"
                                       "text = \"Fine.\"\n";
  std::ofstream(dir + "/faq.toml") << "[[question]\nid = \"x\"\n";
  std::ofstream(dir + "/checklist.toml") << "[[item]]\nid = \"a\"\nsign = \"S\"\nstatement = \"T\"\nabout = \"A\"\n"
                                            "[[item.help]]\nsection = \"gone\"\npoint = \"\"\n";
  // Its own prompts: the built-in ones name signs this checklist lacks.
  std::ofstream(dir + "/prompts.toml") << "[[prompt]]\nid = \"mine\"\nsection = \"support\"\nsign = \"nope\"\n"
                                          "text = \"What helps?\"\n";
  const RunResult result = run(with("aa-content", {"check", dir}), home.options());
  CHECK(result.status == 65);
  CHECK(result.out.empty());
  const std::vector<std::string> expected = {
      dir + "/faq.toml:1:12: a [table] heading needs its closing ']'",
      dir + "/checklist.toml:7:11: item 'a' help refers to unknown section 'gone'",
      dir + "/checklist.toml:8:9: item 'a' help: 'point' is empty",
      dir + "/tips.toml:2:6: id 'Bad_Id' must be lower-case letters, digits and single hyphens",
      dir + "/tips.toml:4:11: tip 'Bad_Id' refers to unknown section 'nowhere'",
      dir + "/tips.toml:5:8: tip 'Bad_Id': 'text' has leading or trailing spaces",
      dir + "/tips.toml:7:1: tip 'twice' has no 'text'",
      dir + "/tips.toml:9:1: tip 'twice' has unknown key 'colour'",
      dir + "/tips.toml:14:6: duplicate tip id 'twice' (first at line 8)",
      dir + "/prompts.toml:4:8: prompt 'mine' refers to unknown sign 'nope' (the signs are the ids in checklist.toml)",
  };
  std::string wanted;
  for (const std::string& line : expected) wanted += "aa-content: error: " + line + "\n";
  wanted += "aa-content: 10 problems in 4 content files\n";
  CHECK(result.err == wanted);

  // A command still stops at the first problem, with the same words.
  const RunResult tip = run(with("aa-tip", {"--content-dir", dir}), home.options());
  CHECK(tip.status == 65);
  CHECK(tip.err == "aa-tip: error: " + expected[0] + "\n");
}

TEST_CASE("aa-content check on a good folder: exit 0 and one line, or nothing with --quiet") {
  const Home home;
  const std::string dir = home.dir.path() + "/good";
  REQUIRE(run(with("aa-content", {"dump", dir}), home.options()).status == 0);
  const RunResult result = run(with("aa-content", {"check", dir}), home.options());
  CHECK(result.status == 0);
  CHECK(result.out == dir + ": ok, 6 content files\n");
  CHECK(result.err.empty());
  const RunResult quiet = run(with("aa-content", {"check", "-q", dir}), home.options());
  CHECK(quiet.status == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());

  // A misnamed file is named, since no command would read it.
  std::ofstream(dir + "/tip.toml") << tip_toml("x");
  const RunResult warned = run(with("aa-content", {"check", dir}), home.options());
  CHECK(warned.status == 0);
  CHECK(contains(warned.err, "aa-content: warning: " + dir + "/tip.toml: not a content file"));

  const RunResult missing = run(with("aa-content", {"check", dir + "/nope"}), home.options());
  CHECK(missing.status == 2);
  CHECK(contains(missing.err, "no such directory"));
}

TEST_CASE("personal tips: added after the others, with their source in --list --source and JSON") {
  const Home home;
  const std::string b = home.tip_file("b.toml", tip_toml("second-file"));
  const std::string a = home.tip_file("a.toml", tip_toml("first-file") + "\n" + tip_toml("also-first"));
  home.tip_file(".hidden.toml", tip_toml("hidden"));
  home.tip_file("notes.txt", "not tips");

  const RunResult list = run(with("aa-tip", {"--list"}), home.options());
  REQUIRE(list.status == 0);
  const std::string tail =
      "first-file\tmine\tA tip of my own.\nalso-first\tmine\tA tip of my own.\n"
      "second-file\tmine\tA tip of my own.\n";
  CHECK(list.out.size() > tail.size());
  CHECK(list.out.substr(list.out.size() - tail.size()) == tail);
  CHECK(!contains(list.out, "hidden"));
  CHECK(!contains(list.out, "built-in"));  // the source only when asked

  const RunResult sourced = run(with("aa-tip", {"--list", "--source"}), home.options());
  CHECK(contains(sourced.out, "name-the-feeling\tself-awareness\t"));
  CHECK(contains(sourced.out, "?\tbuilt-in\n"));
  CHECK(contains(sourced.out, "first-file\tmine\tA tip of my own.\t" + a + "\n"));
  CHECK(contains(sourced.out, "second-file\tmine\tA tip of my own.\t" + b + "\n"));

  const RunResult json = run(with("aa-tip", {"--id", "second-file", "--json"}), home.options());
  CHECK(json.out ==
        "[\n  {\n    \"id\": \"second-file\",\n    \"category\": \"mine\",\n    \"section\": \"support\",\n"
        "    \"text\": \"A tip of my own.\",\n    \"source\": \"" +
            b + "\"\n  }\n]\n");
  CHECK(contains(run(with("aa-tip", {"--completion-names", "tips"}), home.options()).out, "first-file\t"));
  CHECK(run(with("aa-tip", {"--source"}), home.options()).status == 2);  // only with --list

  // Only aa-tip reads them.
  CHECK(!contains(run(with("aa-read", {"--search", "of my own"}), home.options()).out, "own"));

  const RunResult checked = run(with("aa-content", {"check", home.tips()}), home.options());
  CHECK(checked.status == 0);
  CHECK(checked.out ==
        home.tips() + ": ok, 2 tips files, " + std::to_string(aa::test::count_lines(list.out)) + " tips in all\n");
}

TEST_CASE("personal tips: an id that collides is an error naming both places, in aa-tip and aa-content check") {
  const Home home;
  const std::string a = home.tip_file("a.toml", tip_toml("walk-first"));
  const std::string b =
      home.tip_file("b.toml", "# mine\n" + tip_toml("walk-first") + "\n" + tip_toml("name-the-feeling"));
  const RunResult daily = run(with("aa-tip", {"--daily"}), home.options());
  CHECK(daily.status == 0);
  CHECK(!daily.out.empty());
  CHECK(daily.err == "aa-tip: warning: " + b + ":3:6: tip id 'walk-first' is taken already, by " + a +
                         ":2:6 (and 1 more problem); its tips are left out\n");

  const RunResult check = run(with("aa-content", {"check", home.tips()}), home.options());
  CHECK(check.status == 65);
  CHECK(check.err == "aa-content: error: " + b + ":3:6: tip id 'walk-first' is taken already, by " + a + ":2:6\n" +
                         "aa-content: error: " + b +
                         ":9:6: tip id 'name-the-feeling' is taken already, by a built-in tip\n" +
                         "aa-content: 2 problems in 2 tips files\n");

  // With --content-dir, its tips are the ones to collide with.
  const std::string mine = home.dir.path() + "/mine";
  std::filesystem::create_directories(mine);
  std::ofstream(mine + "/tips.toml") << tip_toml("walk-first");
  std::filesystem::remove(b);
  const RunResult over = run(with("aa-tip", {"--list", "--content-dir", mine}), home.options());
  CHECK(over.status == 0);
  CHECK(count_of(over.out, "walk-first\t") == 1);
  CHECK(over.err == "aa-tip: warning: " + a + ":2:6: tip id 'walk-first' is taken already, by " + mine +
                        "/tips.toml:2:6; its tips are left out\n");
}

TEST_CASE(
    "personal tips: a broken file is left out with a warning naming its line and column, and the tip still "
    "comes") {
  const Home home;
  home.tip_file("good.toml", tip_toml("good-one"));
  // The tip of each day, and the list, with the good file alone.
  const std::vector<std::vector<std::string>> modes = {
      {"--daily"}, {"--date", "2026-12-11", "--count", "5"}, {"--list"}, {"--id", "good-one"}, {"--seed", "7"}};
  std::vector<std::string> expected;
  for (const auto& mode : modes) expected.push_back(run(with("aa-tip", mode), home.options()).out);

  const std::string bad = home.tip_file("bad.toml", tip_toml("fine") + "\n[[tip]]\nid = \"x\"\ntext = 3\n");
  for (std::size_t i = 0; i < modes.size(); ++i) {
    CAPTURE(modes[i].front());
    const RunResult result = run(with("aa-tip", modes[i]), home.options());
    CHECK(result.status == 0);
    CHECK(result.out == expected[i]);
    CHECK(result.err.starts_with("aa-tip: warning: " + bad + ":7:1: tip 'x' has no 'category' (and "));
    CHECK(result.err.ends_with(" more problem" +
                               std::string(result.err.find("(and 1 ") == std::string::npos ? "s" : "") +
                               "); its tips are left out\n"));
    CHECK(count_of(result.err, "\n") == 1);
  }
  // Its good tip is left out too: a file is taken whole or not at all.
  CHECK(!contains(run(with("aa-tip", {"--list"}), home.options()).out, "fine\t"));
  home.tip_file("bad.toml", tip_toml("fine", "Fine.", "nowhere"));
  const RunResult section = run(with("aa-tip", {"--daily"}), home.options());
  CHECK(section.status == 0);
  CHECK(section.out == expected[0]);
  CHECK(section.err ==
        "aa-tip: warning: " + bad + ":4:11: tip 'fine' refers to unknown section 'nowhere'; its tips are left out\n");
  // Not TOML at all.
  home.tip_file("bad.toml", "this is = not [ toml\n");
  const RunResult garbage = run(with("aa-tip", {"--daily"}), home.options());
  CHECK(garbage.status == 0);
  CHECK(garbage.out == expected[0]);
  CHECK(garbage.err.starts_with("aa-tip: warning: " + bad + ":1:"));
  // aa-content check still fails on it, listing every problem.
  CHECK(run(with("aa-content", {"check", home.tips()}), home.options()).status == 65);
}

TEST_CASE(
    "personal tips: a FIFO, a folder, a dangling link, an unreadable or huge file is left out at once, with a "
    "warning, and a link to a file is read") {
  const Home home;
  std::filesystem::create_directories(home.tips());
  const std::string elsewhere = home.dir.write("shared.toml", tip_toml("shared-tip"));
  std::filesystem::create_symlink(elsewhere, home.tips() + "/linked.toml");
  CHECK(contains(run(with("aa-tip", {"--list"}), home.options()).out, "shared-tip\t"));
  const std::string today = run(with("aa-tip", {"--daily"}), home.options()).out;
  REQUIRE(!today.empty());
  RunOptions quick = home.options();
  quick.timeout_seconds = 5;
  const auto left_out = [&](const std::string& why) {
    const RunResult daily = run(with("aa-tip", {"--daily"}), quick);
    CHECK(daily.status == 0);
    CHECK(daily.out == today);
    CHECK(daily.err == "aa-tip: warning: " + why + "; its tips are left out\n");
  };

  const std::string fifo = home.tips() + "/pipe.toml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  left_out("cannot read " + fifo + ": it is a FIFO, not a regular file");
  std::filesystem::remove(fifo);

  const std::string dangling = home.tips() + "/dangling.toml";
  std::filesystem::create_symlink(home.dir.path() + "/nowhere", dangling);
  left_out("cannot read " + dangling + ": No such file or directory");
  std::filesystem::remove(dangling);

  const std::string folder = home.tips() + "/folder.toml";
  std::filesystem::create_directories(folder);
  const RunResult in_the_way = run(with("aa-tip", {"--daily"}), quick);
  CHECK(in_the_way.status == 0);
  CHECK(in_the_way.out == today);
  CHECK(in_the_way.err.starts_with("aa-tip: warning: cannot read " + folder + ": "));
  std::filesystem::remove(folder);

  const std::string huge = home.tips() + "/huge.toml";
  std::ofstream(huge).close();
  std::filesystem::resize_file(huge, 17 * 1024 * 1024);  // sparse: costs no disk
  left_out("cannot read " + huge + ": it is larger than 16 MiB, the most this file may hold");
  std::filesystem::remove(huge);

  // Mode 000 stops only someone who is not root.
  if (::geteuid() != 0) {
    const std::string locked = home.tip_file("locked.toml", tip_toml("locked"));
    ::chmod(locked.c_str(), 0);
    left_out("cannot read " + locked + ": Permission denied");
    std::filesystem::remove(locked);
  }

  // A file where the folder should be.
  std::filesystem::remove_all(home.tips());
  std::ofstream(home.tips()) << "x";
  const RunResult file = run(with("aa-tip", {"--daily"}), home.options());
  CHECK(file.status == 0);
  CHECK(!file.out.empty());
  CHECK(file.err == "aa-tip: warning: cannot read personal tips folder " + home.tips() +
                        ": Not a directory; its tips are left out\n");
}

TEST_CASE("aa-content dump is all or nothing: a write that fails partway leaves the folder as it was") {
  const Home home;
  const std::string dump = home.dir.path() + "/dump";
  std::filesystem::create_directories(dump);
  const auto names = [&] {
    std::set<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(dump)) found.insert(entry.path().filename());
    return found;
  };
  // The third file cannot be written: its hidden name, where each file is
  // written first, is taken by a folder.
  std::filesystem::create_directories(dump + "/.checklist.toml.aa-dump/inside");
  const RunResult third = run(with("aa-content", {"dump", dump}), home.options());
  CHECK(third.status == 74);
  CHECK(third.out.empty());
  CHECK(third.err.starts_with("aa-content: error: cannot write " + dump + "/checklist.toml: "));
  CHECK(names() == std::set<std::string>{".checklist.toml.aa-dump"});
  std::filesystem::remove_all(dump + "/.checklist.toml.aa-dump");

  // With --force, a folder in the way of the fourth: the files there stay as they were.
  std::ofstream(dump + "/sections.toml") << "# mine\n";
  std::filesystem::create_directories(dump + "/tips.toml");
  const RunResult forced = run(with("aa-content", {"dump", "--force", dump}), home.options());
  CHECK(forced.status == 74);
  CHECK(forced.err == "aa-content: error: cannot write " + dump + "/tips.toml: Is a directory; nothing was written\n");
  CHECK(names() == std::set<std::string>{"sections.toml", "tips.toml"});
  CHECK(slurp(dump + "/sections.toml") == "# mine\n");

  // Once out of the way, every file is written and nothing hidden is left.
  std::filesystem::remove(dump + "/tips.toml");
  CHECK(run(with("aa-content", {"dump", "--force", dump}), home.options()).status == 0);
  CHECK(names() == std::set<std::string>(content_files.begin(), content_files.end()));
}

TEST_CASE("aa-content: an empty folder name is a usage error, a folder with nothing to check is not ok") {
  const Home home;
  for (const char* sub : {"dump", "check"}) {
    CAPTURE(sub);
    const RunResult empty = run(with("aa-content", {sub, ""}), home.options());
    CHECK(empty.status == 2);
    CHECK(empty.out.empty());
    CHECK(count_of(empty.err, "\n") == 1);
    CHECK(contains(empty.err, "must not be empty"));
  }
  const std::string nothing = home.dir.path() + "/nothing";
  std::filesystem::create_directories(nothing);
  const RunResult checked = run(with("aa-content", {"check", nothing}), home.options());
  CHECK(checked.status == 1);
  CHECK(checked.out.empty());
  CHECK(checked.err == "aa-content: error: no content files found in " + nothing + "\n");
  const RunResult tips = run(with("aa-content", {"check", "--tips", nothing}), home.options());
  CHECK(tips.status == 1);
  CHECK(tips.err == "aa-content: error: no tips files (*.toml) found in " + nothing + "\n");
}

TEST_CASE("a byte-order mark at the very start of a content file is not text") {
  const Home home;
  const std::string bom = "\xEF\xBB\xBF";
  const std::string mine = home.dir.path() + "/mine";
  std::filesystem::create_directories(mine);
  std::ofstream(mine + "/tips.toml", std::ios::binary) << bom << tip_toml("marked", "Marked tip.");
  const RunResult tip = run(with("aa-tip", {"--content-dir", mine, "--list"}), home.options());
  CHECK(tip.status == 0);
  CHECK(tip.err.empty());
  CHECK(tip.out == "marked\tmine\tMarked tip.\n");
  const RunResult check = run(with("aa-content", {"check", mine}), home.options());
  CHECK(check.status == 0);
  CHECK(check.out == mine + ": ok, 1 content file\n");
  // Positions count from after it: the section is on line 4, column 11.
  std::ofstream(mine + "/tips.toml", std::ios::binary) << bom << tip_toml("marked", "Marked.", "nowhere");
  CHECK(run(with("aa-content", {"check", mine}), home.options()).err ==
        "aa-content: error: " + mine + "/tips.toml:4:11: tip 'marked' refers to unknown section 'nowhere'\n" +
            "aa-content: 1 problem in 1 content file\n");
  // Only at the very start: a second one is a mistake.
  std::ofstream(mine + "/tips.toml", std::ios::binary) << bom << bom << tip_toml("marked");
  CHECK(run(with("aa-content", {"check", mine}), home.options()).status == 65);
  // A personal tips file, the same.
  home.tip_file("mine.toml", bom + tip_toml("own-marked", "Own marked tip."));
  const RunResult own = run(with("aa-tip", {"--id", "own-marked"}), home.options());
  CHECK(own.status == 0);
  CHECK(own.err.empty());
  CHECK(own.out == "Own marked tip.\n");
  CHECK(run(with("aa-content", {"check", home.tips()}), home.options()).status == 0);
}
