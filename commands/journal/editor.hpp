// SPDX-License-Identifier: MIT
// Writing text in the person's own editor, as git and crontab -e do.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace aa::cli {

// The editor the environment names: $VISUAL, unless TERM is "dumb" (VISUAL
// is for a full-screen editor), else $EDITOR; nullopt when neither is set
// to something other than blanks.
std::optional<std::string> chosen_editor();

// Runs `editor` on `file` as `sh -c '<editor> "$@"' <editor> <file>`, so
// that the variable may hold options ("vim -c startinsert"), and waits for
// it with Ctrl-C and Ctrl-\ left to the editor. Returns why it failed ("exited
// with status 1", "could not be run"), or nullopt when it exited with 0.
std::optional<std::string> run_editor(const std::string& editor, const std::filesystem::path& file);

}  // namespace aa::cli
