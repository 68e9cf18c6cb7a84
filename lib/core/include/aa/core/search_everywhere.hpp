// SPDX-License-Identifier: MIT
// aa-search's search: the guide, the FAQ, the tips and, when a person asks,
// their journal, all at once, each hit saying where it is from. Each kind
// of text is one entry in search_kinds(), over its own search (search.hpp,
// render_journal.hpp): there is one matcher, find_ignoring_case().
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aa/content/model.hpp"
#include "aa/core/journal.hpp"
#include "aa/core/search.hpp"

namespace aa {

// A hit, and where it is from.
struct PlacedHit {
  std::string_view from;  // the kind: "guide", "faq", "tip", "exercise", "journal"
  // What opens it with the kind's own command: a section's slug (aa-read),
  // a question's id (aa-faq), a tip's id (aa-tip --id), an exercise's id
  // (aa-practice), an entry's id (aa-journal --show).
  std::string id;
  // The paragraph, question, answer, tip or line, as it is: a journal's
  // may hold anything, for the output to escape.
  std::string_view text;
  std::vector<ByteRange> matches;  // in `text`
};

// What there is to search.
struct Searchable {
  const Content& content;
  std::span<const JournalEntry> entries;  // empty unless the journal was read
};

struct SearchKind {
  std::string_view from;
  std::string_view name;  // what it is, to say where a search looked: "the guide"
  bool personal;          // a person's own writing, searched only when they ask (aa-search --mine)
  std::vector<PlacedHit> (*search)(const Searchable& searchable, std::string_view needle);
};

// Every kind, in the order their hits are shown: the guide, the FAQ, the
// tips, the exercises, the journal.
std::span<const SearchKind> search_kinds();

// The hits of `needle` in every kind (the personal ones only when
// `personal`), kind after kind, each in its reading order; none is an
// empty result. The hits point into `searchable`.
std::vector<PlacedHit> search_everywhere(const Searchable& searchable, std::string_view needle, bool personal);

}  // namespace aa
