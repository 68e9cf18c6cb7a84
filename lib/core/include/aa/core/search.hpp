// SPDX-License-Identifier: MIT
// Plain-text search over the guide, the FAQ and the tips, as a person
// means it: ignoring case, typographic quotes, and the simple forms of an
// English word.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aa/content/model.hpp"

namespace aa {

// Bytes [begin, end) of a text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const ByteRange&) const = default;
};

// One text a search looks for, folded (fold_case with Quotes::plain).
struct SearchForm {
  std::string folded;
  // Whether the text found must end a word: set when the form's last word
  // is another form of the one typed, so that "signs" finds "sign." but not
  // "signal", while the word as typed still finds any word it starts.
  bool ends_word = false;
};

// The forms of `needle` a search looks for: the needle as typed, and with
// its words of ASCII letters (three or more) put in their other simple
// English forms, by suffix: "boundary" and "boundaries" (y, ies), "sign"
// and "signs" (s), "box" and "boxes" (es). Words are varied from the last
// one back while there are at most 64 forms. A rule that makes a word that
// does not exist ("caus" from "causes") is harmless: it is never found.
std::vector<SearchForm> search_forms(std::string_view needle);

// Where any form of `needle` occurs in `text`, ignoring case, with ' and "
// also standing for the typographic quotes ‘ ’ “ ”: non-overlapping ranges
// in order (where two forms start at the same place, the longer is taken),
// each starting and ending on a character boundary, so that highlighting
// never cuts a character in two. An empty needle is never found.
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

// Every text of an exercise that holds `needle`: its title, what it is
// about, each step's question, help and paced lines, and its closing, in
// that order (`part` counts them).
std::vector<SearchHit> search_exercises(std::span<const Exercise> exercises, std::string_view needle);

}  // namespace aa
