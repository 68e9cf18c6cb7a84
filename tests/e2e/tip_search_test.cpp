// SPDX-License-Identifier: MIT
// aa-tip --search, end to end through the built binary.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "guide_e2e.hpp"

using aa::test::lines_of;
using aa::test::run;

namespace {

std::vector<std::string> tip(std::vector<std::string> args) {
  return aa::test::with_command("aa-tip", std::move(args));
}

// Every tip, as JSON.
nlohmann::json every_tip() { return nlohmann::json::parse(run(tip({"--list", "--json"})).out); }

}  // namespace

TEST_CASE("aa-tip --search prints id:text for every tip that holds the text, ignoring case") {
  const auto result = run(tip({"--search", "JOURNAL"}));
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  std::vector<std::string> expected;
  for (const auto& t : every_tip()) {
    const std::string text = t["text"];
    if (aa::fold_case(text).find("journal") != std::string::npos) {
      expected.push_back(t["id"].get<std::string>() + ":" + text);
    }
  }
  CHECK(!expected.empty());
  CHECK(lines_of(result.out) == expected);
}

TEST_CASE("aa-tip --search: no match exits 1, colour highlights, JSON is the tips themselves") {
  const auto none = run(tip({"-s", "zebra"}));
  CHECK(none.status == 1);
  CHECK(none.out.empty());
  CHECK(none.err == "aa-tip: error: no tip contains 'zebra'\n");

  const auto plain = run(tip({"-s", "journal"}));
  const auto colored = run(tip({"-s", "journal", "--color=always"}));
  CHECK(plain.out.find('\x1b') == std::string::npos);
  CHECK(colored.out.find("\x1b[1m\x1b[31mjournal\x1b[0m") != std::string::npos);
  CHECK(aa::test::without_escapes(colored.out) == plain.out);

  const auto json = nlohmann::json::parse(run(tip({"-s", "journal", "--json"})).out);
  CHECK(json.size() == lines_of(plain.out).size());
  for (const auto& t : json) CHECK(t.contains("category"));

  // It chooses tips itself, so it goes with no other way of choosing them.
  CHECK(run(tip({"-s", "journal", "--daily"})).status == 2);
  CHECK(run(tip({"-s", "journal", "--id", "x"})).status == 2);
  CHECK(run(tip({"-s", ""})).status == 2);
}

TEST_CASE("aa-tip --search: typed quotes, word forms, and [] for JSON without a match") {
  const auto quoted = run(tip({"-s", "let's"}));
  CHECK(quoted.status == 0);
  REQUIRE(lines_of(quoted.out).size() == 1);
  CHECK(lines_of(quoted.out)[0].find("Let’s") != std::string::npos);
  // "limits" finds "limit" and "limits".
  const auto plural = run(tip({"-s", "limits"}));
  CHECK(plural.status == 0);
  CHECK(plural.out == run(tip({"-s", "limit"})).out);

  for (bool terminal : {false, true}) {
    CAPTURE(terminal);
    const auto none = run(tip({"-s", "zebra", "--json"}), aa::test::RunOptions{.terminal = terminal});
    CHECK(none.status == 1);
    CHECK(lines_of(none.out) == std::vector<std::string>{"[]"});
    CHECK(none.err == "aa-tip: error: no tip contains 'zebra'\n");
  }
  // A text search without a match still prints nothing.
  CHECK(run(tip({"-s", "zebra"})).out.empty());
}
