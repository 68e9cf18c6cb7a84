// SPDX-License-Identifier: MIT
#include "aa/core/tips.hpp"

#include <unordered_set>

#include "aa/core/rotation.hpp"
#include "aa/core/suggest.hpp"
#include "aa/io/error.hpp"

namespace aa {

std::string_view tip_source(const Tip& tip) { return tip.origin.file.empty() ? "built-in" : tip.origin.file; }

std::vector<std::string_view> tip_categories(std::span<const Tip> tips) {
  std::vector<std::string_view> categories;
  std::unordered_set<std::string_view> known;
  for (const Tip& tip : tips) {
    if (known.insert(tip.category).second) categories.push_back(tip.category);
  }
  return categories;
}

std::vector<const Tip*> tips_in_category(std::span<const Tip> tips, std::string_view category) {
  std::vector<const Tip*> chosen;
  if (category.empty()) {
    for (const Tip& tip : tips) chosen.push_back(&tip);
    if (chosen.empty()) throw_unknown_name(Names::categories, category, {});
    return chosen;
  }
  const std::vector<std::string_view> categories = tip_categories(tips);
  std::vector<Nameable> names;
  for (std::string_view name : categories) names.push_back({name});
  const std::string_view found = categories[find_name(names, category, Names::categories)];
  for (const Tip& tip : tips) {
    if (tip.category == found) chosen.push_back(&tip);
  }
  return chosen;
}

const Tip& find_tip(std::span<const Tip> tips, std::string_view id) {
  std::vector<Nameable> names;
  for (const Tip& tip : tips) names.push_back({tip.id});
  return tips[find_name(names, id, Names::tips)];
}

std::vector<const Tip*> select_tips(std::span<const Tip> tips, const TipQuery& query) {
  if (!query.id.empty()) return {&find_tip(tips, query.id)};
  const std::vector<const Tip*> pool = tips_in_category(tips, query.category);
  if (query.all) return pool;
  std::vector<const Tip*> chosen;
  if (query.day) {
    for (std::size_t index : daily_indices(pool.size(), *query.day, query.count)) chosen.push_back(pool[index]);
    return chosen;
  }
  for (std::size_t index : random_indices(pool.size(), query.count, query.seed)) chosen.push_back(pool[index]);
  return chosen;
}

}  // namespace aa
