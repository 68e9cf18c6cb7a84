// Choosing tips: by id, by category, at random, and the tip of the day.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "aa/model.hpp"

namespace aa {

// Where a tip comes from, as aa-tip --list --source and JSON say it:
// "built-in", or the file it was read from.
std::string_view tip_source(const Tip& tip);

// The categories in the order they first appear.
std::vector<std::string_view> tip_categories(std::span<const Tip> tips);

// The tips of `category` (all of them when it is empty), named as find_name()
// says: exactly, ignoring case, or by a start that fits one category. A
// name that fits none or several throws NameNotFound.
std::vector<const Tip*> tips_in_category(std::span<const Tip> tips, std::string_view category);

// The tip `id` names, as find_name() says; NameNotFound if none or several.
const Tip& find_tip(std::span<const Tip> tips, std::string_view id);

// Which of `count` tips is the tip of day `day` (days since 1970-01-01).
// Days are taken in rounds of `count`: each round shows every tip once, in
// an order shuffled by SplitMix64 seeded from the round number, and a new
// round never starts with the tip the last one ended with, so with two tips
// or more no day repeats the day before (two tips simply alternate).
std::size_t daily_tip_index(std::size_t count, std::int64_t day);

// daily_tip_index() for `days` days from `first_day` on, in time linear in
// `count` and `days`: each round is shuffled once.
std::vector<std::size_t> daily_tip_indices(std::size_t count, std::int64_t first_day, std::size_t days);

// `wanted` distinct indices below `count` (fewer if there are fewer), in a
// random order fixed by `seed`.
std::vector<std::size_t> random_tip_indices(std::size_t count, std::size_t wanted, std::uint64_t seed);

// What a user asked aa-tip for.
struct TipQuery {
  std::string_view category;        // empty: every category
  std::string_view id;              // one tip by id
  std::optional<std::int64_t> day;  // the tip of this day (and the following days, for count > 1)
  std::uint64_t seed = 0;           // for a random choice
  std::size_t count = 1;
  bool all = false;  // every tip, in order
};

// The tips `query` asks for, in the order to show them: one for each of
// query.count days, or query.count different tips at random (every tip of
// the choice when it holds fewer). Unknown ids and categories throw
// NameNotFound.
std::vector<const Tip*> select_tips(std::span<const Tip> tips, const TipQuery& query);

}  // namespace aa
