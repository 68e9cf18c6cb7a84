// SPDX-License-Identifier: MIT
// The completion scripts of `aa` for bash, zsh and fish. They complete
// aa's options, the commands (asking aa itself, so that they are the ones
// `aa help` lists, plugins included), and the command after `aa help`.
// After `aa NAME`, they complete the line as if it were `aa-NAME ...`,
// with aa-NAME's own completion: each command keeps the only description
// of its options.
#pragma once

#include <string>
#include <string_view>

namespace aa::cli {

// The script for `shell` (one of completion_shells()); throws Error
// (usage) for another.
std::string umbrella_completion(std::string_view shell);

}  // namespace aa::cli
