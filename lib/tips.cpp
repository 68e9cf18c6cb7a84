#include "aa/tips.hpp"

#include <algorithm>
#include <numeric>

#include "aa/error.hpp"
#include "aa/random.hpp"
#include "aa/suggest.hpp"

namespace aa {
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

}  // namespace

std::vector<std::string_view> tip_categories(std::span<const Tip> tips) {
  std::vector<std::string_view> categories;
  for (const Tip& tip : tips) {
    if (std::find(categories.begin(), categories.end(), tip.category) == categories.end()) {
      categories.push_back(tip.category);
    }
  }
  return categories;
}

std::vector<const Tip*> tips_in_category(std::span<const Tip> tips, std::string_view category) {
  std::vector<const Tip*> chosen;
  for (const Tip& tip : tips) {
    if (category.empty() || tip.category == category) chosen.push_back(&tip);
  }
  if (chosen.empty()) {
    throw Error(Exit::not_found,
                unknown_name_message("category", category, tip_categories(tips), "aa-tip --list-categories"));
  }
  return chosen;
}

const Tip& find_tip(std::span<const Tip> tips, std::string_view id) {
  for (const Tip& tip : tips) {
    if (tip.id == id) return tip;
  }
  std::vector<std::string_view> ids;
  for (const Tip& tip : tips) ids.push_back(tip.id);
  throw Error(Exit::not_found, unknown_name_message("tip", id, ids, "aa-tip --list"));
}

std::size_t daily_tip_index(std::size_t count, std::int64_t day) {
  if (count == 0) return 0;
  const auto n = static_cast<std::int64_t>(count);
  const std::int64_t round = floor_div(day, n);
  const auto position = static_cast<std::size_t>(day - round * n);
  std::vector<std::size_t> order = round_order(count, round);
  // The swap leaves the last place alone (count > 2), so the previous
  // round's last tip is the one its own raw order ends with.
  if (count > 2 && order.front() == round_order(count, round - 1).back()) std::swap(order[0], order[1]);
  return order[position];
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
    for (std::size_t i = 0; i < query.count; ++i) {
      chosen.push_back(pool[daily_tip_index(pool.size(), *query.day + static_cast<std::int64_t>(i))]);
    }
    return chosen;
  }
  for (std::size_t index : random_tip_indices(pool.size(), query.count, query.seed)) chosen.push_back(pool[index]);
  return chosen;
}

}  // namespace aa
