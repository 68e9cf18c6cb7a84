// SPDX-License-Identifier: MIT
// The man pages in man/: that they say what the commands do (every option
// of --help, and no other), render without a warning, fit 80 columns, and
// that the examples they give work.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "command_info.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::command_names;
using aa::test::find_program;
using aa::test::read_text_file;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::split_lines;

namespace {

std::string man_dir() { return aa::test::source_dir() + "/man"; }

std::vector<std::string> man_pages() {
  std::vector<std::string> pages;
  for (const auto& entry : std::filesystem::directory_iterator(man_dir())) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 2 && name[name.size() - 2] == '.' && name.back() >= '1' && name.back() <= '9') {
      pages.push_back(entry.path().string());
    }
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

std::string page_of(const std::string& command_name) { return man_dir() + "/" + command_name + ".1"; }

// A roff line as the reader sees it: no request name, font changes,
// quotes or escapes.
std::string plain(std::string line) {
  // Quotes group the arguments of a request; in text they are text.
  if (line.rfind('.', 0) == 0) line.erase(std::remove(line.begin(), line.end(), '"'), line.end());
  if (line.rfind('.', 0) == 0) {
    const std::size_t end = line.find_first_of(" \t");
    line.erase(0, end == std::string::npos ? line.size() : line.find_first_not_of(" \t", end));
    if (line.find_first_not_of(" \t") == std::string::npos) line.clear();
  }
  // Font changes: \fB, \fI, \fR, \fP. (No std::regex in this file: GCC 12
  // warns falsely inside it in the sanitizer build.)
  for (std::size_t at = line.find("\\f"); at != std::string::npos; at = line.find("\\f", at)) {
    if (at + 2 < line.size() && std::strchr("BIRP", line[at + 2])) {
      line.erase(at, 3);
    } else {
      at += 2;
    }
  }
  static const std::pair<const char*, const char*> escapes[] = {{"\\-", "-"},        {"\\%", ""},    {"\\&", ""},
                                                                {"\\~", " "},        {"\\(aq", "'"}, {"\\(ti", "~"},
                                                                {"\\(cq", "\u2019"}, {"\\e", "\\"}};
  for (const auto& [from, to] : escapes) {
    for (std::size_t at = line.find(from); at != std::string::npos; at = line.find(from, at + std::strlen(to))) {
      line.replace(at, std::strlen(from), to);
    }
  }
  return line;
}

// The lines of section `title` (after ".SH title", up to the next .SH).
std::vector<std::string> section(const std::string& page, const std::string& title) {
  std::vector<std::string> out;
  bool inside = false;
  for (const std::string& line : split_lines(read_text_file(page))) {
    if (line.rfind(".SH", 0) == 0) {
      inside = plain(line) == title;
      continue;
    }
    if (inside) out.push_back(line);
  }
  return out;
}

std::vector<std::string> section_titles(const std::string& page) {
  std::vector<std::string> titles;
  for (const std::string& line : split_lines(read_text_file(page))) {
    if (line.rfind(".SH", 0) == 0) titles.push_back(plain(line));
  }
  return titles;
}

// The tags of the .TP paragraphs in `lines`, as plain text.
std::vector<std::string> tags(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].rfind(".TP", 0) == 0) out.push_back(plain(lines[i + 1]));
  }
  return out;
}

// The options the OPTIONS section of a page describes: every -x or
// --name in the tag of one of its paragraphs.
std::set<std::string> man_options(const std::string& page) {
  std::set<std::string> options;
  for (std::string tag : tags(section(page, "OPTIONS"))) {
    for (char& c : tag) {
      if (std::strchr(",|[]", c)) c = ' ';
    }
    std::istringstream words(tag);
    for (std::string word; words >> word;) {
      if (aa::test::is_option_name(word)) options.insert(word);
    }
  }
  return options;
}

// The text of the .EX ... .EE block after the line `marker` (or the first
// one when `marker` is empty) in `lines`, unescaped.
std::string example_after(const std::vector<std::string>& lines, const std::string& marker) {
  std::string text;
  bool seen = marker.empty(), inside = false;
  for (const std::string& line : lines) {
    if (!seen) {
      seen = line == marker;
    } else if (line == ".EX") {
      inside = true;
    } else if (line == ".EE" && inside) {
      break;
    } else if (inside) {
      text += plain(line) + "\n";
    }
  }
  return text;
}

// Display columns of UTF-8 text: every character here is one column wide.
std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80;
  return n;
}

std::string join(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

std::set<std::string> minus(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  for (const std::string& item : a) {
    if (!b.count(item)) out.insert(item);
  }
  return out;
}

}  // namespace

TEST_CASE("every command has a man page in section 1, and every such page a command") {
  const auto commands = command_names();
  REQUIRE(commands.size() >= 4);
  std::set<std::string> pages;
  for (const std::string& page : man_pages()) {
    const std::string name = std::filesystem::path(page).filename().string();
    if (name.size() > 2 && name.substr(name.size() - 2) == ".1") pages.insert(name.substr(0, name.size() - 2));
  }
  // aa(1) is the page of aa, the command that runs the others.
  std::set<std::string> expected(commands.begin(), commands.end());
  expected.insert("aa");
  CHECK(pages == expected);
  CHECK(std::filesystem::exists(man_dir() + "/aa.7"));
  CHECK(std::filesystem::exists(man_dir() + "/aa-content.5"));
}

TEST_CASE("aa(7) describes every command, aa(1) first") {
  std::vector<std::string> described;
  for (const std::string& tag : tags(section(man_dir() + "/aa.7", "THE COMMANDS"))) described.push_back(tag);
  std::set<std::string> expected = {"aa (1)"};
  for (const std::string& name : command_names()) expected.insert(name + " (1)");
  REQUIRE(!described.empty());
  CHECK(described.front() == "aa (1)");
  CHECK(std::set<std::string>(described.begin(), described.end()) == expected);
  CHECK(described.size() == expected.size());
}

TEST_CASE("every page's SEE ALSO names every other page of ours, and only pages there are") {
  // "name (section)" of every page in man/.
  std::set<std::string> all;
  for (const std::string& page : man_pages()) {
    const std::string file = std::filesystem::path(page).filename().string();
    all.insert(file.substr(0, file.size() - 2) + " (" + file.back() + ")");
  }
  REQUIRE(all.count("aa (7)"));
  for (const std::string& page : man_pages()) {
    const std::string file = std::filesystem::path(page).filename().string();
    const std::string self = file.substr(0, file.size() - 2) + " (" + file.back() + ")";
    CAPTURE(self);
    std::set<std::string> named;
    for (const std::string& line : section(page, "SEE ALSO")) {
      if (!line.starts_with(".BR ")) continue;
      std::string reference = plain(line);
      if (reference.ends_with(",")) reference.pop_back();
      if (reference.starts_with("aa")) CHECK_MESSAGE(all.count(reference), "no such page: " << reference);
      named.insert(reference);
    }
    CHECK(named.count(self) == 0);
    std::set<std::string> others = all;
    others.erase(self);
    INFO("not named: " << join(minus(others, named)));
    CHECK(minus(others, named).empty());
  }
}

TEST_CASE("each command's man page describes exactly the options its --help shows") {
  for (const std::string& name : command_names()) {
    CAPTURE(name);
    const auto help = aa::test::help_options(name);
    REQUIRE_MESSAGE(help.count("--help"), "could not read the options of " << name << " --help");
    const auto documented = man_options(page_of(name));
    INFO("in --help, missing from " << name << "(1): " << join(minus(help, documented)));
    INFO("in " << name << "(1), not in --help: " << join(minus(documented, help)));
    CHECK(documented == help);
  }
}

TEST_CASE("each command's man page has the sections a reader looks for, in order") {
  const std::vector<std::string> wanted = {"NAME",        "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS",
                                           "ENVIRONMENT", "FILES",    "EXAMPLES",    "SAFETY",  "SEE ALSO"};
  for (const std::string& name : command_names()) {
    CAPTURE(name);
    const auto titles = section_titles(page_of(name));
    std::vector<std::string> present;
    for (const std::string& title : titles) {
      if (std::find(wanted.begin(), wanted.end(), title) != wanted.end()) present.push_back(title);
    }
    CHECK(present == wanted);
    // The conventions' exit statuses, each a paragraph of its own.
    const auto statuses = tags(section(page_of(name), "EXIT STATUS"));
    CHECK(std::set<std::string>(statuses.begin(), statuses.end()) ==
          std::set<std::string>{"0", "1", "2", "65", "70", "74"});
    for (const char* variable : {"NO_COLOR", "COLUMNS", "PAGER", "TERM", "AA_CONTENT_DIR"}) {
      const auto environment = tags(section(page_of(name), "ENVIRONMENT"));
      CHECK_MESSAGE(std::find(environment.begin(), environment.end(), variable) != environment.end(),
                    name << "(1) does not describe " << variable);
    }
  }
}

TEST_CASE("every command page and aa(7) carry the safety note") {
  std::vector<std::string> pages;
  for (const std::string& name : command_names()) pages.push_back(page_of(name));
  pages.push_back(man_dir() + "/aa.7");
  for (const std::string& page : pages) {
    CAPTURE(page);
    std::string text;
    for (const std::string& line : section(page, "SAFETY")) text += plain(line) + " ";
    CHECK(text.find("not a diagnosis") != std::string::npos);
    CHECK(text.find("in crisis") != std::string::npos);
    CHECK(text.find("emergency services or a crisis line") != std::string::npos);
  }
}

TEST_CASE("every page names the version the commands print") {
  const std::string version = split_lines(run({command("aa-tip"), "--version"}).out).at(0).substr(7);
  REQUIRE(std::count(version.begin(), version.end(), '.') == 2);
  REQUIRE(version.find_first_not_of("0123456789.") == std::string::npos);
  for (const std::string& page : man_pages()) {
    CAPTURE(page);
    std::string header;
    for (const std::string& line : split_lines(read_text_file(page))) {
      if (line.rfind(".TH ", 0) == 0) header = line;
    }
    CHECK(header.find("\"aa " + version + "\"") != std::string::npos);
  }
}

namespace {

// The commands of the Examples of `help`, each joined back into one line.
std::vector<std::string> help_example_commands(const std::string& help) {
  std::vector<std::string> out;
  const std::size_t start = help.find("\nExamples:\n");
  if (start == std::string::npos) return out;
  for (const std::string& line : split_lines(help.substr(start + 11))) {
    if (line.empty()) break;
    if (line.starts_with("      ") && !out.empty()) {
      out.back() += " " + line.substr(6);
    } else if (line.starts_with("    ")) {
      out.push_back(line.substr(4));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("each man page's EXAMPLES show the examples of its --help, and those of its subcommands") {
  for (const std::string& name : command_names()) {
    CAPTURE(name);
    std::string examples;
    for (const std::string& line : section(page_of(name), "EXAMPLES")) examples += plain(line) + "\n";
    std::vector<std::string> commands = help_example_commands(run({command(name), "--help"}).out);
    for (const std::string& sub : aa::test::help_subcommands(name)) {
      for (std::string& each : help_example_commands(run({command(name), sub, "--help"}).out)) {
        commands.push_back(std::move(each));
      }
    }
    CHECK(commands.size() >= 2);
    for (const std::string& example : commands) {
      CAPTURE(example);
      CHECK(examples.find(example + "\n") != std::string::npos);
    }
  }
}

TEST_CASE("every page renders with groff without a single warning") {
  const std::string groff = find_program("groff");
  REQUIRE_MESSAGE(!groff.empty(), "groff is not installed (Debian package groff-base)");
  const auto pages = man_pages();
  REQUIRE(pages.size() >= 6);
  for (const std::string& page : pages) {
    CAPTURE(page);
    const auto result = run({groff, "-man", "-ww", "-z", page});
    CHECK(result.status == 0);
    CHECK(result.err == "");
  }
}

TEST_CASE("every page fits an 80-column terminal") {
  const std::string groff = find_program("groff");
  REQUIRE(!groff.empty());
  for (const std::string& page : man_pages()) {
    CAPTURE(page);
    // As man shows it at MANWIDTH=80, without bold or underlining.
    const auto result = run({groff, "-man", "-Tutf8", "-rLL=80n", "-rLT=80n", "-P-cbou", page});
    REQUIRE(result.status == 0);
    std::size_t lines = 0;
    for (const std::string& line : split_lines(result.out)) {
      ++lines;
      CHECK_MESSAGE(columns(line) <= 80, "too wide: " << line);
    }
    CHECK(lines > 20);
  }
}

TEST_CASE("aa-read(1) lists the sections the built-in guide has") {
  std::vector<std::string> documented;
  // Lines such as ".B 4 signs".
  for (const std::string& line : section(page_of("aa-read"), "DESCRIPTION")) {
    std::istringstream words(line);
    std::string request, number, slug, more;
    if (!(words >> request >> number >> slug) || words >> more || request != ".B") continue;
    if (number.find_first_not_of("0123456789") == std::string::npos) documented.push_back(number + "\t" + slug);
  }
  std::vector<std::string> built_in;
  for (const std::string& line : split_lines(run({command("aa-read"), "--list"}).out)) {
    built_in.push_back(line.substr(0, line.find('\t', line.find('\t') + 1)));
  }
  CHECK(documented.size() == 13);
  CHECK(documented == built_in);
}

TEST_CASE("the tips.toml example of aa-content(5) is valid and gives its two tips") {
  const auto lines = split_lines(read_text_file(man_dir() + "/aa-content.5"));
  const std::string example = example_after(lines, ".\\\" example: tips.toml");
  REQUIRE(example.find("[[tip]]") != std::string::npos);
  const aa::test::TempDir dir;
  dir.write("tips.toml", example);
  const auto result = run({command("aa-tip"), "--content-dir", dir.path(), "--list"});
  CHECK(result.err == "");
  CHECK(result.status == 0);
  const auto listed = split_lines(result.out);
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].rfind("walk-first\tself-awareness\t", 0) == 0);
  CHECK(listed[1].rfind("call-a-friend\tinterdependence\t", 0) == 0);
}

TEST_CASE("the login snippet of aa-tip(1) prints a tip in interactive shells only") {
  const std::string bash = find_program("bash");
  REQUIRE(!bash.empty());
  std::string snippet;
  bool inside = false;
  for (const std::string& line : section(page_of("aa-tip"), "EXAMPLES")) {
    const std::string text = plain(line);
    inside = inside || text == "case $- in";
    if (inside) snippet += text + "\n";
    if (inside && text == "esac") break;
  }
  REQUIRE(snippet.find("aa-tip --daily") != std::string::npos);
  const RunOptions with_commands{.env = {{"PATH", aa::test::path_with_commands()}}};

  const auto interactive = run({bash, "--norc", "--noprofile", "-i", "-c", snippet}, with_commands);
  CHECK(interactive.status == 0);
  CHECK(aa::test::count_lines(interactive.out) == 1);
  CHECK(interactive.out == run({command("aa-tip"), "--daily"}).out);

  const auto script = run({bash, "--norc", "--noprofile", "-c", snippet}, with_commands);
  CHECK(script.out == "");
  CHECK(script.err == "");

  // Without aa-tip on PATH: no output and no error message.
  const auto missing =
      run({bash, "--norc", "--noprofile", "-i", "-c", snippet}, RunOptions{.env = {{"PATH", "/usr/bin:/bin"}}});
  CHECK(missing.out == "");
  CHECK(missing.err.find("aa-tip") == std::string::npos);
}
