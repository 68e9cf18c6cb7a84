// SPDX-License-Identifier: MIT
// The message of the aa::Error a call throws, for tests of rejected input.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "aa/io/error.hpp"

namespace aa::test {

// Runs `call`, which should throw aa::Error with the exit code `expected`,
// and returns the error's message. Fails the test case, naming `input`, when
// nothing is thrown.
template <class Call>
std::string error_message(aa::Problem expected, std::string_view input, Call&& call) {
  try {
    call();
  } catch (const aa::Error& error) {
    CHECK(error.code() == expected);
    return error.what();
  }
  FAIL("accepted: ", std::string(input));
  return "";
}

}  // namespace aa::test
