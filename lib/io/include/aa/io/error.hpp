// SPDX-License-Identifier: MIT
// The one error type the library throws, and the kinds of failure it names.
// The command-line layer turns each kind into an exit status
// (aa::cli::exit_status).
#pragma once

#include <stdexcept>
#include <string>

namespace aa {

// What went wrong, as the caller needs to know it.
enum class Problem {
  not_found,   // unknown name or id
  usage,       // bad option, value or input
  data,        // bad content or settings file
  io,          // read or write error, or a file that breaks the rules
  passphrase,  // a wrong or missing passphrase for an encrypted file
  internal,    // a bug
};

// Library functions report every failure with this; only the command-line
// layer prints it, as "aa-NAME: error: <what()>" and its own hint.
class Error : public std::runtime_error {
 public:
  Error(Problem code, const std::string& message) : std::runtime_error(message), code_(code) {}
  Problem code() const noexcept { return code_; }

 private:
  Problem code_;
};

// Thrown when the reader of our output went away (`| head -n 1`); the
// command then ends quietly, as coreutils and ripgrep do.
class BrokenPipe : public std::exception {
 public:
  const char* what() const noexcept override { return "broken pipe"; }
};

}  // namespace aa
