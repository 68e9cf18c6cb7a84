// SPDX-License-Identifier: MIT
// Case-insensitive search on any bytes: the folded text maps back onto the
// original (origin never goes back, stays in bounds, and lands on the start
// of a character), with and without plain quotes; every match is whole
// characters of the original that fold to one of the needle's forms (ending
// a word where the form must), matches never overlap, and on short inputs
// the search finds exactly what the plain step-by-step search finds.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <utf8proc.h>

#include "aa/content/text.hpp"
#include "aa/core/search.hpp"

namespace {

// Where each character of `text` starts, as decode_utf8 walks it, with
// text.size() at the end.
std::vector<bool> character_starts(std::string_view text) {
  std::vector<bool> starts(text.size() + 1, false);
  for (std::size_t at = 0; at < text.size(); at += aa::decode_utf8(text, at).length) starts[at] = true;
  starts[text.size()] = true;
  return starts;
}

void check_mapping(std::string_view text, const std::vector<bool>& starts, aa::Quotes quotes) {
  const aa::FoldedText folded = aa::fold_case_mapped(text, quotes);
  if (folded.folded != aa::fold_case(text, quotes)) __builtin_trap();
  if (folded.origin.size() != folded.folded.size() + 1 || folded.origin.back() != text.size()) __builtin_trap();
  for (std::size_t i = 0; i < folded.folded.size(); ++i) {
    if (folded.origin[i] >= text.size() || !starts[folded.origin[i]]) __builtin_trap();
    if (folded.origin[i + 1] < folded.origin[i]) __builtin_trap();
  }
  if (!text.empty() && (folded.folded.empty() || folded.origin[0] != 0)) __builtin_trap();
}

// Whether the folded text goes on with a letter, mark or number at `at`.
bool runs_on(std::string_view folded, std::size_t at) {
  if (at >= folded.size()) return false;
  const aa::Decoded d = aa::decode_utf8(folded, at);
  if (d.codepoint < 0) return false;
  const utf8proc_category_t category = utf8proc_category(d.codepoint);
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO;
}

// The search written as plainly as possible (quadratic at worst): each
// form on its own, then in order, the longer first at one place, and
// nothing that overlaps what is taken.
std::vector<aa::ByteRange> plain_search(std::string_view text, std::string_view needle) {
  std::vector<aa::ByteRange> found;
  const aa::FoldedText folded = aa::fold_case_mapped(text, aa::Quotes::plain);
  const auto boundary = [&](std::size_t at) {
    return at == 0 || at == folded.folded.size() || folded.origin[at] != folded.origin[at - 1];
  };
  for (const aa::SearchForm& form : aa::search_forms(needle)) {
    for (std::size_t at = folded.folded.find(form.folded); at != std::string::npos;
         at = folded.folded.find(form.folded, at)) {
      const std::size_t end = at + form.folded.size();
      if (!boundary(at) || !boundary(end) || (form.ends_word && runs_on(folded.folded, end))) {
        ++at;
        continue;
      }
      found.push_back({folded.origin[at], folded.origin[end]});
      at = end;
    }
  }
  std::sort(found.begin(), found.end(), [](const aa::ByteRange& a, const aa::ByteRange& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<aa::ByteRange> out;
  for (const aa::ByteRange& range : found) {
    if (out.empty() || range.begin >= out.back().end) out.push_back(range);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte says how long the needle is; the rest is the text.
  const std::size_t needle_size = std::min<std::size_t>(data[0] % 32, size - 1);
  const std::string_view needle(reinterpret_cast<const char*>(data + 1), needle_size);
  const std::string_view text(reinterpret_cast<const char*>(data + 1 + needle_size), size - 1 - needle_size);
  const std::vector<bool> starts = character_starts(text);
  for (aa::Quotes quotes : {aa::Quotes::keep, aa::Quotes::plain}) {
    check_mapping(text, starts, quotes);
    check_mapping(needle, character_starts(needle), quotes);
  }

  const std::vector<aa::ByteRange> matches = aa::find_ignoring_case(text, needle);
  const std::vector<aa::SearchForm> forms = aa::search_forms(needle);
  std::size_t free_from = 0;
  for (const aa::ByteRange& match : matches) {
    if (match.begin < free_from || match.begin >= match.end || match.end > text.size()) __builtin_trap();
    if (!starts[match.begin] || !starts[match.end]) __builtin_trap();
    const std::string matched = aa::fold_case(text.substr(match.begin, match.end - match.begin), aa::Quotes::plain);
    if (std::none_of(forms.begin(), forms.end(), [&](const aa::SearchForm& form) { return form.folded == matched; })) {
      __builtin_trap();
    }
    free_from = match.end;
  }
  if (text.size() <= 2048 && matches != plain_search(text, needle)) __builtin_trap();
  return 0;
}
