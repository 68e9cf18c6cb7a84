// The one error type the library throws, and the exit codes it maps to.
#pragma once

#include <stdexcept>
#include <string>

namespace aa {

// Exit statuses shared by every command (see the EXIT STATUS of each man page).
enum class Exit : int {
  ok = 0,
  not_found = 1,    // unknown name or id, or a search with no match
  usage = 2,        // bad option or value
  data = 65,        // bad content file (EX_DATAERR)
  io = 74,          // read or write error (EX_IOERR)
  internal = 70,    // a bug (EX_SOFTWARE)
};

// Library functions report every failure with this; only a command's main
// prints it, as "aa-NAME: error: <what()>", and exits with code().
class Error : public std::runtime_error {
 public:
  Error(Exit code, const std::string& message) : std::runtime_error(message), code_(code) {}
  Exit code() const noexcept { return code_; }

 private:
  Exit code_;
};

// Thrown when the reader of our output went away (`| head -n 1`); the
// command then ends quietly, as coreutils and ripgrep do.
class BrokenPipe : public std::exception {
 public:
  const char* what() const noexcept override { return "broken pipe"; }
};

}  // namespace aa
