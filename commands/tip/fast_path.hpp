// SPDX-License-Identifier: MIT
// Serving a command's most common invocation without building its option
// parser. CLI11 spends most of a short command's start-up registering
// options (each new one is compared with every earlier one), so `aa-tip
// --daily`, run at every login, checks first whether its command line is
// one it can answer directly.
//
// The check is deliberately narrow: it says yes only when the parser, had it
// been built, would have set exactly one flag and left every other option at
// its default. The caller then fills the same options struct and calls the
// same run function as the parsed path, so the two cannot differ in what
// they print or return (tests/e2e/fast_path_test.cpp compares them byte for
// byte). The flag's names come from the same constant the parser is given.
#pragma once

#include <string_view>

namespace aa::cli {

// Whether the command line (argv[1] onwards) is exactly one argument that
// is one of `names`, written as CLI11 takes them: "-d,--daily". Only whole
// names count: not "--daily=true", "-dd", a prefix, or the name twice.
bool is_only_flag(int argc, const char* const* argv, std::string_view names);

}  // namespace aa::cli
