// SPDX-License-Identifier: MIT
// Deleting a person's own data (--delete and --forget of aa-check and
// aa-journal): confirm, delete, report. The question is asked only on a
// terminal, since a prompt is never required; --yes is the answer given
// beforehand.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "aa/cli/cli.hpp"

namespace aa::cli {

// What to ask before deleting.
struct DeletionQuestion {
  std::string_view option;  // "--delete", "--forget": named when stdin is not a terminal
  bool yes = false;         // --yes: delete without asking
  std::string about;        // what would be deleted, shown before the question
  std::string question;     // "Delete it? This cannot be undone."
};

// Unless `ask.yes`, shows `ask.about` on stderr and asks `ask.question`;
// after a no, says that nothing was deleted and returns
// exit_status(Problem::not_found). Then `remove` deletes and returns the
// notice of what it did, written as emit_after_change() writes it, with
// `done` ("entry 5 was deleted all the same"); returns 0. Throws
// Error(Problem::usage) naming the option and --yes when it would ask but
// stdin is not a terminal.
int delete_after_asking(std::string_view program, const Output& output, const DeletionQuestion& ask,
                        std::string_view done, const std::function<std::string()>& remove);

}  // namespace aa::cli
