// SPDX-License-Identifier: MIT
#include "aa/core/json.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "aa/content/text.hpp"
#include "aa/core/tips.hpp"

namespace aa {
namespace {

// `value` as JSON text with every character a terminal would act on
// escaped. nlohmann escapes the C0 controls but writes DEL, the C1
// controls, the bidirectional controls and U+2028/U+2029 as they are. They
// can only be in a string, where \uXXXX means the same character, so the
// document is as valid, and means the same, after escaping.
std::string serialise(const nlohmann::ordered_json& value, int indent) {
  // Content is valid UTF-8 by the time it is loaded; replace rather than
  // throw should anything else slip in.
  const std::string json = value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(json.size() + 1);
  for (std::size_t at = 0; at < json.size();) {
    const Decoded d = decode_utf8(json, at);
    // The C0 controls outside strings are the indentation's line breaks.
    if (d.codepoint >= 0x7f && is_terminal_control(d.codepoint)) {
      out += fmt::format("\\u{:04x}", d.codepoint);
    } else {
      out.append(json, at, d.length);
    }
    at += d.length;
  }
  out += '\n';
  return out;
}

}  // namespace

std::string dump_json(const nlohmann::ordered_json& value) { return serialise(value, 2); }

std::string dump_json_line(const nlohmann::ordered_json& value) { return serialise(value, -1); }

std::string dump_json_array(std::size_t count, const std::function<nlohmann::ordered_json(std::size_t)>& value_at) {
  if (count == 0) return "[]\n";
  std::string out = "[\n";
  for (std::size_t i = 0; i < count; ++i) {
    std::string value = serialise(value_at(i), 2);
    value.pop_back();  // its newline
    out += "  ";
    for (char c : value) {
      out += c;
      if (c == '\n') out += "  ";
    }
    out += i + 1 < count ? ",\n" : "\n";
  }
  return out + "]\n";
}

std::string tips_json(std::span<const Tip* const> tips) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const Tip* tip : tips) {
    array.push_back({{"id", tip->id},
                     {"category", tip->category},
                     {"section", tip->section},
                     {"text", tip->text},
                     {"source", tip_source(*tip)}});
  }
  return dump_json(array);
}

std::string strings_json(std::span<const std::string_view> strings) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (std::string_view text : strings) array.push_back(text);
  return dump_json(array);
}

namespace {

nlohmann::ordered_json section_heading(std::span<const Section> sections, std::size_t index) {
  return {{"number", index + 1}, {"slug", sections[index].slug}, {"title", sections[index].title}};
}

nlohmann::ordered_json question_heading(std::span<const Question> questions, std::size_t index) {
  return {{"number", index + 1}, {"id", questions[index].id}, {"question", questions[index].question}};
}

nlohmann::ordered_json text_array(TextList texts) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (std::string_view text : texts) array.push_back(text);
  return array;
}

}  // namespace

std::string sections_json(std::span<const Section> sections, std::span<const std::size_t> chosen) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (std::size_t index : chosen) {
    nlohmann::ordered_json object = section_heading(sections, index);
    object["paragraphs"] = text_array(sections[index].paragraphs);
    array.push_back(std::move(object));
  }
  return dump_json(array);
}

std::string section_list_json(std::span<const Section> sections) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (std::size_t index = 0; index < sections.size(); ++index) array.push_back(section_heading(sections, index));
  return dump_json(array);
}

std::string questions_json(std::span<const Question> questions, std::span<const std::size_t> chosen) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (std::size_t index : chosen) {
    nlohmann::ordered_json object = question_heading(questions, index);
    object["answer"] = questions[index].answer;
    object["see"] = text_array(questions[index].see);
    array.push_back(std::move(object));
  }
  return dump_json(array);
}

std::string question_list_json(std::span<const Question> questions) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (std::size_t index = 0; index < questions.size(); ++index) array.push_back(question_heading(questions, index));
  return dump_json(array);
}

std::string section_hits_json(std::span<const Section> sections, std::span<const SearchHit> hits) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const SearchHit& hit : hits) {
    array.push_back(
        {{"number", hit.item + 1}, {"slug", sections[hit.item].slug}, {"paragraph", hit.part + 1}, {"text", hit.text}});
  }
  return dump_json(array);
}

std::string question_hits_json(std::span<const Question> questions, std::span<const SearchHit> hits) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const SearchHit& hit : hits) {
    array.push_back({{"number", hit.item + 1},
                     {"id", questions[hit.item].id},
                     {"part", hit.part == 0 ? "question" : "answer"},
                     {"text", hit.text}});
  }
  return dump_json(array);
}

std::string placed_hits_json(std::span<const PlacedHit> hits) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const PlacedHit& hit : hits) array.push_back({{"from", hit.from}, {"id", hit.id}, {"text", hit.text}});
  return dump_json(array);
}

}  // namespace aa
