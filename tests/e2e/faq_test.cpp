// SPDX-License-Identifier: MIT
// aa-faq, end to end through the built binary.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "guide_e2e.hpp"

using aa::test::lines_of;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::seen;

namespace {

std::vector<std::string> faq(std::vector<std::string> args) {
  return aa::test::with_command("aa-faq", std::move(args));
}

nlohmann::json all_questions() {
  const auto result = run(faq({"--all", "--json"}));
  REQUIRE(result.status == 0);
  return nlohmann::json::parse(result.out);
}

}  // namespace

TEST_CASE("aa-faq: the questions in a pipe are number<TAB>id<TAB>question") {
  const auto bare = run(faq({}));
  CHECK(bare.status == 0);
  CHECK(bare.err.empty());
  CHECK(bare.out == run(faq({"--list"})).out);
  const auto questions = all_questions();
  REQUIRE(questions.size() == 15);
  const auto lines = lines_of(bare.out);
  REQUIRE(lines.size() == questions.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CHECK(questions[i]["number"] == i + 1);
    CHECK(lines[i] == std::to_string(i + 1) + "\t" + questions[i]["id"].get<std::string>() + "\t" +
                          questions[i]["question"].get<std::string>());
  }
}

TEST_CASE("aa-faq: a question with its answer, by number, id or prefix") {
  const auto ninth = run(faq({"9"}));
  REQUIRE(ninth.status == 0);
  const auto lines = lines_of(ninth.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "9. Why are therapy or counselling recommended?");
  CHECK(lines[1].starts_with("They give you a safe space"));
  CHECK(lines[2] == "Read more: aa-read support therapist");
  for (std::string name : {"why-therapy", "why-t", "WHY ARE", "09"}) {
    CAPTURE(name);
    CHECK(run(faq({name})).out == ninth.out);
  }
  const auto two = run(faq({"8", "1"}));
  CHECK(two.out.starts_with("8. Is seeking help a sign of weakness?\n"));
  CHECK(two.out.find("\n\n1. How is this different from an anxiety disorder?\n") != std::string::npos);
}

TEST_CASE("aa-faq: every answer leads into the guide with a command that works") {
  const auto questions = all_questions();
  for (const auto& question : questions) {
    CAPTURE(question["id"]);
    REQUIRE(!question["see"].empty());
    std::vector<std::string> args;
    std::string command = "aa-read";
    for (const auto& slug : question["see"]) {
      args.push_back(slug);
      command += " " + slug.get<std::string>();
    }
    CHECK(run(faq({question["id"]})).out.ends_with("Read more: " + command + "\n"));
    const auto guide = run(aa::test::with_command("aa-read", args));
    CHECK(guide.status == 0);
    CHECK(!guide.out.empty());
  }
}

TEST_CASE("aa-faq: unknown and ambiguous questions exit 1 with how to list them") {
  const auto too_far = run(faq({"16"}));
  CHECK(too_far.status == 1);
  CHECK(too_far.out.empty());
  CHECK(too_far.err == "aa-faq: error: no question 16; they are numbered 1 to 15 ('aa-faq --list' lists them)\n");
  CHECK(run(faq({"0"})).status == 1);

  const auto slip = run(faq({"loved-one"}));
  CHECK(slip.status == 0);  // a prefix of 'loved-ones'
  const auto typo = run(faq({"loved-onse"}));
  CHECK(typo.status == 1);
  CHECK(typo.err ==
        "aa-faq: error: no question 'loved-onse'; did you mean 'loved-ones'? ('aa-faq --list' lists them)\n");

  const auto ambiguous = run(faq({"why"}));
  CHECK(ambiguous.status == 1);
  CHECK(ambiguous.err ==
        "aa-faq: error: question 'why' is ambiguous; did you mean 'why-therapy' or 'loved-ones' (\"Why share your "
        "struggles with loved ones?\")? ('aa-faq --list' lists them)\n");
  // A word form of an id is suggested.
  const auto plural = run(faq({"avoidant-partners"}));
  CHECK(plural.status == 1);
  CHECK(plural.err ==
        "aa-faq: error: no question 'avoidant-partners'; did you mean 'avoidant-partner'? "
        "('aa-faq --list' lists them)\n");
  // Any case, by id or by the question's start.
  CHECK(run(faq({"WHY-THERAPY"})).out == run(faq({"9"})).out);
  CHECK(run(faq({"Why share"})).out == run(faq({"13"})).out);
}

TEST_CASE("aa-faq: a question named twice is printed once, in a pipe and on a terminal") {
  const auto once = run(faq({"9"}));
  REQUIRE(once.status == 0);
  CHECK(run(faq({"9", "why-therapy", "9"})).out == once.out);
  const auto tty_once = run(faq({"2", "--no-pager"}), RunOptions{.terminal = true});
  const auto tty_twice = run(faq({"2", "2", "--no-pager"}), RunOptions{.terminal = true});
  CHECK(tty_twice.status == 0);
  CHECK(seen(tty_twice.out) == seen(tty_once.out));
}

TEST_CASE("aa-faq: search finds the forms of a word and reads typed quotes as typographic ones") {
  // The answers say "therapy"; the plural finds them.
  const auto plural = run(faq({"-s", "therapies"}));
  CHECK(plural.status == 0);
  CHECK(plural.out == run(faq({"-s", "therapy"})).out);
  aa::test::TempDir dir;
  dir.write("faq.toml",
            "[[question]]\nid = \"one\"\nquestion = \"Why can’t I rest?\"\nanswer = \"You “can”.\"\n"
            "see = [\"support\"]\n");
  const auto quoted = run(faq({"--content-dir", dir.path(), "-s", "can't"}));
  CHECK(quoted.status == 0);
  CHECK(quoted.out == "one:Why can’t I rest?\n");
  CHECK(run(faq({"--content-dir", dir.path(), "-s", "\"can\""})).out == "one:You “can”.\n");
}

TEST_CASE("aa-faq: a JSON search without a match prints [] and exits 1") {
  for (bool terminal : {false, true}) {
    CAPTURE(terminal);
    const auto result = run(faq({"-s", "zebra", "--json"}), RunOptions{.terminal = terminal});
    CHECK(result.status == 1);
    CHECK(lines_of(result.out) == std::vector<std::string>{"[]"});
    CHECK(result.err == "aa-faq: error: no question or answer contains 'zebra'\n");
  }
}

TEST_CASE("aa-faq: --all gives every question in order") {
  const auto all = run(faq({"--all"}));
  REQUIRE(all.status == 0);
  std::string expected;
  for (int i = 1; i <= 15; ++i) expected += (i > 1 ? "\n" : "") + run(faq({std::to_string(i)})).out;
  CHECK(all.out == expected);
}

TEST_CASE("aa-faq: search over questions and answers") {
  const auto result = run(faq({"--search", "WEAKNESS"}));
  CHECK(result.status == 0);
  CHECK(result.out == "not-weakness:Is seeking help a sign of weakness?\n");

  const auto many = run(faq({"-s", "help"}));
  CHECK(many.status == 0);
  for (const std::string& line : lines_of(many.out)) {
    CAPTURE(line);
    CHECK(aa::fold_case(line.substr(line.find(':') + 1)).find("help") != std::string::npos);
  }
  CHECK(lines_of(many.out).size() >= 3);

  const auto colored = run(faq({"-s", "weakness", "--color=always"}));
  CHECK(colored.out.find("\x1b[1m\x1b[31mweakness\x1b[0m?") != std::string::npos);
  CHECK(aa::test::without_escapes(colored.out) == result.out);

  const auto json = nlohmann::json::parse(run(faq({"-s", "weakness", "--json"})).out);
  REQUIRE(json.size() == 1);
  CHECK(json[0] ==
        nlohmann::json::parse(
            R"({"number":8,"id":"not-weakness","part":"question","text":"Is seeking help a sign of weakness?"})"));

  const auto none = run(faq({"-s", "zebra"}));
  CHECK(none.status == 1);
  CHECK(none.out.empty());
  CHECK(none.err == "aa-faq: error: no question or answer contains 'zebra'\n");
}

TEST_CASE("aa-faq: JSON and Markdown") {
  const auto questions = all_questions();
  for (const auto& question : questions) {
    CHECK(question.size() == 5);
    CHECK(!question["answer"].get<std::string>().empty());
  }
  const auto markdown = run(faq({"--all", "--format", "markdown"}));
  REQUIRE(markdown.status == 0);
  const auto lines = lines_of(markdown.out);
  REQUIRE(lines.size() > 4);
  CHECK(lines[1] == "title: \"Anxious attachment: common questions\"");
  std::size_t headings = 0;
  for (std::size_t i = 4; i < lines.size(); ++i) {  // after the title block
    if (lines[i].starts_with("# ")) {
      ++headings;
      CHECK(lines[i] == "# " + std::to_string(headings) + ". " +
                            questions[headings - 1]["question"].get<std::string>() + " {#" +
                            questions[headings - 1]["id"].get<std::string>() + "}");
      CHECK(lines.at(i + 1).empty());
    } else if (!lines[i].empty()) {
      CHECK(lines[i - 1].empty());  // every paragraph stands on its own
    }
  }
  CHECK(headings == 15);
  CHECK(markdown.out.find("\n\nRead more: `aa-read support summary`\n") != std::string::npos);
}

TEST_CASE("aa-faq: wrapping, colour and the pipe") {
  for (std::string width : {"20", "35", "64"}) {
    const auto result = run(faq({"--all", "--width", width}));
    CHECK(aa::test::widest_line(result.out) <= std::stoul(width));
    CHECK(aa::test::non_space(result.out) == aa::test::non_space(run(faq({"--all", "--width", "9999"})).out));
  }
  for (const auto& args : std::vector<std::vector<std::string>>{{}, {"--all"}, {"-s", "help"}, {"1", "--json"}}) {
    CHECK(run(faq(args), RunOptions{.env = {{"TERM", "xterm"}}}).out.find('\x1b') == std::string::npos);
  }
  CHECK(run(faq({"1", "--color=always"}))
            .out.starts_with("\x1b[1m\x1b[36m1. How is this different from an anxiety disorder?\x1b[0m\n"));
  const auto no_color = run(faq({"1"}), RunOptions{.env = {{"NO_COLOR", "yes"}}, .terminal = true, .rows = 100});
  CHECK(no_color.status == 0);
  CHECK(no_color.out.find('\x1b') == std::string::npos);
}

TEST_CASE("aa-faq: on a terminal, aligned list, wrapped answers and the pager") {
  const auto list = run(faq({}), RunOptions{.terminal = true, .rows = 100});
  const auto lines = lines_of(seen(list.out));
  // One numbered row a question; a long question wraps under its column.
  const auto numbered = std::count_if(lines.begin(), lines.end(), [](const std::string& line) {
    const std::size_t start = line.find_first_not_of(' ');
    return start != std::string::npos && line[start] >= '0' && line[start] <= '9';
  });
  REQUIRE(numbered == 15);
  const std::size_t column = lines[0].find("How is this different from an anxiety disorder?");
  for (const std::string& line : lines) {
    CHECK(line.find('\t') == std::string::npos);
    CHECK(line.find_first_not_of(' ', line.find(' ', line.find("  ") + 2)) == column);
  }

  const auto wrapped = run(faq({"--all"}), RunOptions{.terminal = true, .columns = 44, .rows = 500});
  CHECK(aa::test::widest_line(seen(wrapped.out)) <= 44);
  CHECK(aa::test::widest_line(seen(wrapped.out)) >= 36);
  CHECK(wrapped.out.find("\x1b[1m\x1b[36m") != std::string::npos);

  aa::test::TempDir dir;
  const std::string pager = aa::test::recording_pager(dir);
  const auto paged =
      run(faq({"--all"}), RunOptions{.env = {{"PAGER", pager}, {"TERM", "xterm"}}, .terminal = true, .rows = 20});
  CHECK(paged.status == 0);
  REQUIRE(std::filesystem::exists(dir.path() + "/paged.txt"));
  CHECK(std::filesystem::file_size(dir.path() + "/paged.txt") > 1000);
  CHECK(seen(paged.out).find("anxiety disorder") == std::string::npos);
}

TEST_CASE("aa-faq: the command-line contract") { aa::test::check_command_contract("aa-faq", {"--all"}); }
