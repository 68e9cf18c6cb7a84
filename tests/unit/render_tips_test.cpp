#include "aa/render_tips.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "aa/text.hpp"

namespace {
const aa::Tip sample[] = {
    {"breathe", "calm", "what", "Breathe out slowly — twice as long as you breathe in, and notice your shoulders."},
    {"journal", "awareness", "signs", "Write down what you felt."},
};
const std::vector<const aa::Tip*> both = {&sample[0], &sample[1]};
}  // namespace

TEST_CASE("text: one line a tip in a pipe") {
  CHECK(aa::render_tips(both, aa::TipFormat::text, {}) == std::string(sample[0].text) + "\n" +
                                                              std::string(sample[1].text) + "\n");
}

TEST_CASE("text on a terminal: wrapped, apart, with where to read more") {
  aa::TipStyle style{30, false, true};
  const std::string out = aa::render_tips(both, aa::TipFormat::text, style);
  CHECK(out.starts_with("Breathe out slowly — twice as\nlong as you breathe in, and\nnotice your shoulders.\n"
                        "  — calm, more in: aa-read\n    what\n\nWrite down"));
  style.color = true;
  CHECK(aa::render_tips(both, aa::TipFormat::text, style).find("\x1b[") != std::string::npos);
}

TEST_CASE("fortune files: entries separated by % lines") {
  CHECK(aa::render_tips(both, aa::TipFormat::fortune, {}) ==
        std::string(sample[0].text) + "\n%\n" + std::string(sample[1].text) + "\n%\n");
}

TEST_CASE("markdown: a bullet list") {
  CHECK(aa::render_tips(both, aa::TipFormat::markdown, {}).starts_with("- Breathe out"));
}

TEST_CASE("json: an array of tips with stable keys") {
  const auto json = nlohmann::ordered_json::parse(aa::render_tips(both, aa::TipFormat::json, {}));
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
