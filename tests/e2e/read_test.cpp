// SPDX-License-Identifier: MIT
// aa-read, end to end through the built binary.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "guide_e2e.hpp"

using aa::test::lines_of;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::seen;

namespace {

std::vector<std::string> read(std::vector<std::string> args) {
  return aa::test::with_command("aa-read", std::move(args));
}

const std::vector<std::string> slugs = {"what",   "roots",   "impact",  "signs",  "strategies", "support",  "summary",
                                        "safety", "calming", "protest", "secure", "cycle",      "therapist"};

nlohmann::json json_of(const std::string& text) { return nlohmann::json::parse(text); }

// The built-in table of contents, as JSON.
nlohmann::json contents() {
  const auto result = run(read({"--list", "--json"}));
  REQUIRE(result.status == 0);
  return json_of(result.out);
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("aa-read: the table of contents in a pipe is number<TAB>slug<TAB>title") {
  const auto bare = run(read({}));
  const auto listed = run(read({"--list"}));
  CHECK(bare.status == 0);
  CHECK(bare.err.empty());
  CHECK(bare.out == listed.out);
  const auto toc = contents();
  REQUIRE(toc.size() == slugs.size());
  const auto lines = lines_of(bare.out);
  REQUIRE(lines.size() == slugs.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CHECK(toc[i]["number"] == i + 1);
    CHECK(toc[i]["slug"] == slugs[i]);
    CHECK(lines[i] == std::to_string(i + 1) + "\t" + slugs[i] + "\t" + toc[i]["title"].get<std::string>());
  }
}

TEST_CASE("aa-read: a section is named by number, slug, or a prefix of slug or title, in any case") {
  const auto by_number = run(read({"4"}));
  REQUIRE(by_number.status == 0);
  CHECK(by_number.out.starts_with("4. Recognising the signs\n"));
  for (std::string name : {"signs", "sig", "SIG", "Signs", "recog", "RECOGNISING THE", "04"}) {
    CAPTURE(name);
    const auto result = run(read({name}));
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(result.out == by_number.out);
  }
  CHECK(run(read({"seeking"})).out.starts_with("6. Seeking support\n"));
  CHECK(run(read({"Closing"})).out.starts_with("7. Closing words\n"));
}

TEST_CASE("aa-read: sections come in the order asked, and --all gives them all in order") {
  const auto two = run(read({"6", "roots"}));
  REQUIRE(two.status == 0);
  CHECK(two.out.starts_with("6. Seeking support\n"));
  CHECK(two.out.find("\n2. How it develops\n") != std::string::npos);

  const auto all = run(read({"--all"}));
  REQUIRE(all.status == 0);
  std::size_t at = 0;
  for (std::size_t i = 0; i < slugs.size(); ++i) {
    const std::string section = run(read({slugs[i]})).out;
    CAPTURE(slugs[i]);
    CHECK(all.out.find(section, at) == at);
    at += section.size() + 1;  // a blank line between sections
  }
  CHECK(at == all.out.size() + 1);
}

TEST_CASE("aa-read: unknown and ambiguous names exit 1 with candidates and how to list them") {
  const auto slip = run(read({"stratgies"}));
  CHECK(slip.status == 1);
  CHECK(slip.out.empty());
  CHECK(slip.err ==
        "aa-read: error: no section 'stratgies'; did you mean 'strategies'? ('aa-read --list' lists them)\n");

  const auto nothing_close = run(read({"xyzzy-plugh"}));
  CHECK(nothing_close.status == 1);
  CHECK(nothing_close.err ==
        "aa-read: error: no section 'xyzzy-plugh' ('aa-read --list' lists them; to search for "
        "it: aa-read --search xyzzy-plugh)\n");

  for (std::string number : {"0", "14", "100"}) {
    const auto out_of_range = run(read({number}));
    CHECK(out_of_range.status == 1);
    CHECK(out_of_range.err.find("numbered 1 to 13") != std::string::npos);
  }

  const auto ambiguous = run(read({"wha"}));
  CHECK(ambiguous.status == 1);
  CHECK(ambiguous.out.empty());
  CHECK(ambiguous.err ==
        "aa-read: error: section 'wha' is ambiguous; did you mean 'what', 'impact' (\"What it does to "
        "relationships\") or 'secure' (\"What secure relating looks like\")? ('aa-read --list' lists them)\n");
  const auto three = run(read({"s"}));
  CHECK(three.status == 1);
  CHECK(three.err.find("'signs', 'strategies', 'support', 'summary', 'safety' or 'secure'") != std::string::npos);

  // One bad name among good ones: nothing is printed.
  const auto mixed = run(read({"1", "nope", "2"}));
  CHECK(mixed.status == 1);
  CHECK(mixed.out.empty());
}

TEST_CASE("aa-read: search prints slug:paragraph:text for each paragraph that matches") {
  const auto result = run(read({"--search", "cbt"}));
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].starts_with("support:3:Cognitive-behavioural therapy (CBT)"));
  CHECK(lines[1].starts_with("therapist:4:- Cognitive-behavioural therapy (CBT)"));

  // Many hits, each really holding the text, in any case, multi-byte included.
  const auto dont = run(read({"-s", "DON’T"}));
  CHECK(dont.status == 0);
  REQUIRE(!lines_of(dont.out).empty());
  for (const std::string& line : lines_of(dont.out)) {
    CAPTURE(line);
    const std::size_t first = line.find(':');
    const std::size_t second = line.find(':', first + 1);
    REQUIRE(second != std::string::npos);
    CHECK(std::find(slugs.begin(), slugs.end(), line.substr(0, first)) != slugs.end());
    const int paragraph = std::stoi(line.substr(first + 1, second - first - 1));
    CHECK(paragraph >= 1);
    CHECK(aa::fold_case(line.substr(second + 1)).find("don’t") != std::string::npos);
    // The paragraph is the one named.
    const auto section = json_of(run(read({line.substr(0, first), "--json"})).out);
    CHECK(section[0]["paragraphs"][paragraph - 1] == line.substr(second + 1));
  }
}

TEST_CASE("aa-read: a section named twice is printed once, in a pipe and on a terminal") {
  const auto once = run(read({"strategies"}));
  REQUIRE(once.status == 0);
  for (const auto& names : {std::vector<std::string>{"5", "5"}, std::vector<std::string>{"5", "strat", "STRATEGIES"}}) {
    CHECK(run(read(names)).out == once.out);
  }
  // Where it is first named.
  const auto two = run(read({"2", "5", "2"}));
  CHECK(two.out == run(read({"2", "5"})).out);

  auto args = read({"1", "1", "--no-pager"});
  const auto tty_once = run(read({"1", "--no-pager"}), RunOptions{.terminal = true});
  const auto tty_twice = run(args, RunOptions{.terminal = true});
  CHECK(tty_twice.status == 0);
  CHECK(seen(tty_twice.out) == seen(tty_once.out));
}

TEST_CASE("aa-read: search reads typed quotes as the guide's, and finds the forms of a word") {
  // The guide writes "can’t"; a person types "can't".
  for (std::string needle : {"can't", "CAN’T"}) {
    CAPTURE(needle);
    const auto result = run(read({"-s", needle}));
    CHECK(result.status == 0);
    REQUIRE(!lines_of(result.out).empty());
    for (const std::string& line : lines_of(result.out)) CHECK(aa::fold_case(line).find("can’t") != std::string::npos);
  }
  // The guide says "boundaries"; "boundary" finds them, and so does the plural.
  const auto singular = run(read({"-s", "boundary"}));
  CHECK(singular.status == 0);
  REQUIRE(!lines_of(singular.out).empty());
  for (const std::string& line : lines_of(singular.out)) {
    CHECK(aa::fold_case(line).find("boundar") != std::string::npos);
  }
  CHECK(run(read({"-s", "Boundaries"})).out == singular.out);
  // Highlighted on a terminal: the word as the guide writes it.
  const auto tty = run(read({"-s", "can't", "--no-pager"}), RunOptions{.terminal = true});
  CHECK(tty.status == 0);
  CHECK(tty.out.find("can’t\x1b[0m") != std::string::npos);
}

TEST_CASE("aa-read: search folds case as Unicode does, not byte by byte") {
  aa::test::TempDir dir;
  dir.write("sections.toml", aa::test::multibyte_sections_toml());
  // "e" + U+0301 in the text is found by a precomposed "É".
  const std::size_t sections = aa::builtin_content().sections.size();
  const auto composed = run(read({"--content-dir", dir.path(), "-s", "COMBINING \xc3\x89 MARKS"}));
  CHECK(composed.status == 0);
  CHECK(lines_of(composed.out).size() == sections);
  // "’s" and “quoted” are in every title, not in the paragraphs searched.
  const auto quoted = run(read({"--content-dir", dir.path(), "-s", "'breathe'"}));
  CHECK(quoted.status == 0);
  CHECK(lines_of(quoted.out).size() == sections);
}

TEST_CASE("aa-read: a JSON search without a match prints [] and exits 1") {
  for (bool terminal : {false, true}) {
    CAPTURE(terminal);
    const auto result = run(read({"--search", "zebra crossing", "--json"}), RunOptions{.terminal = terminal});
    CHECK(result.status == 1);
    CHECK(lines_of(result.out) == std::vector<std::string>{"[]"});
    CHECK(result.err == "aa-read: error: no paragraph of the guide contains 'zebra crossing'\n");
  }
}

TEST_CASE("aa-read: a search without a match exits 1, as grep does") {
  const auto result = run(read({"--search", "zebra crossing"}));
  CHECK(result.status == 1);
  CHECK(result.out.empty());
  CHECK(result.err == "aa-read: error: no paragraph of the guide contains 'zebra crossing'\n");
}

TEST_CASE("aa-read: search folds case beyond ASCII, in content of your own") {
  aa::test::TempDir dir;
  dir.write("sections.toml", aa::test::multibyte_sections_toml());
  const auto result = run(read({"--content-dir", dir.path(), "-s", "été"}));
  CHECK(result.status == 0);
  const auto lines = lines_of(result.out);
  CHECK(lines.size() == aa::builtin_content().sections.size());
  CHECK(lines[0].starts_with("what:1:You’re not too much"));
  const auto colored = run(read({"--content-dir", dir.path(), "-s", "été", "--color=always"}));
  // Both spellings are highlighted, whole characters and all.
  CHECK(colored.out.find("\x1b[1m\x1b[31mÉTÉ\x1b[0m folds to \x1b[1m\x1b[31mété\x1b[0m") != std::string::npos);
}

TEST_CASE("aa-read: search results are highlighted with --color=always and JSON on request") {
  const auto colored = run(read({"-s", "cbt", "--color=always"}));
  CHECK(colored.status == 0);
  CHECK(colored.out.find("\x1b[1m\x1b[31mCBT\x1b[0m") != std::string::npos);
  CHECK(aa::test::without_escapes(colored.out) == run(read({"-s", "cbt"})).out);

  const auto json = json_of(run(read({"-s", "alone", "--json"})).out);
  REQUIRE(json.is_array());
  REQUIRE(!json.empty());
  for (const auto& hit : json) {
    CHECK(hit.size() == 4);
    CHECK(hit["slug"] == slugs[hit["number"].get<std::size_t>() - 1]);
    CHECK(hit["paragraph"].get<int>() >= 1);
    CHECK(aa::fold_case(hit["text"].get<std::string>()).find("alone") != std::string::npos);
  }
  const auto markdown = run(read({"-s", "alone", "--format", "markdown"}));
  CHECK(markdown.status == 2);
  CHECK(markdown.out.empty());
}

TEST_CASE("aa-read: --format json holds number, slug, title and paragraphs") {
  const auto one = run(read({"--format", "json", "signs"}));
  REQUIRE(one.status == 0);
  const auto json = json_of(one.out);
  REQUIRE(json.size() == 1);
  CHECK(json[0]["number"] == 4);
  CHECK(json[0]["slug"] == "signs");
  CHECK(json[0]["title"] == "Recognising the signs");
  CHECK(json[0]["paragraphs"].size() == 6);
  CHECK(json[0]["paragraphs"][1].get<std::string>().starts_with("- Emotional dependence"));

  const auto all = json_of(run(read({"--all", "--json"})).out);
  REQUIRE(all.size() == slugs.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i]["number"] == i + 1);
    CHECK(all[i]["slug"] == slugs[i]);
  }
  // Colour and width never reach JSON.
  CHECK(run(read({"--all", "--json", "--color=always", "--width", "20"})).out == run(read({"--all", "--json"})).out);
}

TEST_CASE("aa-read: --format markdown has a heading a section and lists as lists") {
  const auto result = run(read({"--all", "--format", "markdown"}));
  REQUIRE(result.status == 0);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() > 4);
  CHECK(lines[1] == "title: \"Anxious attachment: a guide\"");
  std::vector<std::string> headings;
  std::size_t bullets = 0, numbered = 0;
  for (std::size_t i = 4; i < lines.size(); ++i) {  // after the title block
    const std::string& line = lines[i];
    if (line.starts_with("#")) {
      headings.push_back(line);
      // A heading stands apart: blank lines around it (or the start).
      CHECK(lines[i - 1].empty());
      CHECK(lines.at(i + 1).empty());
    } else if (line.starts_with("- ")) {
      ++bullets;
      // A list starts after a blank line and items follow each other.
      CHECK((lines[i - 1].empty() || lines[i - 1].starts_with("- ")));
    } else if (!line.empty() && std::isdigit(static_cast<unsigned char>(line[0])) && line.find(". ") < 3) {
      ++numbered;
      CHECK((lines[i - 1].empty() || std::isdigit(static_cast<unsigned char>(lines[i - 1][0]))));
    } else if (!line.empty()) {
      // A paragraph is one line between blank ones.
      CHECK(lines[i - 1].empty());
    }
  }
  const auto toc = contents();
  REQUIRE(headings.size() == toc.size());
  for (std::size_t i = 0; i < toc.size(); ++i) {
    CHECK(headings[i] == "# " + std::to_string(i + 1) + ". " + toc[i]["title"].get<std::string>() + " {#" +
                             toc[i]["slug"].get<std::string>() + "}");
  }
  // The four signs, and the lists of sections 8 to 13: signs of abuse and
  // where to find help (10), ways to calm down (6), protest behaviours (6),
  // secure relating (6), stepping out of the cycle (3), and therapies and
  // questions for a therapist (8).
  CHECK(bullets == 4 + 10 + 6 + 6 + 6 + 3 + 8);
  CHECK(numbered == 5);  // the five strategies

  const auto list = run(read({"--list", "--format", "markdown"}));
  CHECK(lines_of(list.out).at(7) == "4. Recognising the signs (`signs`)");
}

TEST_CASE("aa-read: --width wraps every line to the width, counting display columns") {
  aa::test::TempDir dir;
  dir.write("sections.toml", aa::test::multibyte_sections_toml());
  for (const std::string content : {"", dir.path().c_str()}) {
    std::vector<std::string> base = {"--all"};
    if (!content.empty()) base = {"--all", "--content-dir", content};
    auto args_for = [&](std::string width) {
      auto args = base;
      args.insert(args.end(), {"--width", width});
      return read(args);
    };
    const auto unbroken = run(args_for("100000"));
    REQUIRE(unbroken.status == 0);
    for (std::string width : {"20", "33", "47", "60", "80"}) {
      CAPTURE(content);
      CAPTURE(width);
      const auto result = run(args_for(width));
      REQUIRE(result.status == 0);
      CHECK(aa::test::widest_line(result.out) <= std::stoul(width));
      // Lines are full: the wrapping really used the width.
      CHECK(aa::test::widest_line(result.out) >= std::stoul(width) - 8);
      // Only line breaks changed.
      CHECK(aa::test::non_space(result.out) == aa::test::non_space(unbroken.out));
    }
  }
}

TEST_CASE("aa-read: in a pipe, no escape byte and one paragraph a line") {
  for (const auto& args : std::vector<std::vector<std::string>>{{},
                                                                {"4"},
                                                                {"--all"},
                                                                {"-s", "help"},
                                                                {"--all", "--json"},
                                                                {"--all", "--format", "markdown"},
                                                                {"--all", "--width", "40"}}) {
    const auto result = run(read(args), RunOptions{.env = {{"TERM", "xterm-256color"}}});
    CHECK(result.status == 0);
    CHECK(result.out.find('\x1b') == std::string::npos);
  }
  const auto section = run(read({"5"}));
  const auto json = json_of(run(read({"5", "--json"})).out);
  // The title, then each paragraph on a line of its own.
  CHECK(lines_of(section.out).size() == 1 + json[0]["paragraphs"].size());
  CHECK(section.out.find("Next:") == std::string::npos);
}

TEST_CASE("aa-read: --color=always styles the title even in a pipe, NO_COLOR only affects auto") {
  const auto colored = run(read({"4", "--color=always"}));
  CHECK(colored.out.starts_with("\x1b[1m\x1b[36m4. Recognising the signs\x1b[0m\n"));
  CHECK(aa::test::without_escapes(colored.out) == run(read({"4"})).out);
  const auto forced = run(read({"4", "--color=always"}), RunOptions{.env = {{"NO_COLOR", "1"}}});
  CHECK(forced.out == colored.out);
  // (No pager: less has control sequences of its own when TERM is set.)
  CHECK(run(read({"4", "--color=never", "--no-pager"}), RunOptions{.terminal = true}).out.find('\x1b') ==
        std::string::npos);
}

TEST_CASE("aa-read: on a terminal, colour unless NO_COLOR is set or TERM is dumb") {
  const RunOptions tty{.env = {{"TERM", "xterm"}}, .terminal = true, .rows = 200};
  CHECK(run(read({"4"}), tty).out.find("\x1b[1m\x1b[36m4. Recognising the signs") != std::string::npos);
  RunOptions no_color = tty;
  no_color.env["NO_COLOR"] = "1";
  const auto plain = run(read({"4"}), no_color);
  CHECK(plain.status == 0);
  CHECK(plain.out.find('\x1b') == std::string::npos);
  CHECK(plain.out.find("4. Recognising the signs") != std::string::npos);
  // An empty NO_COLOR is as if unset.
  no_color.env["NO_COLOR"] = "";
  CHECK(run(read({"4"}), no_color).out.find('\x1b') != std::string::npos);
  RunOptions dumb = tty;
  dumb.env["TERM"] = "dumb";
  CHECK(run(read({"4"}), dumb).out.find('\x1b') == std::string::npos);
}

TEST_CASE("aa-read: on a terminal the table of contents is in aligned columns") {
  const auto result = run(read({}), RunOptions{.terminal = true, .rows = 200});
  CHECK(result.status == 0);
  auto lines = lines_of(seen(result.out));
  const auto toc = contents();
  // The rows, then a blank line and how to open one.
  REQUIRE(lines.size() > toc.size() + 1);
  CHECK(lines[toc.size()].empty());
  CHECK(lines[toc.size() + 1].starts_with("Open one: aa-read 1, or aa-read what."));
  lines.resize(toc.size());
  std::size_t title_column = std::string::npos;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string title = toc[i]["title"];
    const std::size_t column = lines[i].rfind(title);
    REQUIRE(column != std::string::npos);
    CHECK(lines[i].ends_with(title));
    if (i == 0) title_column = column;
    CHECK(column == title_column);
    // Numbers are aligned to the right: " 9" above "10".
    const std::string number = std::to_string(i + 1);
    const std::string padding(std::to_string(lines.size()).size() - number.size(), ' ');
    CHECK(lines[i].starts_with(padding + number + "  " + slugs[i] + " "));
    CHECK(lines[i].find('\t') == std::string::npos);
  }
}

TEST_CASE("aa-read: on a terminal text wraps to the terminal's width, at most 100 columns") {
  for (unsigned short columns : {50, 72}) {
    CAPTURE(columns);
    const auto result = run(read({"5"}), RunOptions{.terminal = true, .columns = columns, .rows = 200});
    CHECK(result.status == 0);
    const std::string text = seen(result.out);
    CHECK(aa::test::widest_line(text) <= columns);
    CHECK(aa::test::widest_line(text) >= columns - 8);
    // Paragraphs are apart, and the end says what to read next.
    CHECK(text.find("\n\n") != std::string::npos);
    CHECK(text.find("Next: aa-read 6 (Seeking support)") != std::string::npos);
  }
  const auto wide = run(read({"--all"}), RunOptions{.terminal = true, .columns = 160, .rows = 1000});
  CHECK(aa::test::widest_line(seen(wide.out)) <= 100);
  CHECK(aa::test::widest_line(seen(wide.out)) > 90);
  // COLUMNS wins over the terminal's size, and --width over both.
  const auto columns_env = run(read({"5"}), RunOptions{.env = {{"COLUMNS", "40"}}, .terminal = true, .rows = 200});
  CHECK(aa::test::widest_line(seen(columns_env.out)) <= 40);
  const auto asked =
      run(read({"5", "--width", "30"}), RunOptions{.env = {{"COLUMNS", "40"}}, .terminal = true, .rows = 200});
  CHECK(aa::test::widest_line(seen(asked.out)) <= 30);
}

TEST_CASE("aa-read: output taller than the terminal goes through the pager") {
  aa::test::TempDir dir;
  const std::string pager = aa::test::recording_pager(dir);
  const std::string paged = dir.path() + "/paged.txt";
  const RunOptions tty{.env = {{"PAGER", pager}, {"TERM", "xterm"}}, .terminal = true, .columns = 80, .rows = 24};

  const auto all = run(read({"--all"}), tty);
  CHECK(all.status == 0);
  REQUIRE(std::filesystem::exists(paged));
  const std::string text = aa::test::without_escapes(file_text(paged));
  CHECK(text.find("1. What anxious attachment is") != std::string::npos);
  CHECK(text.find("7. Closing words") != std::string::npos);
  // The pager had it all; the terminal showed none of it.
  CHECK(seen(all.out).find("Closing words") == std::string::npos);
  std::filesystem::remove(paged);

  SUBCASE("not with --no-pager") {
    const auto unpaged = run(read({"--all", "--no-pager"}), tty);
    CHECK(unpaged.status == 0);
    CHECK_FALSE(std::filesystem::exists(paged));
    CHECK(seen(unpaged.out).find("7. Closing words") != std::string::npos);
  }
  SUBCASE("not when it fits on the screen") {
    RunOptions tall = tty;
    tall.rows = 100;
    const auto fits = run(read({"7"}), tall);
    CHECK_FALSE(std::filesystem::exists(paged));
    CHECK(seen(fits.out).find("7. Closing words") != std::string::npos);
  }
  SUBCASE("never in a pipe") {
    const auto piped = run(read({"--all"}), RunOptions{.env = {{"PAGER", pager}}});
    CHECK_FALSE(std::filesystem::exists(paged));
    CHECK(piped.out.find("7. Closing words") != std::string::npos);
  }
}

TEST_CASE("aa-read: the command-line contract") { aa::test::check_command_contract("aa-read", {"--all"}); }

TEST_CASE("aa-read: the table of contents says how to open a section on a terminal only, at any width") {
  const auto toc = contents();
  for (const unsigned short columns : {60, 100, 160}) {
    CAPTURE(columns);
    for (const auto& args : {std::vector<std::string>{}, std::vector<std::string>{"--list"}}) {
      const auto result =
          run(read(args), RunOptions{.env = {{"TERM", "dumb"}}, .terminal = true, .columns = columns, .rows = 200});
      CHECK(result.status == 0);
      std::string flat = seen(result.out);
      std::replace(flat.begin(), flat.end(), '\n', ' ');
      // A real number and a real slug: both open a section.
      CHECK(flat.find("Open one: aa-read 1, or aa-read " + toc[0]["slug"].get<std::string>() + ".") !=
            std::string::npos);
    }
  }
  const auto piped = run(read({}));
  CHECK(piped.out.find("Open one") == std::string::npos);
  CHECK(lines_of(piped.out).size() == toc.size());
}

TEST_CASE("aa-read: search on a terminal shows the slug, not the paragraph's place that reads as a section number") {
  for (const unsigned short columns : {60, 100, 160}) {
    CAPTURE(columns);
    const auto tty = run(read({"--search", "cbt", "--no-pager", "--color=never"}),
                         RunOptions{.terminal = true, .columns = columns, .rows = 200});
    CHECK(tty.status == 0);
    const auto lines = lines_of(seen(tty.out));
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0].starts_with("support    Cognitive-behavioural therapy (CBT)"));
    for (const std::string& line : lines) {
      CHECK(line.find("  3  ") == std::string::npos);
      CHECK(line.find("  4  ") == std::string::npos);
    }
  }
  // The pipe keeps slug:paragraph:text, as the man page documents it.
  CHECK(lines_of(run(read({"--search", "cbt"})).out)[0].starts_with("support:3:Cognitive-behavioural therapy (CBT)"));
}
