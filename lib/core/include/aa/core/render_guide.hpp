// SPDX-License-Identifier: MIT
// The guide (aa-read) and the FAQ (aa-faq) as text, Markdown or JSON, into
// a string.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "aa/content/model.hpp"
#include "aa/core/format.hpp"
#include "aa/core/references.hpp"

namespace aa {

struct GuideStyle {
  std::size_t width = 0;  // 0: a paragraph a line, unwrapped, for scripts
  bool color = false;     // ANSI styles
  bool terminal = false;  // for a person: aligned tables, and what to read next
  References references;  // where "Next:" and "Read more:" point
};

// How a paragraph is laid out: "- text" is a bullet item, "N. text" a
// numbered one (marker "N."), anything else a plain paragraph.
enum class BlockKind { paragraph, bullet, numbered };
struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string_view marker;  // "-" or "N."; empty for a paragraph
  std::string_view body;    // the text after the marker
};
Block block_of(std::string_view paragraph);

// The chosen sections (indices into `sections`, in the order to print).
std::string render_sections(std::span<const Section> sections, std::span<const std::size_t> chosen, Format format,
                            const GuideStyle& style);

// How to find a crisis line, where a person may need it: the table of
// contents and aa's help.
inline constexpr std::string_view crisis_words =
    "In a crisis, call your local emergency number; https://findahelpline.com lists crisis lines by country.";

// The table of contents: aligned columns on a terminal, then how to open a
// section and where to find help; otherwise `number<TAB>slug<TAB>title`
// lines.
std::string render_section_list(std::span<const Section> sections, Format format, const GuideStyle& style);

// The chosen questions with their answers, each ending with how to read
// the sections it refers to.
std::string render_questions(std::span<const Question> questions, std::span<const std::size_t> chosen, Format format,
                             const GuideStyle& style);

// The questions, numbered: aligned on a terminal, otherwise
// `number<TAB>id<TAB>question` lines.
std::string render_question_list(std::span<const Question> questions, Format format, const GuideStyle& style);

}  // namespace aa
