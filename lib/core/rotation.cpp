// SPDX-License-Identifier: MIT
#include "aa/rotation.hpp"

#include <algorithm>
#include <numeric>

#include "aa/random.hpp"

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

// The order of the days of one round. With three items or more, a round
// that would start with the item the round before ended with swaps its
// first two places; that leaves its own last place as the shuffle put it,
// so the round before ends as its raw shuffle does. With two items the
// only order that never repeats is to alternate, so every round is the same.
std::vector<std::size_t> daily_round(std::size_t count, std::int64_t round) {
  if (count == 2) return round_order(count, 0);
  std::vector<std::size_t> order = round_order(count, round);
  if (count > 2 && order.front() == round_order(count, round - 1).back()) std::swap(order[0], order[1]);
  return order;
}

}  // namespace

std::vector<std::size_t> daily_indices(std::size_t count, std::int64_t first_day, std::size_t days) {
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

std::size_t daily_index(std::size_t count, std::int64_t day) {
  if (count == 0) return 0;
  return daily_indices(count, day, 1).front();
}

std::vector<std::size_t> random_indices(std::size_t count, std::size_t wanted, std::uint64_t seed) {
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  SplitMix64 rng(seed);
  shuffle(order, rng);
  order.resize(std::min(wanted, count));
  return order;
}

}  // namespace aa
