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

// Removes a draft file when it goes, and also when the command is ended by
// SIGHUP, SIGTERM or SIGINT while it lives (the signal then ends the command
// as it would have), unless keep() was called. One at a time.
class DraftRemoval {
 public:
  explicit DraftRemoval(const std::filesystem::path& file);
  ~DraftRemoval();
  DraftRemoval(const DraftRemoval&) = delete;
  DraftRemoval& operator=(const DraftRemoval&) = delete;
  // The file stays: it holds text that was not saved.
  void keep() noexcept;

 private:
  std::filesystem::path file_;
  bool kept_ = false;
  bool handlers_installed_ = false;
};

}  // namespace aa::cli
