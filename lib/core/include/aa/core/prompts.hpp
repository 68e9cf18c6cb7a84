// SPDX-License-Identifier: MIT
// Choosing the journal's reflection prompts: by id, for the day, at random.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "aa/content/model.hpp"

namespace aa {

// The prompt `id` names, as find_name() says (exactly, ignoring case, or by
// a unique start); NameNotFound if none or several.
const Prompt& find_prompt(std::span<const Prompt> prompts, std::string_view id);

// The prompt of day `day` (days since 1970-01-01), by the rotation of the
// tip of the day (daily_index()). `prompts` must not be empty.
const Prompt& daily_prompt(std::span<const Prompt> prompts, std::int64_t day);

// A prompt chosen at random from `seed`. `prompts` must not be empty.
const Prompt& random_prompt(std::span<const Prompt> prompts, std::uint64_t seed);

}  // namespace aa
