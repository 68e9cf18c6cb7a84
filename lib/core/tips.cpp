#include "aa/tips.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_set>

#include "aa/error.hpp"
#include "aa/random.hpp"
#include "aa/suggest.hpp"

namespace aa {

std::string_view tip_source(const Tip& tip) { return tip.origin.file.empty() ? "built-in" : tip.origin.file; }
namespace {

// Keeps rounds apart from plain --seed values.
constexpr std::uint64_t daily_salt = 0x6161746970646179ULL;  // "aatipday"

std::vector<std::size_t> round_order(std::size_t count, std::int64_t round) {
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  SplitMix64 rng(static_cast<std::uint64_t>(round) ^ daily_salt);
  shuffle(order, rng);
  return order;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The order of the days of one round. With three tips or more, a round
// that would start with the tip the round before ended with swaps its
// first two places; that leaves its own last place as the shuffle put it,
// so the round before ends as its raw shuffle does. With two tips the only
// order that never repeats is to alternate, so every round is the same.
std::vector<std::size_t> daily_round(std::size_t count, std::int64_t round) {
  if (count == 2) return round_order(count, 0);
  std::vector<std::size_t> order = round_order(count, round);
  if (count > 2 && order.front() == round_order(count, round - 1).back()) std::swap(order[0], order[1]);
  return order;
}

}  // namespace

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

std::vector<std::size_t> daily_tip_indices(std::size_t count, std::int64_t first_day, std::size_t days) {
  std::vector<std::size_t> indices;
  if (count == 0) return indices;
  indices.reserve(days);
  const auto n = static_cast<std::int64_t>(count);
  std::int64_t round = floor_div(first_day, n);
  auto position = static_cast<std::size_t>(first_day - round * n);
  // Each round is shuffled once, however many of its days are asked for.
  while (indices.size() < days) {
    const std::vector<std::size_t> order = daily_round(count, round);
    for (; position < count && indices.size() < days; ++position) indices.push_back(order[position]);
    ++round;
    position = 0;
  }
  return indices;
}

std::size_t daily_tip_index(std::size_t count, std::int64_t day) {
  if (count == 0) return 0;
  return daily_tip_indices(count, day, 1).front();
}

std::vector<std::size_t> random_tip_indices(std::size_t count, std::size_t wanted, std::uint64_t seed) {
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  SplitMix64 rng(seed);
  shuffle(order, rng);
  order.resize(std::min(wanted, count));
  return order;
}

std::vector<const Tip*> select_tips(std::span<const Tip> tips, const TipQuery& query) {
  if (!query.id.empty()) return {&find_tip(tips, query.id)};
  const std::vector<const Tip*> pool = tips_in_category(tips, query.category);
  if (query.all) return pool;
  std::vector<const Tip*> chosen;
  if (query.day) {
    for (std::size_t index : daily_tip_indices(pool.size(), *query.day, query.count)) chosen.push_back(pool[index]);
    return chosen;
  }
  for (std::size_t index : random_tip_indices(pool.size(), query.count, query.seed)) chosen.push_back(pool[index]);
  return chosen;
}

}  // namespace aa
