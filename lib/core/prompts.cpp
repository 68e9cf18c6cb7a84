// SPDX-License-Identifier: MIT
#include "aa/core/prompts.hpp"

#include <vector>

#include "aa/core/rotation.hpp"
#include "aa/core/suggest.hpp"
#include "aa/io/error.hpp"

namespace aa {
namespace {

// Content always has prompts (a prompts.toml with none is refused), but a
// Content built by hand may not.
void require_prompts(std::span<const Prompt> prompts) {
  if (prompts.empty()) throw Error(Problem::data, "there are no prompts");
}

}  // namespace

const Prompt& find_prompt(std::span<const Prompt> prompts, std::string_view id) {
  std::vector<Nameable> names;
  names.reserve(prompts.size());
  for (const Prompt& prompt : prompts) names.push_back({prompt.id});
  return prompts[find_name(names, id, Names::prompts)];
}

const Prompt& daily_prompt(std::span<const Prompt> prompts, std::int64_t day) {
  require_prompts(prompts);
  return prompts[daily_index(prompts.size(), day)];
}

const Prompt& random_prompt(std::span<const Prompt> prompts, std::uint64_t seed) {
  require_prompts(prompts);
  return prompts[random_indices(prompts.size(), 1, seed).front()];
}

}  // namespace aa
