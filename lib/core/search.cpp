// SPDX-License-Identifier: MIT
#include "aa/core/search.hpp"

#include <algorithm>

#include <utf8proc.h>

#include "aa/content/text.hpp"

namespace aa {
namespace {

// More forms than this would make a long needle slow to look for.
constexpr std::size_t most_forms = 64;

bool is_ascii_letter(char c) { return c >= 'a' && c <= 'z'; }

bool is_vowel(char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; }

// The other simple forms of a folded word of ASCII letters: singular and
// plural, by the commonest English suffix rules.
std::vector<std::string> other_forms(std::string_view word) {
  std::vector<std::string> forms;
  const std::string w(word);
  if (w.size() >= 5 && w.ends_with("ies")) {
    forms.push_back(w.substr(0, w.size() - 3) + "y");  // boundaries: boundary
  } else if (w.ends_with('y') && !is_vowel(w[w.size() - 2])) {
    forms.push_back(w.substr(0, w.size() - 1) + "ies");  // boundary: boundaries
  } else if (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")) {
    forms.push_back(w.substr(0, w.size() - 1));                                          // signs: sign; causes: cause
    if (w.size() >= 5 && w.ends_with("es")) forms.push_back(w.substr(0, w.size() - 2));  // boxes: box
  } else {
    forms.push_back(w + "s");  // sign: signs
    if (w.ends_with('s') || w.ends_with('x') || w.ends_with('z') || w.ends_with("ch") || w.ends_with("sh")) {
      forms.push_back(w + "es");  // box: boxes; class: classes
    }
  }
  return forms;
}

// Whether the folded text at `at` goes on with a letter, digit or mark, so
// that what ends there does not end a word.
bool continues_word(std::string_view folded, std::size_t at) {
  if (at >= folded.size()) return false;
  const Decoded d = decode_utf8(folded, at);
  if (d.codepoint < 0) return false;
  switch (utf8proc_category(d.codepoint)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return true;
    default: return false;
  }
}

// Whether byte `at` of a folded text starts a cluster of the original.
bool on_boundary(const FoldedText& text, std::size_t at) {
  return at == 0 || at == text.folded.size() || text.origin[at] != text.origin[at - 1];
}

// Finds one form with Knuth-Morris-Pratt: linear in the text and the form
// whatever they hold, where std::string::find can take their product on
// repetitive text.
class FormFinder {
 public:
  explicit FormFinder(SearchForm form) : form_(std::move(form)), fallback_(form_.folded.size(), 0) {
    const std::string& needle = form_.folded;
    // fallback_[i]: the length of the longest proper prefix of needle[0..i]
    // that is also a suffix of it.
    for (std::size_t i = 1, matched = 0; i < needle.size(); ++i) {
      while (matched > 0 && needle[i] != needle[matched]) matched = fallback_[matched - 1];
      if (needle[i] == needle[matched]) ++matched;
      fallback_[i] = matched;
    }
  }

  // Appends to `out` where the form occurs in `text`, without overlaps.
  void find(const FoldedText& text, std::vector<ByteRange>& out) const {
    const std::string& needle = form_.folded;
    if (needle.empty()) return;
    std::size_t free_from = 0;
    std::size_t matched = 0;
    for (std::size_t i = 0; i < text.folded.size(); ++i) {
      while (matched > 0 && text.folded[i] != needle[matched]) matched = fallback_[matched - 1];
      if (text.folded[i] == needle[matched]) ++matched;
      if (matched < needle.size()) continue;
      const std::size_t end = i + 1;
      const std::size_t at = end - needle.size();
      matched = fallback_[matched - 1];
      // A needle of stray bytes can match inside a character; skip those.
      if (at < free_from || !on_boundary(text, at) || !on_boundary(text, end)) continue;
      if (form_.ends_word && continues_word(text.folded, end)) continue;
      out.push_back({text.origin[at], text.origin[end]});
      free_from = end;
    }
  }

 private:
  SearchForm form_;
  std::vector<std::size_t> fallback_;
};

// Looks for every form of one needle: its forms are worked out once for a
// whole search, and each text folded once.
class Searcher {
 public:
  explicit Searcher(std::string_view needle) {
    for (SearchForm& form : search_forms(needle)) finders_.emplace_back(std::move(form));
  }

  // Adds a hit for `text` to `hits` when it holds the needle.
  void look_in(std::string_view text, std::size_t item, std::size_t part, std::vector<SearchHit>& hits) const {
    std::vector<ByteRange> matches = find(text);
    if (!matches.empty()) hits.push_back({item, part, text, std::move(matches)});
  }

  std::vector<ByteRange> find(std::string_view text) const {
    if (finders_.empty()) return {};
    const FoldedText folded = fold_case_mapped(text, Quotes::plain);
    std::vector<ByteRange> found;
    for (const FormFinder& finder : finders_) finder.find(folded, found);
    // In order; at one place the longest first, and nothing that overlaps
    // what is taken.
    std::sort(found.begin(), found.end(), [](const ByteRange& a, const ByteRange& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<ByteRange> matches;
    for (const ByteRange& range : found) {
      if (matches.empty() || range.begin >= matches.back().end) matches.push_back(range);
    }
    return matches;
  }

 private:
  std::vector<FormFinder> finders_;
};

}  // namespace

std::vector<SearchForm> search_forms(std::string_view needle) {
  std::vector<SearchForm> forms;
  const std::string folded = fold_case(needle, Quotes::plain);
  if (folded.empty()) return forms;
  forms.push_back({folded, false});
  // Words from the last one back, each as [begin, end) of `folded`; every
  // form has the same bytes outside the word being varied, so the offsets
  // hold in each of them when words are varied from the end.
  for (std::size_t end = folded.size(); end > 0;) {
    if (!is_ascii_letter(folded[end - 1])) {
      --end;
      continue;
    }
    std::size_t begin = end;
    while (begin > 0 && is_ascii_letter(folded[begin - 1])) --begin;
    const std::string_view word = std::string_view(folded).substr(begin, end - begin);
    // Only a whole word of ASCII letters: not one that runs on into "é".
    const bool whole = (begin == 0 || static_cast<unsigned char>(folded[begin - 1]) < 0x80) &&
                       (end == folded.size() || static_cast<unsigned char>(folded[end]) < 0x80);
    if (whole && word.size() >= 3) {
      const std::vector<std::string> others = other_forms(word);
      if (forms.size() * (others.size() + 1) > most_forms) break;
      const std::size_t typed = forms.size();
      for (std::size_t i = 0; i < typed; ++i) {
        for (const std::string& other : others) {
          SearchForm form = forms[i];
          form.folded.replace(begin, end - begin, other);
          if (end == folded.size()) form.ends_word = true;
          forms.push_back(std::move(form));
        }
      }
    }
    end = begin;
  }
  return forms;
}

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

std::vector<SearchHit> search_exercises(std::span<const Exercise> exercises, std::string_view needle) {
  const Searcher searcher(needle);
  std::vector<SearchHit> hits;
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    const Exercise& exercise = exercises[i];
    std::size_t part = 0;
    const auto look = [&](std::string_view text) {
      if (!text.empty()) searcher.look_in(text, i, part, hits);
      ++part;
    };
    look(exercise.title);
    look(exercise.about);
    for (const ExerciseStep& step : exercise.steps) {
      look(step.prompt);
      look(step.help);
      for (std::string_view line : step.lines) look(line);
    }
    look(exercise.closing);
  }
  return hits;
}

}  // namespace aa
