// SPDX-License-Identifier: MIT
#include "aa/cli/deletion_prompt.hpp"

#include <fmt/core.h>

#include "aa/cli/prompt.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/io/error.hpp"

namespace aa::cli {
namespace {

bool confirmed(const DeletionQuestion& ask, bool stdin_is_tty) {
  if (ask.yes) return true;
  if (!stdin_is_tty) {
    throw Error(Problem::usage, fmt::format("{} asks before deleting, but stdin is not a terminal; add --yes to "
                                            "delete without asking (nothing was deleted)",
                                            ask.option));
  }
  const std::size_t width = stderr_width();
  report_line(ask.about);
  TerminalConversation terminal;
  if (confirm(ask.question, terminal, width)) return true;
  report_line("Nothing was deleted.\n");
  return false;
}

}  // namespace

int delete_after_asking(std::string_view program, const Output& output, const DeletionQuestion& ask,
                        std::string_view done, const std::function<std::string()>& remove) {
  if (!confirmed(ask, output.terminal.stdin_is_tty)) return exit_status(Problem::not_found);
  emit_after_change(remove(), output.terminal, program, done);
  return 0;
}

}  // namespace aa::cli
