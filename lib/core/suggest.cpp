// SPDX-License-Identifier: MIT
#include "aa/core/suggest.hpp"

#include <algorithm>
#include <vector>

#include <fmt/core.h>

#include "aa/content/text.hpp"
#include "aa/core/search.hpp"

namespace aa {
namespace {

// Levenshtein distance over bytes of the case-folded strings, or
// `limit + 1` as soon as it is sure to be more than `limit`. Only the cells
// within `limit` of the diagonal can hold a smaller distance, so the cost is
// |a| times 2 * limit + 1, whatever the length of `b`.
std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t over = limit + 1;
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return over;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = std::min(j, over);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t low = i > limit ? i - limit : 1;
    const std::size_t high = std::min(b.size(), i + limit);
    std::size_t diagonal = row[low - 1];
    // Left of the band is too far already; column 0 is the distance to "".
    row[low - 1] = low == 1 ? std::min(i, over) : over;
    std::size_t smallest = row[low - 1];
    for (std::size_t j = low; j <= high; ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1), over});
      diagonal = above;
      smallest = std::min(smallest, row[j]);
    }
    // Distances never shrink from one row to the next.
    if (smallest > limit) return over;
  }
  return row[b.size()];
}

// Whether a folded name starts with a form of what was typed other than
// the typed one itself.
bool another_form(std::span<const SearchForm> forms, std::string_view folded_name) {
  for (std::size_t i = 1; i < forms.size(); ++i) {
    if (folded_name.starts_with(forms[i].folded)) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string_view> closest_match(std::string_view wanted, std::span<const std::string_view> candidates) {
  // Far longer input cannot be a slip, and would make the table huge.
  if (wanted.empty() || wanted.size() > 200) return std::nullopt;
  const std::string folded = fold_case(wanted, Quotes::plain);
  const std::vector<SearchForm> forms = search_forms(wanted);
  // A third of the length (at least 2) keeps suggestions plausible.
  const std::size_t allowed = std::max<std::size_t>(2, folded.size() / 3);
  std::optional<std::string_view> best;
  std::size_t best_distance = allowed + 1;
  for (std::string_view candidate : candidates) {
    // Only a candidate strictly closer than the best so far is worth the
    // work, so the first of equally close ones wins.
    const std::string other = fold_case(candidate, Quotes::plain);
    std::size_t distance = 0;
    if (other.starts_with(folded) || folded.starts_with(other) || another_form(forms, other)) {
      distance = other == folded ? 0 : 1;
    } else {
      distance = edit_distance_within(folded, other, best_distance - 1);
    }
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
      if (distance == 0) break;
    }
  }
  return best;
}

std::string_view singular(Names kind) {
  switch (kind) {
    case Names::sections: return "section";
    case Names::questions: return "question";
    case Names::checklist: return "item";
    case Names::tips: return "tip";
    case Names::categories: return "category";
    case Names::prompts: return "prompt";
    case Names::entries: return "entry";
    case Names::results: return "saved result";
    case Names::exercises: return "exercise";
    case Names::none: break;
  }
  return "name";
}

void throw_unknown_name(Names kind, std::string_view wanted, std::span<const std::string_view> names) {
  std::string message = fmt::format("no {} '{}'", singular(kind), printable(wanted));
  if (auto match = closest_match(wanted, names)) message += fmt::format("; did you mean '{}'?", printable(*match));
  throw NameNotFound(kind, std::string(wanted), {names.begin(), names.end()}, false, message);
}

std::size_t find_name(std::span<const Nameable> items, std::string_view name, Names kind) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].key == name) return i;
  }
  std::vector<std::string_view> keys;
  for (const Nameable& item : items) keys.push_back(item.key);
  // An empty name would be the start of everything.
  if (name.empty()) throw_unknown_name(kind, name, keys);
  const std::string wanted = fold_case(name, Quotes::plain);
  std::vector<std::size_t> same;     // the key, ignoring case
  std::vector<std::size_t> fitting;  // the start of the key or text
  std::vector<bool> by_text_only;    // for each fitting item
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string key = fold_case(items[i].key, Quotes::plain);
    if (key == wanted) same.push_back(i);
    const bool key_fits = key.starts_with(wanted);
    const bool text_fits = !items[i].text.empty() && fold_case(items[i].text, Quotes::plain).starts_with(wanted);
    if (key_fits || text_fits) {
      fitting.push_back(i);
      by_text_only.push_back(!key_fits);
    }
  }
  if (same.size() == 1) return same.front();
  if (fitting.size() == 1) return fitting.front();
  if (fitting.empty()) throw_unknown_name(kind, name, keys);
  std::vector<std::string_view> candidates;
  std::string choices;
  for (std::size_t n = 0; n < fitting.size(); ++n) {
    const Nameable& item = items[fitting[n]];
    candidates.push_back(item.key);
    if (n > 0) choices += n + 1 == fitting.size() ? " or " : ", ";
    choices += fmt::format("'{}'", printable(item.key));
    // A key that does not start with the name looks unrelated without the
    // line it was found by.
    if (by_text_only[n]) choices += fmt::format(" (\"{}\")", printable(item.text));
  }
  throw NameNotFound(kind, std::string(name), {candidates.begin(), candidates.end()}, true,
                     fmt::format("{} '{}' is ambiguous; did you mean {}?", singular(kind), printable(name), choices));
}

void throw_ambiguous_name(Names kind, std::string_view wanted, std::span<const std::string_view> matches) {
  std::string choices;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (i > 0) choices += i + 1 == matches.size() ? " or " : ", ";
    choices += fmt::format("'{}'", printable(matches[i]));
  }
  throw NameNotFound(kind, std::string(wanted), {matches.begin(), matches.end()}, true,
                     fmt::format("{} '{}' is ambiguous; did you mean {}?", singular(kind), printable(wanted), choices));
}

}  // namespace aa
