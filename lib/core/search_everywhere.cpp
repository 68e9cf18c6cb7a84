// SPDX-License-Identifier: MIT
#include "aa/core/search_everywhere.hpp"

#include "aa/core/render_journal.hpp"

namespace aa {
namespace {

template <class Record, class IdOf>
std::vector<PlacedHit> placed(std::string_view from, std::span<const Record> records, std::vector<SearchHit> hits,
                              IdOf id_of) {
  std::vector<PlacedHit> out;
  out.reserve(hits.size());
  for (SearchHit& hit : hits) {
    out.push_back({from, id_of(records[hit.item]), hit.text, std::move(hit.matches)});
  }
  return out;
}

std::vector<PlacedHit> guide_hits(const Searchable& searchable, std::string_view needle) {
  const auto sections = searchable.content.sections;
  return placed("guide", sections, search_sections(sections, needle),
                [](const Section& section) { return std::string(section.slug); });
}

std::vector<PlacedHit> faq_hits(const Searchable& searchable, std::string_view needle) {
  const auto questions = searchable.content.questions;
  return placed("faq", questions, search_questions(questions, needle),
                [](const Question& question) { return std::string(question.id); });
}

std::vector<PlacedHit> tip_hits(const Searchable& searchable, std::string_view needle) {
  const auto tips = searchable.content.tips;
  return placed("tip", tips, search_tips(tips, needle), [](const Tip& tip) { return std::string(tip.id); });
}

std::vector<PlacedHit> exercise_hits(const Searchable& searchable, std::string_view needle) {
  const auto exercises = searchable.content.exercises;
  return placed("exercise", exercises, search_exercises(exercises, needle),
                [](const Exercise& exercise) { return std::string(exercise.id); });
}

std::vector<PlacedHit> journal_hits(const Searchable& searchable, std::string_view needle) {
  return placed("journal", searchable.entries, search_entries(searchable.entries, needle),
                [](const JournalEntry& entry) { return std::to_string(entry.id); });
}

constexpr SearchKind kinds[] = {
    {"guide", "the guide", false, guide_hits},
    {"faq", "the FAQ", false, faq_hits},
    {"tip", "the tips", false, tip_hits},
    {"exercise", "the exercises", false, exercise_hits},
    {"journal", "your journal", true, journal_hits},
};

}  // namespace

std::span<const SearchKind> search_kinds() { return kinds; }

std::vector<PlacedHit> search_everywhere(const Searchable& searchable, std::string_view needle, bool personal) {
  std::vector<PlacedHit> hits;
  for (const SearchKind& kind : kinds) {
    if (kind.personal && !personal) continue;
    std::vector<PlacedHit> found = kind.search(searchable, needle);
    hits.insert(hits.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  return hits;
}

}  // namespace aa
