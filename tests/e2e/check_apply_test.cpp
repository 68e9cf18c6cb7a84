// SPDX-License-Identifier: MIT
// aa-check for everyone: a statement that does not fit a person's life is
// answered x, in every path (--answers, stdin, the prompt, the history,
// --import), and left out of totals, stand-out signs, averages and
// comparisons; and a result where several signs stand out suggests more
// help. Every test keeps its data in a temporary directory.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aa/content/builtin.hpp"
#include "files.hpp"
#include "home.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::slurp;

namespace {

std::vector<std::string> check(std::vector<std::string> args) {
  args.insert(args.begin(), command("aa-check"));
  return args;
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

struct Home : aa::test::PrivateHome {
  std::string history() const { return data() + "/aa/checks.jsonl"; }
};

std::string sign(std::size_t index) { return std::string(aa::builtin_content().checklist[index].sign); }

constexpr std::string_view more_help = "Several signs were rated often or almost always.";

}  // namespace

TEST_CASE("x does not apply: shown as such, null in JSON, out of the total, the maximum and what stands out") {
  Home home;
  const auto text = run(check({"--answers", "x,1,4,X"}), home.options());
  CHECK(text.status == 0);
  CHECK(has(text.out, "x does not apply\n"));
  CHECK(has(text.out, "4 almost always\n"));
  CHECK(has(text.out, sign(2) + ", rated 4 (almost always). What can help:"));
  CHECK_FALSE(has(text.out, sign(0) + ", rated"));

  const auto json = nlohmann::json::parse(run(check({"--answers", "x,1,4,x", "--json"}), home.options()).out);
  CHECK(json["answers"][0]["value"].is_null());
  CHECK(json["answers"][3]["value"].is_null());
  CHECK(json["answers"][2]["value"] == 4);
  CHECK(json["total"] == 5);
  CHECK(json["max"] == 8);
  CHECK(json["stand_out"] == nlohmann::json::array({"space"}));

  // On stdin, one a line, among the words of the scale, it is the same.
  const auto piped_run = run(check({"--json"}), home.with_stdin("x\nrarely\nalmost always\nX\n"));
  CAPTURE(piped_run.err);
  REQUIRE(piped_run.status == 0);
  const auto piped = nlohmann::json::parse(piped_run.out);
  CHECK(piped["answers"] == json["answers"]);
  CHECK(piped["total"] == 5);

  const auto markdown = run(check({"--answers", "x,1,4,x", "--format", "markdown"}), home.options());
  CHECK(markdown.status == 0);
  CHECK(has(markdown.out, "| x | does not apply |"));

  // A person with no one to think of answers x to all: nothing stands out,
  // and nothing says they are fine.
  const auto none = run(check({"--answers", "x x x x"}), home.options());
  CHECK(none.status == 0);
  CHECK(has(none.out, "No sign stands out"));
}

TEST_CASE("x at the prompt, saved as null, shown in the history, and left out of averages and comparisons") {
  Home home;
  const auto first = run(check({"--save", "--no-pager", "--color=never"}), home.typing({"4\n", "x\n", "2\n", "1\n"}));
  CAPTURE(first.err);
  REQUIRE(first.status == 0);
  CHECK(has(first.err, "x does not apply"));
  CHECK(has(first.out, "x does not apply"));
  const nlohmann::json saved = nlohmann::json::parse(slurp(home.history()));
  CHECK(saved["answers"][1]["value"].is_null());
  CHECK(saved["max"] == 12);

  const auto second = run(check({"--save", "--answers", "x,3,2,1"}), home.options());
  REQUIRE(second.status == 0);
  // Only the signs that applied both times are compared.
  CHECK(has(second.out, "every sign is where it was") != has(second.out, "lower:"));
  CHECK_FALSE(has(second.out, "lower: " + sign(0)));
  CHECK_FALSE(has(second.out, "higher: " + sign(1)));

  const auto table = run(check({"--history"}), home.options());
  CHECK(table.status == 0);
  CHECK(has(table.out, "  x  "));
  const auto history = nlohmann::json::parse(run(check({"--history", "--json"}), home.options()).out);
  const auto& signs = history["summary"]["signs"];
  REQUIRE(signs.size() == 4);
  CHECK(signs[0]["average"] == 4.0);  // 4, then x: the x is not a 0
  CHECK(signs[1]["average"] == 3.0);  // x, then 3

  // An export with x in it imports as it was.
  Home other;
  const auto imported =
      run(check({"--import", "-"}), other.with_stdin(run(check({"--history", "--json"}), home.options()).out));
  CHECK(imported.status == 0);
  CHECK(slurp(other.history()) == slurp(home.history()));
}

TEST_CASE("a result where several signs stand out suggests a doctor or a therapist, and when to go soon") {
  Home home;
  const auto several = run(check({"--answers", "3,4,1,0"}), home.options());
  CHECK(several.status == 0);
  CHECK(has(several.out, more_help));
  CHECK(has(several.out, "aa-read therapist"));
  CHECK(has(several.out, "thoughts of harming yourself"));
  CHECK(has(several.out, "emergency number"));
  const auto markdown = run(check({"--answers", "3,4,1,0", "--format", "markdown"}), home.options());
  CHECK(has(markdown.out, more_help));
  for (const char* answers : {"3,1,1,0", "0,0,0,0", "4,x,x,x"}) {
    CAPTURE(answers);
    CHECK_FALSE(has(run(check({"--answers", answers}), home.options()).out, more_help));
  }
}

TEST_CASE("the table of contents says how to open a section and where help is, on a terminal only") {
  aa::test::RunOptions terminal;
  terminal.terminal = true;
  terminal.env["PAGER"] = "cat";
  const auto shown = run({command("aa-read"), "--no-pager", "--color=never"}, terminal);
  CHECK(shown.status == 0);
  const std::string flat = [&] {
    std::string text;
    for (char c : shown.out) {
      if (c == '\r') continue;
      text += c == '\n' ? ' ' : c;
    }
    return text;
  }();
  CHECK(has(flat, "Open one: aa-read 1, or aa-read what."));
  CHECK(has(flat, "https://findahelpline.com"));
  CHECK(has(flat, "If you are not safe with someone: aa-read safety."));
  const auto piped = run({command("aa-read")});
  CHECK_FALSE(has(piped.out, "findahelpline"));
  CHECK(piped.out.starts_with("1\twhat\t"));

  const auto help = run({command("aa"), "help"});
  CHECK(help.status == 0);
  CHECK(has(help.out, "findahelpline.com"));
  CHECK(has(help.out, "'aa read safety'"));
}
