// The only place that writes a command's results: to stdout, or through
// the pager when a terminal would scroll.
#pragma once

#include <string>
#include <string_view>

#include "aa/terminal.hpp"

namespace aa {

// Writes all of `data` to `fd`. Throws BrokenPipe when the reader has gone,
// Error(Exit::io) "write error: ..." on any other failure.
void write_all(int fd, std::string_view data);

// The pager to run for `text`, or "" for none: only for a terminal, when
// allowed, and when the text is taller than the screen. $PAGER wins over
// the default "less -FRX"; an empty $PAGER means no pager.
std::string pager_for(std::string_view text, const Terminal& terminal, bool allow_pager);

// Writes `text` to stdout, through the pager when pager_for() names one. A
// pager that cannot be found is reported on stderr and skipped.
void emit(std::string_view text, const Terminal& terminal, bool allow_pager, std::string_view program);

}  // namespace aa
