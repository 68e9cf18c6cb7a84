// SPDX-License-Identifier: MIT
#include "aa/core/rotation.hpp"

#include <algorithm>
#include <numeric>

#include "aa/core/random.hpp"

namespace aa {
namespace {

// Keeps the order of the days apart from plain --seed values.
constexpr std::uint64_t daily_salt = 0x6161746970646179ULL;  // "aatipday"

// The one order the days follow, round after round. The same order every
// round, rather than a fresh shuffle each, is what keeps an item away for
// `count` days across the end of a round too: a fresh shuffle could show an
// item last in one round and first in the next. It also never repeats the
// day before (the last and first items of the order differ), and two items
// simply alternate.
std::vector<std::size_t> day_order(std::size_t count) {
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  SplitMix64 rng(daily_salt);
  shuffle(order, rng);
  return order;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return ((a % b) + b) % b; }

}  // namespace

std::vector<std::size_t> daily_indices(std::size_t count, std::int64_t first_day, std::size_t days) {
  std::vector<std::size_t> indices;
  if (count == 0) return indices;
  indices.reserve(days);
  // Shuffled once, however many days are asked for.
  const std::vector<std::size_t> order = day_order(count);
  auto position = static_cast<std::size_t>(floor_mod(first_day, static_cast<std::int64_t>(count)));
  while (indices.size() < days) {
    indices.push_back(order[position]);
    if (++position == count) position = 0;
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
