// SPDX-License-Identifier: MIT
// The only place that writes a command's results: to stdout, or through
// the pager when a terminal would scroll.
#pragma once

#include <string>
#include <string_view>

#include "aa/cli/terminal.hpp"

namespace aa {

// Writes all of `data` to `fd`. Throws BrokenPipe when the reader has gone,
// Error(Problem::io) "write error: ..." on any other failure.
void write_all(int fd, std::string_view data);

// The pager to run for `text`, or "" for none: only for a terminal whose
// TERM is set and not "dumb", when allowed, and when the text is taller than
// the screen. $PAGER wins over the default "less -FRX"; an empty $PAGER
// means no pager.
std::string pager_for(std::string_view text, const Terminal& terminal, bool allow_pager);

enum class PagerRun {
  shown,          // the pager ran (and may have been quit early)
  could_not_run,  // sh could not start it (exit status 126 or 127, or SIGPIPE
                  // when it said so on a stderr nobody reads)
};

// Runs `command` with /bin/sh -c, `text` on its stdin, LESS=FRX in its
// environment unless LESS is set, and waits for it. SIGINT and SIGQUIT are
// ignored meanwhile, so Ctrl-C reaches the pager alone and the terminal is
// never left to a pager whose command has gone; the pager gets them back.
// Ctrl-C that ends the pager (SIGINT, or exit status 130 from sh) is the
// person's choice, not a failure. Throws Error(Problem::io) when the pager
// fails: any other exit status or signal.
PagerRun run_pager(std::string_view text, const std::string& command);

// Writes `text` to stdout, through the pager when pager_for() names one. A
// pager that cannot run (sh says why) gets one warning on stderr, as
// `program`, and the text is written directly.
void emit(std::string_view text, const Terminal& terminal, bool allow_pager, std::string_view program);

}  // namespace aa
