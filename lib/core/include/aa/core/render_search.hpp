// SPDX-License-Identifier: MIT
// Search results as text. For a script, a hit a line and never wrapped, so
// that they can be grepped and cut as grep's can; for a person at a
// terminal, the names in aligned columns and the text wrapped under itself.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "aa/content/model.hpp"
#include "aa/core/search.hpp"
#include "aa/core/search_everywhere.hpp"

namespace aa {

struct HitStyle {
  bool color = false;     // grep's colours
  std::size_t table = 0;  // 0: grep's lines; else aligned columns wrapped to this width, for a terminal
};

// `slug:paragraph:text`, paragraphs counted from 1; on a terminal (a
// table), the slug and the text only.
std::string render_section_hits(std::span<const Section> sections, std::span<const SearchHit> hits,
                                const HitStyle& style);

// `id:text`, for a question or an answer.
std::string render_question_hits(std::span<const Question> questions, std::span<const SearchHit> hits,
                                 const HitStyle& style);

// `id:text`.
std::string render_tip_hits(std::span<const Tip> tips, std::span<const SearchHit> hits, const HitStyle& style);

// `from<TAB>id<TAB>text` (aa-search), so that `cut -f` takes each field;
// on a terminal (a table), the same three in aligned columns.
std::string render_placed_hits(std::span<const PlacedHit> hits, const HitStyle& style);

}  // namespace aa
