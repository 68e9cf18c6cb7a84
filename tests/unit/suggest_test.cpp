// SPDX-License-Identifier: MIT
#include "aa/core/suggest.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "aa/content/text.hpp"
#include "aa/core/search.hpp"

namespace {

// The plain Levenshtein table, with closest_match's rules on top: the
// reference the bounded version must agree with.
std::size_t full_edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> table(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) table[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) table[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      table[i][j] =
          std::min({table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
  }
  return table[a.size()][b.size()];
}

std::optional<std::string_view> reference_match(std::string_view wanted, const std::vector<std::string_view>& names) {
  const std::string folded = aa::fold_case(wanted);
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  for (std::string_view name : names) {
    const std::string other = aa::fold_case(name);
    std::size_t distance = full_edit_distance(folded, other);
    if (other.starts_with(folded) || folded.starts_with(other)) distance = std::min<std::size_t>(distance, 1);
    for (const aa::SearchForm& form : aa::search_forms(wanted)) {
      if (other.starts_with(form.folded)) distance = std::min<std::size_t>(distance, 1);
    }
    if (!best || distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  if (best && best_distance <= std::max<std::size_t>(2, folded.size() / 3)) return best;
  return std::nullopt;
}

}  // namespace

TEST_CASE("the closest name is suggested only when it is a likely slip") {
  const std::vector<std::string_view> names = {"strategies", "support", "signs", "summary"};
  CHECK(aa::closest_match("stratgies", names) == "strategies");
  CHECK(aa::closest_match("SUPORT", names) == "support");
  CHECK(aa::closest_match("sig", names) == "signs");
  CHECK_FALSE(aa::closest_match("zzzzzz", names).has_value());
  CHECK_FALSE(aa::closest_match("", names).has_value());
  CHECK_FALSE(aa::closest_match(std::string(100000, 'x'), names).has_value());
}

TEST_CASE("a suggestion knows the simple forms of a word") {
  const std::vector<std::string_view> names = {"self-awareness", "boundaries", "signs", "main-point"};
  CHECK(aa::closest_match("boundary", names) == "boundaries");
  CHECK(aa::closest_match("BOUNDARY", names) == "boundaries");
  CHECK(aa::closest_match("sign", names) == "signs");
  CHECK(aa::closest_match("main-points", names) == "main-point");
  CHECK_FALSE(aa::closest_match("boundless-sky", names).has_value());
}

TEST_CASE("messages stay one printable line") {
  CHECK(aa::printable("a\nb\x1b[31m") == "a\\x0ab\\x1b[31m");
  CHECK(aa::printable("caf\xc3\xa9") == "caf\xc3\xa9");
  CHECK(aa::printable("bad\xff") == "bad\\xff");
  const std::string long_text = aa::printable(std::string(1000, 'x'));
  CHECK(long_text.size() < 70);
  CHECK(long_text.ends_with("..."));
  // Never cut inside a multi-byte character.
  std::string euros;
  for (int i = 0; i < 40; ++i) euros += "\xe2\x82\xac";
  CHECK(aa::printable(euros).size() % 3 == 0);
}

TEST_CASE("the suggestion is the one a full edit-distance table picks") {
  // Short words over a small alphabet, so that near misses, ties, prefixes
  // and far misses all come up.
  std::mt19937 random(12345);
  const auto word = [&](std::size_t longest) {
    std::string out(std::uniform_int_distribution<std::size_t>(1, longest)(random), 'a');
    for (char& c : out) c = "abcAB"[std::uniform_int_distribution<int>(0, 4)(random)];
    return out;
  };
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> owned;
    for (int i = 0; i < 12; ++i) owned.push_back(word(14));
    const std::vector<std::string_view> names(owned.begin(), owned.end());
    const std::string wanted = word(14);
    CAPTURE(wanted);
    CHECK(aa::closest_match(wanted, names) == reference_match(wanted, names));
  }
}

TEST_CASE("of equally close names the first is suggested") {
  const std::vector<std::string_view> names = {"calm", "palm", "balm"};
  CHECK(aa::closest_match("xalm", names) == "calm");
  CHECK(aa::closest_match("balm", names) == "balm");
}

TEST_CASE("suggestions over very many or very long names stay right") {
  // Every name is long, and only the last two are close; one is a megabyte.
  std::vector<std::string> owned;
  for (int i = 0; i < 2000; ++i) owned.push_back(std::string(145, 'q') + std::to_string(i));
  owned.push_back(std::string(150, 'w'));
  owned.push_back(std::string(1000000, 'y'));
  const std::vector<std::string_view> names(owned.begin(), owned.end());
  CHECK(aa::closest_match(std::string(148, 'w') + "vv", names) == names[2000]);
  CHECK(aa::closest_match(std::string(190, 'y'), names) == names[2001]);  // a prefix
  CHECK_FALSE(aa::closest_match(std::string(190, 'x'), names).has_value());
}
