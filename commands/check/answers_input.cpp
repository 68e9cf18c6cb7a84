// SPDX-License-Identifier: MIT
#include "check/answers_input.hpp"

#include <cstring>
#include <string_view>

#include <fmt/core.h>

#include "aa/io/error.hpp"
#include "aa/io/io.hpp"

namespace aa::cli {

std::string read_answers_input(int fd) {
  BoundedRead input = read_up_to(fd, max_answers_input);
  if (input.error != 0) {
    throw Error(Problem::io, fmt::format("cannot read answers from stdin: {}", std::strerror(input.error)));
  }
  if (input.over_limit) {
    throw Error(Problem::usage,
                fmt::format("the answers on stdin are longer than {}; expected one short number per item",
                            describe_size(max_answers_input)));
  }
  constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
  if (input.text.starts_with(byte_order_mark)) input.text.erase(0, byte_order_mark.size());
  return std::move(input.text);
}

}  // namespace aa::cli
