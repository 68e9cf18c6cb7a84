#include "aa/search.hpp"

#include "aa/text.hpp"

namespace aa {
namespace {

// Whether byte `at` of a folded text starts a character of the original.
bool on_boundary(const FoldedText& text, std::size_t at) {
  return at == 0 || at == text.folded.size() || text.origin[at] != text.origin[at - 1];
}

// Folds the needle once for a whole search, and finds it with
// Knuth-Morris-Pratt: linear in the text and the needle whatever they hold,
// where std::string::find can take their product on repetitive text.
class Searcher {
 public:
  explicit Searcher(std::string_view needle) : needle_(fold_case(needle)), fallback_(needle_.size(), 0) {
    // fallback_[i]: the length of the longest proper prefix of needle_[0..i]
    // that is also a suffix of it.
    for (std::size_t i = 1, matched = 0; i < needle_.size(); ++i) {
      while (matched > 0 && needle_[i] != needle_[matched]) matched = fallback_[matched - 1];
      if (needle_[i] == needle_[matched]) ++matched;
      fallback_[i] = matched;
    }
  }

  // Adds a hit for `text` to `hits` when it holds the needle.
  void look_in(std::string_view text, std::size_t item, std::size_t part, std::vector<SearchHit>& hits) const {
    std::vector<ByteRange> matches = find(text);
    if (!matches.empty()) hits.push_back({item, part, text, std::move(matches)});
  }

  std::vector<ByteRange> find(std::string_view text) const {
    std::vector<ByteRange> matches;
    if (needle_.empty()) return matches;
    const FoldedText folded = fold_case_mapped(text);
    std::size_t free_from = 0;  // matches do not overlap
    std::size_t matched = 0;
    for (std::size_t i = 0; i < folded.folded.size(); ++i) {
      while (matched > 0 && folded.folded[i] != needle_[matched]) matched = fallback_[matched - 1];
      if (folded.folded[i] == needle_[matched]) ++matched;
      if (matched < needle_.size()) continue;
      const std::size_t end = i + 1;
      const std::size_t at = end - needle_.size();
      matched = fallback_[matched - 1];
      // A needle of stray bytes can match inside a character; skip those.
      if (at < free_from || !on_boundary(folded, at) || !on_boundary(folded, end)) continue;
      matches.push_back({folded.origin[at], folded.origin[end]});
      free_from = end;
    }
    return matches;
  }

 private:
  std::string needle_;
  std::vector<std::size_t> fallback_;
};

}  // namespace

std::vector<ByteRange> find_ignoring_case(std::string_view text, std::string_view needle) {
  return Searcher(needle).find(text);
}

std::vector<SearchHit> search_sections(std::span<const Section> sections, std::string_view needle) {
  const Searcher searcher(needle);
  std::vector<SearchHit> hits;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    for (std::size_t p = 0; p < sections[i].paragraphs.size(); ++p) {
      searcher.look_in(sections[i].paragraphs[p], i, p, hits);
    }
  }
  return hits;
}

std::vector<SearchHit> search_questions(std::span<const Question> questions, std::string_view needle) {
  const Searcher searcher(needle);
  std::vector<SearchHit> hits;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    searcher.look_in(questions[i].question, i, 0, hits);
    searcher.look_in(questions[i].answer, i, 1, hits);
  }
  return hits;
}

std::vector<SearchHit> search_tips(std::span<const Tip> tips, std::string_view needle) {
  const Searcher searcher(needle);
  std::vector<SearchHit> hits;
  for (std::size_t i = 0; i < tips.size(); ++i) searcher.look_in(tips[i].text, i, 0, hits);
  return hits;
}

}  // namespace aa
