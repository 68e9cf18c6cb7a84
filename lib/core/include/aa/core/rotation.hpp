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
// The days follow one order of the items, shuffled once by SplitMix64 and
// repeated round after round, so an item comes back exactly every `count`
// days, across the end of a round too; with two items or more no day repeats
// the day before, and two items simply alternate.
std::size_t daily_index(std::size_t count, std::int64_t day);

// daily_index() for `days` days from `first_day` on, in time linear in
// `count` and `days`.
std::vector<std::size_t> daily_indices(std::size_t count, std::int64_t first_day, std::size_t days);

// `wanted` distinct indices below `count` (fewer if there are fewer), in a
// random order fixed by `seed`.
std::vector<std::size_t> random_indices(std::size_t count, std::size_t wanted, std::uint64_t seed);

}  // namespace aa
