// SPDX-License-Identifier: MIT
// Where the user's files are, as the environment says: the XDG base
// directories and the files the commands keep there.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace aa::cli {

// $XDG_DATA_HOME, default ~/.local/share; nullopt when neither is absolute.
std::optional<std::filesystem::path> user_data_dir();

// $XDG_CONFIG_HOME, default ~/.config; nullopt when neither is absolute.
std::optional<std::filesystem::path> user_config_dir();

// The personal tips folder under user_data_dir(), or nullopt when there is
// no absolute place for it (then there are no personal tips).
// A string: see personal_tips_dir_in().
std::optional<std::string> personal_tips_dir();

// The checklist history under user_data_dir(). Throws Error(Problem::io)
// when there is no absolute place for it.
std::filesystem::path history_file();

// The journal under user_data_dir(): aa/journal.jsonl. Throws
// Error(Problem::io) when there is no absolute place for it.
std::filesystem::path journal_file();

// config.toml under user_config_dir(), or nullopt when there is no
// absolute place for it (then there are no settings).
std::optional<std::filesystem::path> config_file();

}  // namespace aa::cli
