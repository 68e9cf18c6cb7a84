// SPDX-License-Identifier: MIT
#include "aa/core/render_tips.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "aa/content/text.hpp"
#include "aa/core/json.hpp"

namespace {
const aa::Tip sample[] = {
    {"breathe", "calm", "what", "Breathe out slowly — twice as long as you breathe in, and notice your shoulders."},
    {"journal", "awareness", "signs", "Write down what you felt."},
};
const std::vector<const aa::Tip*> both = {&sample[0], &sample[1]};
}  // namespace

TEST_CASE("text: one line a tip in a pipe") {
  CHECK(aa::render_tips(both, aa::Format::text, {}) ==
        std::string(sample[0].text) + "\n" + std::string(sample[1].text) + "\n");
}

TEST_CASE("text on a terminal: wrapped, apart, with where to read more") {
  aa::TipStyle style{30, false, true, {"aa-read", "aa-faq"}};
  const std::string out = aa::render_tips(both, aa::Format::text, style);
  CHECK(
      out.starts_with("Breathe out slowly — twice as\nlong as you breathe in, and\nnotice your shoulders.\n"
                      "  — calm, more in: aa-read\n    what\n\nWrite down"));
  style.color = true;
  CHECK(aa::render_tips(both, aa::Format::text, style).find("\x1b[") != std::string::npos);
}

TEST_CASE("fortune files: entries separated by % lines") {
  CHECK(aa::render_tips(both, aa::Format::fortune, {}) ==
        std::string(sample[0].text) + "\n%\n" + std::string(sample[1].text) + "\n%\n");
}

TEST_CASE("markdown: a bullet list") {
  CHECK(aa::render_tips(both, aa::Format::markdown, {})
            .starts_with("---\ntitle: \"Anxious attachment: tips\"\n---\n\n- Breathe out"));
}

TEST_CASE("json: an array of tips with stable keys") {
  const auto json = nlohmann::ordered_json::parse(aa::render_tips(both, aa::Format::json, {}));
  REQUIRE(json.size() == 2);
  CHECK(json[0]["id"] == "breathe");
  CHECK(json[0]["text"] == sample[0].text);
  CHECK(json[1]["section"] == "signs");
  CHECK(json[0].begin().key() == "id");
}

TEST_CASE("the --list table") {
  CHECK(aa::render_tip_table(both) ==
        "breathe\tcalm\t" + std::string(sample[0].text) + "\njournal\tawareness\tWrite down what you felt.\n");
}

namespace {

std::string without_spaces(std::string text) {
  std::erase(text, ' ');
  return text;
}

// Whether `markdown` has a raw '<' or a "](" that would make a link.
bool has_live_markup(const std::string& markdown) {
  if (markdown.find('<') != std::string::npos) return true;
  for (std::size_t at = markdown.find("]("); at != std::string::npos; at = markdown.find("](", at + 1)) {
    if (at == 0 || markdown[at - 1] != '\\') return true;
  }
  return false;
}

}  // namespace

TEST_CASE("markdown: a tip's HTML and Markdown syntax are shown, never acted on") {
  const aa::Tip hostile[] = {
      {"a", "c", "what", "<script>alert(1)</script> Breathe."},
      {"b", "c", "what", "[x](javascript:alert(1)) and ![y](javascript:z) and <javascript:w>"},
      {"c", "c", "what", "# Not a heading, *not* emphasis & not &amp; an entity."},
  };
  const std::vector<const aa::Tip*> tips = {&hostile[0], &hostile[1], &hostile[2]};
  for (std::size_t width : {std::size_t{0}, std::size_t{12}}) {
    const std::string markdown = aa::render_tips(tips, aa::Format::markdown, {width, false, false});
    CAPTURE(markdown);
    CHECK_FALSE(has_live_markup(markdown));
    CHECK(markdown.find("\n- &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    if (width == 0) CHECK(markdown.find("\\*not\\* emphasis &amp; not &amp;amp; an entity.") != std::string::npos);
  }
  // The check itself sees what it must.
  CHECK(has_live_markup("[x](javascript:y)"));
  CHECK(has_live_markup("a <b>"));
}

TEST_CASE("fortune: wrapping never leaves a lone '%' line inside an entry") {
  const aa::Tip percent[] = {
      {"a", "c", "what", "Give it 100 % of a slow breath."},
      {"b", "c", "what", "% of days are hard, and % % are fine."},
  };
  const std::vector<const aa::Tip*> tips = {&percent[0], &percent[1]};
  for (std::size_t width = 1; width <= 40; ++width) {
    CAPTURE(width);
    const std::string fortune = aa::render_tips(tips, aa::Format::fortune, {width, false, false});
    std::vector<std::string> entries(1);
    std::istringstream in(fortune);
    for (std::string line; std::getline(in, line);) {
      if (line == "%") {
        entries.emplace_back();
      } else {
        entries.back() += (entries.back().empty() ? "" : " ") + line;
      }
    }
    // Two entries, then nothing after the last '%', each with all its
    // characters (a word longer than the width is broken across lines).
    REQUIRE(entries.size() == 3);
    CHECK(without_spaces(entries[0]) == without_spaces(std::string(percent[0].text)));
    CHECK(without_spaces(entries[1]) == without_spaces(std::string(percent[1].text)));
    CHECK(entries[2].empty());
  }
}

TEST_CASE("json: characters a terminal would act on are \\u escapes, and read back the same") {
  // Content refuses these; JSON escapes them anyway, as it is what scripts read.
  const std::string text =
      "del\x7f c1\xc2\x85\xc2\x9b bidi\xe2\x80\xae\xe2\x81\xa6 lines\xe2\x80\xa8\xe2\x80\xa9 esc\x1b";
  const aa::Tip odd[] = {{"a", "c", "what", text}};
  const std::vector<const aa::Tip*> tips = {&odd[0]};
  const std::string json = aa::render_tips(tips, aa::Format::json, {});
  CHECK(json.find("del\\u007f c1\\u0085\\u009b bidi\\u202e\\u2066 lines\\u2028\\u2029 esc\\u001b") !=
        std::string::npos);
  std::string without_line_breaks = json;
  std::erase(without_line_breaks, '\n');
  CHECK(aa::find_terminal_control(without_line_breaks) == std::string_view::npos);
  CHECK(nlohmann::ordered_json::parse(json)[0]["text"] == text);
  // Ordinary non-ASCII text stays as it is.
  CHECK(aa::render_tips(both, aa::Format::json, {}).find("slowly \xe2\x80\x94 twice") != std::string::npos);

  const nlohmann::ordered_json value = {{"k", text}};
  const std::string line = aa::dump_json_line(value);
  CHECK(line.find('\n') == line.size() - 1);
  CHECK(aa::find_terminal_control(line.substr(0, line.size() - 1)) == std::string_view::npos);
  CHECK(nlohmann::ordered_json::parse(line)["k"] == text);
}

TEST_CASE("the --list table on a terminal: aligned, the text wrapped under itself, no word broken") {
  CHECK(aa::render_tip_table(both, 40) ==
        "breathe  calm       Breathe out slowly —\n"
        "                    twice as long as you\n"
        "                    breathe in, and\n"
        "                    notice your\n"
        "                    shoulders.\n"
        "journal  awareness  Write down what you\n"
        "                    felt.\n");
  const std::string colored = aa::render_tip_table(both, 40, true);
  CHECK(colored.starts_with("\x1b[35mbreathe\x1b[0m  calm       Breathe out slowly —\n"));
}

TEST_CASE("the --list table where the text would be too narrow beside the keys: the text goes below them") {
  CHECK(aa::render_tip_table(both, 36) ==
        "breathe  calm\n"
        "    Breathe out slowly — twice as\n"
        "    long as you breathe in, and\n"
        "    notice your shoulders.\n"
        "journal  awareness\n"
        "    Write down what you felt.\n");
  const std::string colored = aa::render_tip_table(both, 36, true);
  CHECK(colored.starts_with("\x1b[35mbreathe\x1b[0m  calm\n    Breathe out"));
}
