// SPDX-License-Identifier: MIT
#include "aa/core/tips.hpp"

#include <doctest/doctest.h>

#include <set>
#include <vector>

#include "aa/core/names.hpp"
#include "aa/core/random.hpp"
#include "aa/core/rotation.hpp"

TEST_CASE("SplitMix64 gives the published sequence") {
  // Reference values of SplitMix64 seeded with 0.
  aa::SplitMix64 rng(0);
  CHECK(rng.next() == 0xe220a8397b1dcdafULL);
  CHECK(rng.next() == 0x6e789e6aa1b965f4ULL);
  CHECK(rng.next() == 0x06c45d188009454fULL);
}

TEST_CASE("bounded draws stay in range and reach every value") {
  aa::SplitMix64 rng(42);
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 2000; ++i) {
    const auto value = rng.below(7);
    CHECK(value < 7);
    seen.insert(value);
  }
  CHECK(seen.size() == 7);
}

TEST_CASE("the tip of the day walks through every tip once per round") {
  for (std::size_t count : {1, 2, 3, 7, 40}) {
    CAPTURE(count);
    for (std::int64_t round : {-3, 0, 1, 2, 500, 20000}) {
      std::set<std::size_t> seen;
      for (std::int64_t day = 0; day < static_cast<std::int64_t>(count); ++day) {
        const std::size_t index = aa::daily_index(count, round * static_cast<std::int64_t>(count) + day);
        CHECK(index < count);
        seen.insert(index);
      }
      CHECK(seen.size() == count);
    }
  }
}

TEST_CASE("no tip shows two days running, before 1970 and after") {
  const std::size_t count = 40;
  for (std::int64_t day = -2000; day < 2000; ++day) {
    CHECK(aa::daily_index(count, day) != aa::daily_index(count, day + 1));
  }
}

TEST_CASE("no item comes back within half its pool's length of days, across rounds too") {
  for (std::size_t count = 1; count <= 60; ++count) {
    CAPTURE(count);
    const auto n = static_cast<std::int64_t>(count);
    const std::size_t gap = count / 2;
    // Several rounds, from a day in the middle of a round, before 1970 and after.
    for (std::int64_t first : {-5 * n - 3, -1 - n, std::int64_t{0}, 7 * n + 1, 20430 - n}) {
      CAPTURE(first);
      const auto days = aa::daily_indices(count, first, 5 * count + 7);
      for (std::size_t day = 0; day < days.size(); ++day) {
        for (std::size_t earlier = day > gap ? day - gap : 0; earlier < day; ++earlier) {
          CAPTURE(day);
          CAPTURE(earlier);
          CHECK(days[day] != days[earlier]);
        }
      }
    }
  }
}

TEST_CASE("two items alternate") {
  for (std::int64_t day = -9; day < 9; ++day) CHECK(aa::daily_index(2, day) != aa::daily_index(2, day + 1));
}

TEST_CASE("with two tips or more, no day repeats the day before, and every round shows every tip once") {
  for (std::size_t count : {2, 3, 4, 5, 50}) {
    CAPTURE(count);
    const auto n = static_cast<std::int64_t>(count);
    // Many rounds, starting on a round's first day, before 1970 and after.
    for (std::int64_t first_round : {-40, 0, 400}) {
      CAPTURE(first_round);
      const std::size_t rounds = 300;
      const auto days = aa::daily_indices(count, first_round * n, rounds * count);
      REQUIRE(days.size() == rounds * count);
      for (std::size_t day = 1; day < days.size(); ++day) {
        CAPTURE(day);
        CHECK(days[day] != days[day - 1]);
      }
      for (std::size_t round = 0; round < rounds; ++round) {
        const std::set<std::size_t> seen(days.begin() + static_cast<std::ptrdiff_t>(round * count),
                                         days.begin() + static_cast<std::ptrdiff_t>((round + 1) * count));
        CHECK(seen.size() == count);
        CHECK(*seen.rbegin() < count);
      }
    }
  }
}

TEST_CASE("a run of days is the tip of each of those days, from any day of a round") {
  for (std::size_t count : {1, 2, 3, 7, 50}) {
    CAPTURE(count);
    for (std::int64_t first : {-101, -1, 0, 3, 20000}) {
      const auto days = aa::daily_indices(count, first, 3 * count + 2);
      REQUIRE(days.size() == 3 * count + 2);
      for (std::size_t i = 0; i < days.size(); ++i) {
        CHECK(days[i] == aa::daily_index(count, first + static_cast<std::int64_t>(i)));
      }
    }
  }
  CHECK(aa::daily_indices(5, 0, 0).empty());
  CHECK(aa::daily_indices(0, 0, 4).empty());
}

TEST_CASE("a long run of days over a large pool is complete and right at the edges") {
  // Far beyond what one shuffle a day could manage quickly.
  const std::size_t count = 5000;
  const auto days = aa::daily_indices(count, 17, 1000000);
  REQUIRE(days.size() == 1000000);
  CHECK(days.front() == aa::daily_index(count, 17));
  CHECK(days.back() == aa::daily_index(count, 17 + 999999));
}

TEST_CASE("the tip of the day is fixed for a date") {
  // Pinned values, computed by an independent Python version of the
  // documented algorithm: the same date gives the same tip everywhere.
  CHECK(aa::daily_index(40, 20000) == aa::daily_index(40, 20000));
  std::vector<std::size_t> week;
  for (std::int64_t day = 20000; day < 20007; ++day) week.push_back(aa::daily_index(40, day));
  CHECK(week == std::vector<std::size_t>{11, 20, 6, 33, 13, 24, 3});
}

TEST_CASE("random choices are reproducible, distinct and capped") {
  CHECK(aa::random_indices(40, 5, 7) == aa::random_indices(40, 5, 7));
  CHECK(aa::random_indices(40, 5, 7) != aa::random_indices(40, 5, 8));
  const auto all = aa::random_indices(10, 50, 1);
  CHECK(all.size() == 10);
  CHECK(std::set<std::size_t>(all.begin(), all.end()).size() == 10);
}

namespace {
const aa::Tip sample[] = {
    {"breathe", "calm", "what", "Breathe."},
    {"journal", "awareness", "what", "Write."},
    {"walk", "calm", "what", "Walk."},
};
}

TEST_CASE("categories, ids and their errors") {
  CHECK(aa::tip_categories(sample) == std::vector<std::string_view>{"calm", "awareness"});
  CHECK(aa::tips_in_category(sample, "calm").size() == 2);
  CHECK(aa::tips_in_category(sample, "").size() == 3);
  CHECK(aa::find_tip(sample, "walk").text == "Walk.");
  CHECK_THROWS_WITH_AS(aa::find_tip(sample, "brethe"), "no tip 'brethe'; did you mean 'breathe'?", aa::Error);
  CHECK_THROWS_WITH_AS(aa::tips_in_category(sample, "clam"), "no category 'clam'; did you mean 'calm'?", aa::Error);
  try {
    aa::find_tip(sample, "zzzzzzzz");
  } catch (const aa::Error& error) {
    CHECK(error.code() == aa::Problem::not_found);
    CHECK(std::string(error.what()).find("did you mean") == std::string::npos);
  }
}

namespace {
const aa::Tip named[] = {
    {"pause-the-urge", "boundaries", "what", "Pause."},
    {"name-it", "self-awareness", "what", "Name it."},
    {"kind-words", "self-compassion", "what", "Be kind."},
    {"limit", "boundaries", "what", "Say no."},
};
}  // namespace

TEST_CASE("categories and ids are matched as every name is: any case, by a start that fits one") {
  CHECK(aa::tips_in_category(named, "Boundaries").size() == 2);
  CHECK(aa::tips_in_category(named, "bound").size() == 2);
  CHECK(aa::tips_in_category(named, "BOUND").front()->id == "pause-the-urge");
  CHECK(aa::tips_in_category(named, "self-c").front()->id == "kind-words");
  CHECK(aa::find_tip(named, "pause").id == "pause-the-urge");
  CHECK(aa::find_tip(named, "PAUSE-THE-URGE").id == "pause-the-urge");
  CHECK(aa::find_tip(named, "Kind").id == "kind-words");
}

TEST_CASE("an ambiguous category or id names all it fits, a near miss knows word forms") {
  try {
    aa::tips_in_category(named, "self");
    FAIL("expected an error");
  } catch (const aa::NameNotFound& outcome) {
    CHECK(outcome.ambiguous());
    CHECK(outcome.about() == aa::Names::categories);
    CHECK(outcome.candidates() == std::vector<std::string>{"self-awareness", "self-compassion"});
    CHECK(std::string(outcome.what()) ==
          "category 'self' is ambiguous; did you mean 'self-awareness' or 'self-compassion'?");
  }
  CHECK_THROWS_WITH_AS(aa::tips_in_category(named, "boundary"), "no category 'boundary'; did you mean 'boundaries'?",
                       aa::NameNotFound);
  CHECK_THROWS_WITH_AS(aa::find_tip(named, "limits"), "no tip 'limits'; did you mean 'limit'?", aa::NameNotFound);
  CHECK_THROWS_WITH_AS(aa::find_tip(named, ""), "no tip ''", aa::NameNotFound);
}

TEST_CASE("select_tips follows the query") {
  aa::TipQuery query;
  query.id = "journal";
  CHECK(aa::select_tips(sample, query).front()->id == "journal");
  query = {};
  query.all = true;
  query.category = "calm";
  CHECK(aa::select_tips(sample, query).size() == 2);
  query = {};
  query.day = 100;
  query.count = 3;
  const auto days = aa::select_tips(sample, query);
  REQUIRE(days.size() == 3);
  CHECK(days[1] == &sample[aa::daily_index(3, 101)]);
}
