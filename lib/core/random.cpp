// SPDX-License-Identifier: MIT
#include "aa/core/random.hpp"

#include <ctime>
#include <utility>

#include <unistd.h>

namespace aa {

std::uint64_t SplitMix64::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t SplitMix64::below(std::uint64_t bound) {
  // 2^64 mod bound: the values under it would make small results likelier.
  const std::uint64_t threshold = (0 - bound) % bound;
  while (true) {
    const std::uint64_t value = next();
    if (value >= threshold) return value % bound;
  }
}

void shuffle(std::span<std::size_t> items, SplitMix64& rng) {
  for (std::size_t i = items.size(); i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(rng.below(i));
    std::swap(items[i - 1], items[j]);
  }
}

std::uint64_t fresh_seed() {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  SplitMix64 mix(static_cast<std::uint64_t>(now.tv_sec) * 1000000000ULL + static_cast<std::uint64_t>(now.tv_nsec));
  return mix.next() ^ static_cast<std::uint64_t>(getpid());
}

}  // namespace aa
