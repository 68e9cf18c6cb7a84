// Plain-text search, ignoring case, over the guide, the FAQ and the tips.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "aa/model.hpp"

namespace aa {

// Bytes [begin, end) of a text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const ByteRange&) const = default;
};

// Where `needle` occurs in `text`, ignoring case: non-overlapping ranges in
// order, each starting and ending on a character boundary, so that
// highlighting never cuts a character in two. An empty needle is never found.
std::vector<ByteRange> find_ignoring_case(std::string_view text, std::string_view needle);

// A paragraph, question, answer or tip that holds the search text.
struct SearchHit {
  std::size_t item = 0;  // index of the section, question or tip
  std::size_t part = 0;  // index of the paragraph; for a question 0 is the question, 1 the answer
  std::string_view text;
  std::vector<ByteRange> matches;
};

// Every paragraph of the guide that holds `needle`, in reading order; none
// is an empty result.
std::vector<SearchHit> search_sections(std::span<const Section> sections, std::string_view needle);

// Every question and answer that holds `needle`.
std::vector<SearchHit> search_questions(std::span<const Question> questions, std::string_view needle);

// Every tip that holds `needle`.
std::vector<SearchHit> search_tips(std::span<const Tip> tips, std::string_view needle);

}  // namespace aa
