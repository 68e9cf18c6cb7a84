// SPDX-License-Identifier: MIT
// The kinds of named things a person asks for, and the errors about them:
// an error that names a kind lets the command-line layer say how to list
// the names of that kind.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "aa/io/error.hpp"

namespace aa {

enum class Names { none, sections, questions, checklist, tips, categories, prompts, entries, results, exercises };

// An error about one kind of named things.
class NamesError : public Error {
 public:
  NamesError(Problem code, const std::string& message, Names about) : Error(code, message), about_(about) {}
  // What the person may want to list to put it right.
  Names about() const noexcept { return about_; }

 private:
  Names about_;
};

// What `error` is about: Names::none for an error that names no kind.
inline Names names_about(const Error& error) {
  const auto* about = dynamic_cast<const NamesError*>(&error);
  return about ? about->about() : Names::none;
}

// A name that fits nothing, or more than one thing: the outcome, not its
// words. what() is a plain sentence; the command-line layer words its own
// message from the parts, with a suggestion and how to list the names.
class NameNotFound : public NamesError {
 public:
  NameNotFound(Names kind, std::string wanted, std::vector<std::string> candidates, bool ambiguous,
               const std::string& message)
      : NamesError(Problem::not_found, message, kind),
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

}  // namespace aa
