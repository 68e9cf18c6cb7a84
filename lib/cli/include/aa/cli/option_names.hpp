// SPDX-License-Identifier: MIT
// Names that both the option parser and a command's fast path
// (fast_path.hpp) rely on, declared once so the two cannot drift apart.
#pragma once

namespace aa::cli {

// The environment variable that stands in for --content-dir.
inline constexpr const char* content_dir_env = "AA_CONTENT_DIR";

}  // namespace aa::cli
