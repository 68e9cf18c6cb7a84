// SPDX-License-Identifier: MIT
// Choosing one of a list by the day or at random: the rotation behind the
// tip of the day and the journal's prompt of the day, which follow the
// same rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace aa {

// Which of `count` items is the item of day `day` (days since 1970-01-01).
// Days are taken in rounds of `count`: each round shows every item once, in
// an order shuffled by SplitMix64 seeded from the round number, and a new
// round never starts with the item the last one ended with, so with two
// items or more no day repeats the day before (two items simply alternate).
std::size_t daily_index(std::size_t count, std::int64_t day);

// daily_index() for `days` days from `first_day` on, in time linear in
// `count` and `days`: each round is shuffled once.
std::vector<std::size_t> daily_indices(std::size_t count, std::int64_t first_day, std::size_t days);

// `wanted` distinct indices below `count` (fewer if there are fewer), in a
// random order fixed by `seed`.
std::vector<std::size_t> random_indices(std::size_t count, std::size_t wanted, std::uint64_t seed);

}  // namespace aa
