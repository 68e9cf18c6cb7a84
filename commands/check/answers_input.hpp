// SPDX-License-Identifier: MIT
// The checklist answers a command reads from stdin when it is not a
// terminal: `echo 3,1,4,0 | aa-check`.
#pragma once

#include <cstddef>
#include <string>

namespace aa::cli {

// The most read from stdin for answers: far more than any honest list.
inline constexpr std::size_t max_answers_input = 64 * 1024;

// Reads all of `fd` for parse_answers(). A pipe is fine here, unlike for the
// files we read, but the length is bounded all the same. A UTF-8 byte
// order mark at the very start (as some Windows editors write) is not an
// answer: it is dropped; anywhere else it stays, and is refused. Throws
// Error(Problem::usage) past max_answers_input bytes, Error(Problem::io) on
// a read error.
std::string read_answers_input(int fd);

}  // namespace aa::cli
