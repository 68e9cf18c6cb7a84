// SPDX-License-Identifier: MIT
#include "aa/io/secret.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "aa/io/error.hpp"

TEST_CASE("a secret holds bytes up to its capacity, and compares whole") {
  aa::Secret secret(4);
  for (char c : std::string("word")) CHECK(secret.push_back(c));
  CHECK_FALSE(secret.push_back('s'));
  CHECK(secret.view() == "word");
  secret.pop_back();
  CHECK(secret.view() == "wor");

  aa::Secret same(8), other(8), longer(8);
  for (char c : std::string("wor")) same.push_back(c);
  for (char c : std::string("war")) other.push_back(c);
  for (char c : std::string("word")) longer.push_back(c);
  CHECK(aa::same_secret(secret, same));
  CHECK_FALSE(aa::same_secret(secret, other));
  CHECK_FALSE(aa::same_secret(secret, longer));
  CHECK(aa::same_secret(aa::Secret(1), aa::Secret(2)));

  const aa::Secret moved(std::move(secret));
  CHECK(moved.view() == "wor");
  CHECK(secret.empty());  // a moved-from secret holds nothing
}

TEST_CASE("the stores' passphrase comes from the source set, asked for by the library only through it") {
  aa::set_passphrase_source({});
  CHECK_THROWS_AS(aa::store_passphrase(), aa::Error);
  int asked = 0;
  aa::Secret kept(8);
  kept.push_back('k');
  aa::set_passphrase_source([&]() -> const aa::Secret& {
    ++asked;
    return kept;
  });
  CHECK(aa::store_passphrase().view() == "k");
  CHECK(asked == 1);
  aa::set_passphrase_source({});
}
