// SPDX-License-Identifier: MIT
// Runs a built command as a user would, for end-to-end tests: arguments,
// environment, stdin, and either pipes or a pseudo-terminal for stdout.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aa::test {

struct RunOptions {
  std::string stdin_text;
  // Variables to set (a value) or remove (nullopt); the rest are inherited,
  // except NO_COLOR, COLUMNS, PAGER, AA_CONTENT_DIR and the XDG_* ones,
  // which start unset so the host's settings do not leak into a test.
  // Unless HOME is given here (a value or nullopt), each run gets a HOME of
  // its own, an empty temporary directory removed when the run ends, with
  // XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_STATE_HOME and XDG_CACHE_HOME in it
  // (each unless given here): the developer's own tips, settings, history
  // and journal can neither change a result nor be written to. A test that
  // gives HOME leaves the XDG_* it does not give unset, so they follow it.
  std::map<std::string, std::optional<std::string>> env;
  bool terminal = false;            // stdout (and stdin) on a pseudo-terminal
  bool stderr_on_terminal = false;  // with `terminal`, stderr there too: in `out`, as a person sees it
  unsigned short columns = 80;      // its size
  unsigned short rows = 24;
  std::vector<std::string> keys;  // typed into the terminal, one by one
  std::string cwd;                // where to run; "" for here
  int timeout_seconds = 20;
};

struct RunResult {
  int status = -1;  // exit status, or 128 + signal
  std::string out;  // stdout (or everything the terminal showed)
  std::string err;  // stderr
};

// Runs `args[0]` (a path) with `args`.
RunResult run(const std::vector<std::string>& args, const RunOptions& options = {});

// The path of a built command, e.g. command("aa-tip").
std::string command(const std::string& name);

// The project's source directory (for content files).
std::string source_dir();

// `text` with the clock time of every "time" value in JSON replaced by
// "TIME": two runs a moment apart differ only there, as a check taken at
// another second does.
std::string without_clock_time(std::string text);

// A fresh temporary directory, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Writes `text` to path()/name and returns the full path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

// Number of lines in `text` (counting a last line without '\n').
std::size_t count_lines(const std::string& text);

}  // namespace aa::test
