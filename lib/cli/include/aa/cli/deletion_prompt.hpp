// SPDX-License-Identifier: MIT
// Asking before a person's own data is deleted (--delete and --forget of
// aa-check and aa-journal): only on a terminal, since a prompt is never
// required; --yes is the answer given beforehand.
#pragma once

#include <string_view>

namespace aa::cli {

// Shows `about` (what would be deleted) on stderr and asks `question`.
// Returns whether to delete; after a no, says that nothing was deleted.
// Throws Error(Problem::usage) naming `option` and --yes when stdin is not
// a terminal.
bool confirm_deletion(std::string_view option, std::string_view about, std::string_view question, bool stdin_is_tty);

}  // namespace aa::cli
