// SPDX-License-Identifier: MIT
// The one error type the library throws, and the kinds of failure it names.
// The command-line layer turns each kind into an exit status
// (aa::cli::exit_status).
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace aa {

// What went wrong, as the caller needs to know it.
enum class Problem {
  not_found,  // unknown name or id
  usage,      // bad option, value or input
  data,       // bad content or settings file
  io,         // read or write error, or a file that breaks the rules
  internal,   // a bug
};

// The kinds of named things a person asks for. An error about one of them
// names it, so that the command-line layer can say how to list them.
enum class Names { none, sections, questions, checklist, tips, categories, prompts, entries, results };

// Library functions report every failure with this; only the command-line
// layer prints it, as "aa-NAME: error: <what()>" and its own hint.
class Error : public std::runtime_error {
 public:
  Error(Problem code, const std::string& message, Names about = Names::none)
      : std::runtime_error(message), code_(code), about_(about) {}
  Problem code() const noexcept { return code_; }
  // What the person may want to list to put it right, if anything.
  Names about() const noexcept { return about_; }

 private:
  Problem code_;
  Names about_;
};

// A name that fits nothing, or more than one thing: the outcome, not its
// words. what() is a plain sentence; the command-line layer words its own
// message from the parts, with a suggestion and how to list the names.
class NameNotFound : public Error {
 public:
  NameNotFound(Names kind, std::string wanted, std::vector<std::string> candidates, bool ambiguous,
               const std::string& message)
      : Error(Problem::not_found, message, kind),
        wanted_(std::move(wanted)),
        candidates_(std::move(candidates)),
        ambiguous_(ambiguous) {}
  const std::string& wanted() const noexcept { return wanted_; }
  // Every name there is when none fits; the ones that fit when several do.
  const std::vector<std::string>& candidates() const noexcept { return candidates_; }
  bool ambiguous() const noexcept { return ambiguous_; }

 private:
  std::string wanted_;
  std::vector<std::string> candidates_;
  bool ambiguous_;
};

// Thrown when the reader of our output went away (`| head -n 1`); the
// command then ends quietly, as coreutils and ripgrep do.
class BrokenPipe : public std::exception {
 public:
  const char* what() const noexcept override { return "broken pipe"; }
};

}  // namespace aa
