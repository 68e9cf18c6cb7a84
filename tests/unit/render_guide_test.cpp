// SPDX-License-Identifier: MIT
#include "aa/core/render_guide.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "aa/content/text.hpp"

using aa::Format;
using aa::GuideStyle;

namespace {

const std::string_view intro_paragraphs[] = {
    "You’re not too much — you are learning what feels safe, one “small” step at a time.",
    "- A bullet item that is long enough to need wrapping on a narrow line.",
    "- 日本語のテキストも 折り返します。 Wide characters take two columns.",
    "Back to a plain paragraph with e\xcc\x81 combining marks.",
};
const std::string_view steps_paragraphs[] = {
    "1. First step, written out at some length so that it wraps.",
    "12. A twelfth step, whose marker is wider.",
    "*Stars*, _lines_, [brackets], <tags>, `ticks` & a back\\slash stay text.",
    "# not a heading, - not a list, 1986. not a number, > not a quote",
};
const std::string_view end_paragraphs[] = {"The end."};

const aa::Section sections[] = {
    {"intro", "Ångström’s introduction", intro_paragraphs},
    {"steps", "Steps to take", steps_paragraphs},
    {"end", "The end", end_paragraphs},
};

const std::string_view see_two[] = {"steps", "end"};
const aa::Question questions[] = {
    {"why", "Why ask for help?", "Because it helps, and you deserve it.", see_two},
    {"no-links", "A question with no links?", "An answer that refers to nothing.", {}},
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string without_escapes(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b') {
      i = text.find('m', i);
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string non_space(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n') out += c;
  }
  return out;
}

const std::size_t everything[] = {0, 1, 2};

}  // namespace

const aa::References references{"aa-read", "aa-faq"};

TEST_CASE("paragraphs are told apart from bullet and numbered items") {
  CHECK(aa::block_of("- item").kind == aa::BlockKind::bullet);
  CHECK(aa::block_of("- item").body == "item");
  const aa::Block numbered = aa::block_of("12. item");
  CHECK(numbered.kind == aa::BlockKind::numbered);
  CHECK(numbered.marker == "12.");
  CHECK(numbered.body == "item");
  for (std::string_view plain : {"-item", "1.item", "1.", "x. item", "-", "", ". item", "1 . item"}) {
    CAPTURE(plain);
    CHECK(aa::block_of(plain).kind == aa::BlockKind::paragraph);
  }
}

TEST_CASE("unwrapped text is a paragraph a line, exactly as written") {
  const std::size_t chosen[] = {2, 0};
  const std::string text = aa::render_sections(sections, chosen, Format::text, {});
  CHECK(text ==
        "3. The end\n"
        "The end.\n"
        "\n"
        "1. Ångström’s introduction\n"
        "You’re not too much — you are learning what feels safe, one “small” step at a time.\n"
        "- A bullet item that is long enough to need wrapping on a narrow line.\n"
        "- 日本語のテキストも 折り返します。 Wide characters take two columns.\n"
        "Back to a plain paragraph with e\xcc\x81 combining marks.\n");
}

TEST_CASE("wrapped text fits the width, in display columns, and keeps every word") {
  const std::string wide_open = aa::render_sections(sections, everything, Format::text, {100000});
  for (bool terminal : {false, true}) {
    // From 2: a wide character cannot fit in one column.
    for (std::size_t width = 2; width <= 90; ++width) {
      CAPTURE(width);
      CAPTURE(terminal);
      const std::string text = aa::render_sections(sections, everything, Format::text, {width, false, terminal});
      for (const std::string& line : split_lines(text)) CHECK(aa::display_width(line) <= width);
      if (!terminal) CHECK(non_space(text) == non_space(wide_open));
    }
  }
}

TEST_CASE("wrapped text has blank lines between paragraphs, lists kept together and hanging") {
  const std::size_t chosen[] = {0};
  const std::string text = aa::render_sections(sections, chosen, Format::text, {40});
  CHECK(text ==
        "1. Ångström’s introduction\n"
        "\n"
        "You’re not too much — you are learning\n"
        "what feels safe, one “small” step at a\n"
        "time.\n"
        "\n"
        "  • A bullet item that is long enough to\n"
        "    need wrapping on a narrow line.\n"
        "  • 日本語のテキストも 折り返します。\n"
        "    Wide characters take two columns.\n"
        "\n"
        "Back to a plain paragraph with e\xcc\x81\n"
        "combining marks.\n");
  const std::size_t steps[] = {1};
  const std::string numbered = aa::render_sections(sections, steps, Format::text, {30});
  CHECK(numbered.find("  1. First step, written out\n     at some length so that it\n     wraps.\n"
                      "  12. A twelfth step, whose\n      marker is wider.\n") != std::string::npos);
}

TEST_CASE("on a terminal each section says what to read next, unless it follows") {
  const std::size_t first[] = {0};
  CHECK(aa::render_sections(sections, first, Format::text, {80, false, true, references})
            .ends_with("\nNext: aa-read 2 (Steps to take)\n"));
  const std::size_t last[] = {2};
  CHECK(aa::render_sections(sections, last, Format::text, {80, false, true, references}).find("end of the guide") !=
        std::string::npos);
  const std::size_t in_order[] = {0, 1};
  const std::string two = aa::render_sections(sections, in_order, Format::text, {80, false, true, references});
  CHECK(two.find("aa-read 2") == std::string::npos);
  CHECK(two.find("Next: aa-read 3 (The end)") != std::string::npos);
  // Not for a script.
  CHECK(aa::render_sections(sections, first, Format::text, {80, false, false}).find("Next") == std::string::npos);
}

TEST_CASE("colour styles the titles and nothing else changes") {
  const std::string plain = aa::render_sections(sections, everything, Format::text, {50, false, true});
  const std::string colored = aa::render_sections(sections, everything, Format::text, {50, true, true});
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(colored.find("\x1b[1m\x1b[36m1. Ångström’s introduction\x1b[0m\n") != std::string::npos);
  CHECK(without_escapes(colored) == plain);
}

TEST_CASE("markdown has headings, lists and escaped text") {
  const std::string markdown = aa::render_sections(sections, everything, Format::markdown, {});
  const std::vector<std::string> lines = split_lines(markdown);
  std::vector<std::string> headings;
  for (const std::string& line : lines) {
    if (line.starts_with("#")) headings.push_back(line);
  }
  CHECK(headings == std::vector<std::string>{"# 1. Ångström’s introduction {#intro}", "# 2. Steps to take {#steps}",
                                             "# 3. The end {#end}"});
  // A title block first, which pandoc -s takes as the document's title.
  CHECK(markdown.starts_with("---\ntitle: \"Anxious attachment: a guide\"\n---\n\n# 1. "));
  CHECK(markdown.find("\n\n- A bullet item that is long enough to need wrapping on a narrow line.\n- 日本語") !=
        std::string::npos);
  CHECK(markdown.find("\n\n1. First step, written out at some length so that it wraps.\n12. A twelfth") !=
        std::string::npos);
  // Entities, not backslashes, for what HTML would read: not every
  // Markdown reads "\<" as a plain '<'.
  CHECK(markdown.find("\\*Stars\\*, \\_lines\\_, \\[brackets\\], &lt;tags&gt;, \\`ticks\\` &amp; a back\\\\slash") !=
        std::string::npos);
  CHECK(markdown.find("\\# not a heading, \\- not a list, 1986\\. not a number, &gt; not a quote") !=
        std::string::npos);
  // Paragraphs are separated by blank lines, so none runs into the next.
  CHECK(markdown.find("time.\n\n- A bullet") != std::string::npos);
}

TEST_CASE("wrapped markdown keeps list items together by indenting their lines") {
  const std::size_t steps[] = {1};
  const std::string markdown = aa::render_sections(sections, steps, Format::markdown, {24});
  CHECK(markdown.find("1. First step, written\n   out at some length so\n   that it wraps.\n") != std::string::npos);
  // A line that wrapping happens to start with '-', '#' or '1986.' stays text.
  for (const std::string& line : split_lines(markdown)) {
    if (line.starts_with("#")) CHECK(line == "# 2. Steps to take {#steps}");
    CHECK_FALSE(line.starts_with("- "));
    CHECK_FALSE(line.starts_with("1986."));
  }
}

TEST_CASE("JSON holds the chosen sections in order") {
  const std::size_t chosen[] = {1, 0};
  const auto json = nlohmann::json::parse(aa::render_sections(sections, chosen, Format::json, {40, true, true}));
  REQUIRE(json.is_array());
  REQUIRE(json.size() == 2);
  CHECK(json[0]["number"] == 2);
  CHECK(json[0]["slug"] == "steps");
  CHECK(json[0]["title"] == "Steps to take");
  CHECK(json[0]["paragraphs"].size() == 4);
  CHECK(json[1]["paragraphs"][0] == std::string(intro_paragraphs[0]));
  CHECK(json[1].size() == 4);
}

TEST_CASE("the table of contents: aligned on a terminal, tab-separated for scripts") {
  CHECK(aa::render_section_list(sections, Format::text, {}) ==
        "1\tintro\tÅngström’s introduction\n2\tsteps\tSteps to take\n3\tend\tThe end\n");
  // On a terminal, after the rows: how to open one, and where help is (no
  // safety section here, so none is named).
  CHECK(aa::render_section_list(sections, Format::text, {80, false, true, references}) ==
        "1  intro  Ångström’s introduction\n"
        "2  steps  Steps to take\n"
        "3  end    The end\n"
        "\n"
        "Open one: aa-read 1, or aa-read intro. In a crisis, call your local emergency\n"
        "number; https://findahelpline.com lists crisis lines by country.\n");
  // Narrow: the title wraps under itself.
  CHECK(aa::render_section_list(sections, Format::text, {24, false, true})
            .starts_with("1  intro  Ångström’s\n          introduction\n"));
  const std::string colored = aa::render_section_list(sections, Format::text, {80, true, true, references});
  CHECK(colored.find('\x1b') != std::string::npos);
  CHECK(without_escapes(colored) == aa::render_section_list(sections, Format::text, {80, false, true, references}));
  CHECK(aa::render_section_list(sections, Format::markdown, {}) ==
        "---\ntitle: \"Anxious attachment: a guide\"\n---\n\n"
        "1. Ångström’s introduction (`intro`)\n2. Steps to take (`steps`)\n3. The end (`end`)\n");
  const auto json = nlohmann::json::parse(aa::render_section_list(sections, Format::json, {}));
  CHECK(json == nlohmann::json::parse(R"([{"number":1,"slug":"intro","title":"Ångström’s introduction"},
                                          {"number":2,"slug":"steps","title":"Steps to take"},
                                          {"number":3,"slug":"end","title":"The end"}])"));
}

TEST_CASE("an answer ends with how to read the sections it refers to") {
  const std::size_t both[] = {0, 1};
  CHECK(aa::render_questions(questions, both, Format::text, {.references = references}) ==
        "1. Why ask for help?\n"
        "Because it helps, and you deserve it.\n"
        "Read more: aa-read steps end\n"
        "\n"
        "2. A question with no links?\n"
        "An answer that refers to nothing.\n");
  CHECK(aa::render_questions(questions, both, Format::text, {.width = 20, .references = references}) ==
        "1. Why ask for help?\n"
        "\n"
        "Because it helps,\n"
        "and you deserve it.\n"
        "\n"
        "Read more: aa-read\n"
        "steps end\n"
        "\n"
        "2. A question with\n"
        "   no links?\n"
        "\n"
        "An answer that\n"
        "refers to nothing.\n");
  const std::string markdown = aa::render_questions(questions, both, Format::markdown, {.references = references});
  CHECK(markdown ==
        "---\ntitle: \"Anxious attachment: common questions\"\n---\n\n"
        "# 1. Why ask for help? {#why}\n\nBecause it helps, and you deserve it.\n\nRead more: `aa-read steps end`\n\n"
        "# 2. A question with no links? {#no-links}\n\nAn answer that refers to nothing.\n");
  const auto json = nlohmann::json::parse(aa::render_questions(questions, both, Format::json, {}));
  CHECK(json[0] == nlohmann::json::parse(R"({"number":1,"id":"why","question":"Why ask for help?",
      "answer":"Because it helps, and you deserve it.","see":["steps","end"]})"));
  CHECK(json[1]["see"].empty());
}

TEST_CASE("the list of questions, like the table of contents") {
  CHECK(aa::render_question_list(questions, Format::text, {}) ==
        "1\twhy\tWhy ask for help?\n2\tno-links\tA question with no links?\n");
  CHECK(aa::render_question_list(questions, Format::text, {80, false, true, references}) ==
        "1  why       Why ask for help?\n2  no-links  A question with no links?\n");
  CHECK(nlohmann::json::parse(aa::render_question_list(questions, Format::json, {}))[1]["id"] == "no-links");
}

TEST_CASE("nothing chosen renders nothing, and JSON an empty array") {
  CHECK(aa::render_sections(sections, {}, Format::text, {}).empty());
  CHECK(nlohmann::json::parse(aa::render_sections(sections, {}, Format::json, {})).empty());
  CHECK(aa::render_section_list({}, Format::text, {80, false, true, references}).empty());
}

TEST_CASE("markdown: HTML and links in any text of the guide or the FAQ are shown, never acted on") {
  const std::string_view paragraphs[] = {
      "<img src=x onerror=alert(1)> and [x](javascript:alert(1))",
      "- <b>item</b> [y](javascript:y)",
      "1. <i>step</i> [z]: javascript:z",
  };
  const aa::Section hostile_sections[] = {{"evil", "<script>x</script> [t](javascript:t)", paragraphs}};
  const std::string_view see[] = {"evil"};
  const aa::Question hostile_questions[] = {
      {"evil", "<script>q</script> [q](javascript:q)?", "<a href=javascript:a>a</a> [a](javascript:a)", see}};
  const std::size_t first[] = {0};
  const std::string outputs[] = {
      aa::render_sections(hostile_sections, first, Format::markdown, {}),
      aa::render_sections(hostile_sections, first, Format::markdown, {16}),
      aa::render_section_list(hostile_sections, Format::markdown, {}),
      aa::render_questions(hostile_questions, first, Format::markdown, {}),
      aa::render_questions(hostile_questions, first, Format::markdown, {16}),
      aa::render_question_list(hostile_questions, Format::markdown, {}),
  };
  for (const std::string& markdown : outputs) {
    CAPTURE(markdown);
    CHECK(markdown.find('<') == std::string::npos);
    for (std::size_t at = markdown.find("]("); at != std::string::npos; at = markdown.find("](", at + 1)) {
      CHECK(markdown[at - 1] == '\\');
    }
    CHECK(markdown.find("&lt;") != std::string::npos);
  }
  CHECK(outputs[0].find("\n# 1. &lt;script&gt;x&lt;/script&gt; \\[t\\](javascript:t) {#") != std::string::npos);
  CHECK(outputs[0].find("\n- &lt;b&gt;item&lt;/b&gt; \\[y\\](javascript:y)\n") != std::string::npos);
  CHECK(outputs[0].find("\n1. &lt;i&gt;step&lt;/i&gt; \\[z\\]: javascript:z\n") != std::string::npos);
}
