// SPDX-License-Identifier: MIT
#include "aa/cli/deletion_prompt.hpp"

#include <cstddef>

#include <fmt/core.h>

#include "aa/cli/cli.hpp"
#include "aa/cli/prompt.hpp"
#include "aa/io/error.hpp"

namespace aa::cli {

bool confirm_deletion(std::string_view option, std::string_view about, std::string_view question, bool stdin_is_tty) {
  if (!stdin_is_tty) {
    throw Error(Problem::usage, fmt::format("{} asks before deleting, but stdin is not a terminal; add --yes to "
                                            "delete without asking (nothing was deleted)",
                                            option));
  }
  const std::size_t width = prompt_width();
  report_line(about);
  TerminalConversation terminal;
  if (confirm(question, terminal, width)) return true;
  report_line("Nothing was deleted.\n");
  return false;
}

}  // namespace aa::cli
