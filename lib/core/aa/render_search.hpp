// Search results as lines of text, a hit a line and never wrapped, so that
// they can be grepped and cut as grep's can.
#pragma once

#include <span>
#include <string>

#include "aa/model.hpp"
#include "aa/search.hpp"

namespace aa {

// `slug:paragraph:text`, paragraphs counted from 1.
std::string render_section_hits(std::span<const Section> sections, std::span<const SearchHit> hits, bool color);

// `id:text`, for a question or an answer.
std::string render_question_hits(std::span<const Question> questions, std::span<const SearchHit> hits, bool color);

// `id:text`.
std::string render_tip_hits(std::span<const Tip> tips, std::span<const SearchHit> hits, bool color);

}  // namespace aa
