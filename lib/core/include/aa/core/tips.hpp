// SPDX-License-Identifier: MIT
// Choosing tips: by id, by category, at random, and the tip of the day.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "aa/content/model.hpp"

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
