// SPDX-License-Identifier: MIT
// How every command runs its work, with or without the option parser
// (cli_options.hpp's run() parses first, then comes here).
#pragma once

#include <functional>
#include <string_view>

namespace aa::cli {

// Runs `body` and returns its exit status, turning every failure into
// "PROGRAM: error: message" on stderr and its exit code. A broken pipe ends
// quietly with 0. A closed stdin, stdout or stderr stays unusable, rather
// than taken by the next file we open.
int run_guarded(std::string_view program, const std::function<int()>& body);

}  // namespace aa::cli
