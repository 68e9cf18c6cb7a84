// SPDX-License-Identifier: MIT
// A small, documented PRNG whose output is the same on every machine and
// standard library (std::uniform_int_distribution's is not).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace aa {

// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014): a 64-bit counter stepped by the golden-ratio
// constant and passed through a mixing function.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();

  // Uniform in [0, bound), bound > 0, without modulo bias: draws that fall
  // in the short last stretch of the 64-bit range are rejected.
  std::uint64_t below(std::uint64_t bound);

 private:
  std::uint64_t state_;
};

// Fisher-Yates shuffle driven by `rng`.
void shuffle(std::span<std::size_t> items, SplitMix64& rng);

// A seed that differs from run to run (for a random tip without --seed).
std::uint64_t fresh_seed();

}  // namespace aa
