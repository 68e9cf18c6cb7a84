// SPDX-License-Identifier: MIT
// The lists and search results of every command: on a terminal, aligned
// and wrapped to the width without breaking a word; in a pipe, the plain
// lines that scripts read, unchanged.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "aa/content/builtin.hpp"
#include "aa/content/text.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;

namespace {

std::vector<std::string> with(const std::string& name, std::vector<std::string> args) {
  args.insert(args.begin(), command(name));
  args.insert(args.end(), {"--no-pager", "--color=never"});
  return args;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::string line;
  for (const char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      out.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  if (!line.empty()) out.push_back(line);
  return out;
}

// `text` with every run of blanks and line breaks made one space: what a
// laid-out table reads as, whatever the wrapping.
std::string flattened(const std::string& text) {
  std::string out;
  bool blank = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Runs `args` on a terminal `columns` wide and checks the layout: every
// line fits, and no line is the tab-separated or colon-separated form.
std::string on_terminal(const std::vector<std::string>& args, unsigned short columns) {
  const auto result = run(args, RunOptions{.terminal = true, .columns = columns});
  CHECK(result.status == 0);
  for (const std::string& line : lines_of(result.out)) {
    CAPTURE(line);
    CHECK(aa::display_width(line) <= std::size_t{columns});
    CHECK_FALSE(contains(line, "\t"));
  }
  return result.out;
}

}  // namespace

TEST_CASE("aa-tip --list on a terminal: aligned, wrapped, every tip whole, in a pipe, tab-separated") {
  for (const unsigned short columns : {40, 80}) {
    CAPTURE(columns);
    const std::string flat = flattened(on_terminal(with("aa-tip", {"--list"}), columns));
    for (const aa::Tip& tip : aa::builtin_content().tips) {
      CHECK(contains(flat,
                     flattened(std::string(tip.id) + " " + std::string(tip.category) + " " + std::string(tip.text))));
    }
  }
  const auto piped = run(with("aa-tip", {"--list"}));
  const auto rows = lines_of(piped.out);
  REQUIRE(rows.size() == aa::builtin_content().tips.size());
  const aa::Tip& first = aa::builtin_content().tips[0];
  CHECK(rows[0] == std::string(first.id) + "\t" + std::string(first.category) + "\t" + std::string(first.text));
}

TEST_CASE("aa-check --items on a terminal: numbered, aligned, wrapped, in a pipe, tab-separated") {
  for (const unsigned short columns : {40, 80}) {
    CAPTURE(columns);
    const std::string flat = flattened(on_terminal(with("aa-check", {"--items"}), columns));
    std::size_t number = 1;
    for (const aa::ChecklistItem& item : aa::builtin_content().checklist) {
      CHECK(contains(flat, flattened(std::to_string(number++) + " " + std::string(item.id) + " " +
                                     std::string(item.sign) + ": " + std::string(item.statement))));
    }
  }
  const auto piped = lines_of(run(with("aa-check", {"--items"})).out);
  REQUIRE(piped.size() == aa::builtin_content().checklist.size());
  CHECK(piped[0].find('\t') != std::string::npos);
}

TEST_CASE("--search on a terminal, in every command: names aligned, the text wrapped, no word broken") {
  struct Search {
    std::string command;
    std::string needle;
  };
  for (const Search& search : {Search{"aa-read", "boundar"}, Search{"aa-faq", "therap"}, Search{"aa-tip", "friend"}}) {
    CAPTURE(search.command);
    const auto piped = run(with(search.command, {"--search", search.needle}));
    REQUIRE(piped.status == 0);
    const auto grep_lines = lines_of(piped.out);
    for (const unsigned short columns : {40, 80}) {
      CAPTURE(columns);
      const std::string out = on_terminal(with(search.command, {"--search", search.needle}), columns);
      const std::string flat = flattened(out);
      // Each grep line, its ':' separators made blanks, reads the same laid
      // out; but for aa-read's paragraph number, which a terminal leaves out.
      for (const std::string& line : grep_lines) {
        std::string keys_and_text = line;
        if (search.command == "aa-read") {
          const std::size_t slug_end = keys_and_text.find(':');
          keys_and_text.erase(slug_end, keys_and_text.find(':', slug_end + 1) - slug_end);
        }
        keys_and_text[keys_and_text.find(':')] = ' ';
        CHECK(contains(flat, flattened(keys_and_text)));
      }
      CHECK(lines_of(out).size() >= grep_lines.size());
    }
  }
}

TEST_CASE("--search in a pipe stays grep's lines, even with --width") {
  const auto piped = run(with("aa-read", {"--search", "boundar", "--width", "30"}));
  for (const std::string& line : lines_of(piped.out)) {
    CAPTURE(line);
    CHECK(line.find(':') < line.find(' '));
  }
}

TEST_CASE("aa-tip on a terminal: --no-hint, or tip_hint = false in the config, leaves out the hint line") {
  aa::test::TempDir home;
  const std::string id = std::string(aa::builtin_content().tips[0].id);
  const RunOptions terminal{.env = {{"XDG_CONFIG_HOME", home.path()}}, .terminal = true};
  const auto hinted = run(with("aa-tip", {"--id", id}), terminal);
  CHECK(hinted.status == 0);
  CHECK(contains(hinted.out, "more in: aa-read"));
  const auto no_hint = run(with("aa-tip", {"--id", id, "--no-hint"}), terminal);
  CHECK(no_hint.status == 0);
  CHECK_FALSE(contains(no_hint.out, "more in:"));
  CHECK(contains(flattened(no_hint.out), flattened(std::string(aa::builtin_content().tips[0].text))));

  std::filesystem::create_directories(home.path() + "/aa");
  home.write("aa/config.toml", "tip_hint = false\n");
  const auto configured = run(with("aa-tip", {"--id", id}), terminal);
  CHECK(configured.status == 0);
  CHECK_FALSE(contains(configured.out, "more in:"));
  // A pipe never had the hint, and never reads the config for it.
  home.write("aa/config.toml", "tip_hint = \"no\"\n");
  const auto piped = run(with("aa-tip", {"--id", id}), RunOptions{.env = {{"XDG_CONFIG_HOME", home.path()}}});
  CHECK(piped.status == 0);
  CHECK(piped.out == std::string(aa::builtin_content().tips[0].text) + "\n");
  // On a terminal a bad setting is a content error that names the file.
  const auto bad = run(with("aa-tip", {"--id", id}), terminal);
  CHECK(bad.status == 65);
  CHECK(contains(bad.err, "'tip_hint' must be true or false"));
}
