// SPDX-License-Identifier: MIT
// What the environment says: its variables, read in one place, and where
// the user's files are (the XDG base directories and the files the commands
// keep there).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace aa::cli {

// The variable `name` of our environment; nullopt when it is unset. The
// view stays good while the environment is left as it is, as it is by us.
std::optional<std::string_view> environment_variable(const char* name);

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

// A folder for drafts of what is written to an encrypted store, on a file
// system that lives in memory (tmpfs or ramfs), so that no plain text
// reaches a disk: `runtime_dir`/aa when $XDG_RUNTIME_DIR is one, else
// `shared_memory`/aa-UID; nullopt when neither is.
std::optional<std::filesystem::path> memory_draft_folder(const std::optional<std::string_view>& runtime_dir,
                                                         const std::filesystem::path& shared_memory = "/dev/shm");

// config.toml under user_config_dir(), or nullopt when there is no
// absolute place for it (then there are no settings).
std::optional<std::filesystem::path> config_file();

}  // namespace aa::cli
