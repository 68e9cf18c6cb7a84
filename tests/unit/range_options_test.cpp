// SPDX-License-Identifier: MIT
#include "aa/cli/range_options.hpp"

#include <doctest/doctest.h>

#include "aa/cli/cli.hpp"

TEST_CASE("range_words: the days of a range, to say that none holds anything") {
  CHECK(aa::cli::range_words({std::nullopt, "2030-01-01", ""}) == "from 2030-01-01 on");
  CHECK(aa::cli::range_words({std::nullopt, "", "2020-01-01"}) == "up to 2020-01-01");
  CHECK(aa::cli::range_words({3, "2020-01-01", "2020-12-31"}) == "from 2020-01-01 to 2020-12-31");
  CHECK(aa::cli::range_words({3, "", ""}) == "in that range");
}

TEST_CASE("nothing_listed: what was empty and how to see more, exit 1 as a search with no hit") {
  const aa::Error error =
      aa::cli::nothing_listed("entries", "written from 2030-01-01 on", "'aa-journal --list' shows them all");
  CHECK(error.code() == aa::Problem::not_found);
  CHECK(aa::cli::exit_status(error.code()) == aa::cli::exit_status(aa::cli::no_hits("entry", "x").code()));
  CHECK(aa::cli::worded(error) == "no entries written from 2030-01-01 on; 'aa-journal --list' shows them all");
}
