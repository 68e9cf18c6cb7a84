// SPDX-License-Identifier: MIT
// What every command shares, apart from option parsing (cli_options.hpp):
// the common options' values, the output settings they add up to, the
// content to use, and error messages.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "aa/cli/terminal.hpp"
#include "aa/content/model.hpp"
#include "aa/core/format.hpp"
#include "aa/core/references.hpp"
#include "aa/io/error.hpp"

namespace aa::cli {

struct CommonOptions {
  std::string color = "auto";
  std::size_t width = 0;  // 0: not asked for
  bool no_pager = false;
  Format format = Format::text;
  bool json = false;  // --json, short for --format json
  std::string content_dir;
  // The tips of the personal tips folder ($XDG_DATA_HOME/aa/tips) are
  // added to the others: set by aa-tip only.
  bool personal_tips = false;
};

// The exit status for a kind of failure (see the EXIT STATUS of each man
// page): 1 not found, 2 usage, 65 bad data (EX_DATAERR), 74 read or write
// error (EX_IOERR), 70 a bug (EX_SOFTWARE).
int exit_status(Problem problem);

// The message for `error`: its own words, and where it is about names a
// person can list, the command that lists them.
std::string worded(const Error& error);

// A search with no hits is an empty result to the core; a command reports
// it, as grep does, with "no <what> contains 'needle'" and exit 1. It is an
// outcome people meet every day, so it is returned, not thrown: in a static
// binary the first exception costs some 250 KiB of peak RSS (bench/README.md).
Error no_hits(std::string_view what, std::string_view needle);

// Its sibling for a listing left empty by its range or filter, or by a
// store with nothing in it yet: "no <what> <why>; <widen>", where `widen`
// says how to see more (or make the first), and exit 1, as grep says that
// there is nothing to show.
Error nothing_listed(std::string_view what, std::string_view why, std::string_view widen);

// Reports `error` as every failure is reported, "PROGRAM: error: ..." with
// its hint, and returns its exit status.
int report_failure(std::string_view program, const Error& error);

// The commands rendered text points to: aa-read for a section, aa-faq for
// the questions.
References references();

// `aa-NAME X.Y.Z`.
std::string version_line(std::string_view program);

// Diagnostics on stderr, each one line; on a terminal, lines too wide for
// it are broken between words (fit_lines). They never throw: stderr may be
// closed, full or a pipe with no reader, and the exit status still says what
// happened, so a failed diagnostic must not fail the command a second time.
// "PROGRAM: error: message".
void report_error(std::string_view program, std::string message) noexcept;
// "PROGRAM: warning: message".
void report_warning(std::string_view program, std::string_view message) noexcept;
// `text` for the person at the terminal ("Nothing was deleted."), its
// lines fitted to it as diagnostics are.
void report_line(std::string_view text) noexcept;

// Puts a descriptor that cannot be read or written (/dev/null opened with
// O_PATH) in place of each of stdin, stdout and stderr that is closed, so
// that no file opened later (content, a private store) can become one of
// them and receive our output or errors: a write there fails with EBADF, as
// it would have on the closed descriptor.
void fill_closed_standard_descriptors() noexcept;

// The output settings the options and the terminal add up to.
struct Output {
  Terminal terminal;
  bool color = false;
  std::size_t width = 0;  // 0: do not wrap
  bool allow_pager = false;
  Format format = Format::text;
};
// Parsed once here from the options; an unknown colour choice is a usage
// error (the option's own check refuses it first).
Output resolve_output(const CommonOptions& options);

// The built-in content, with the files of --content-dir put in place, and
// the personal tips added when options.personal_tips says so: a personal
// file (or folder) that cannot be used is left out with a warning on stderr.
Content load_content(const CommonOptions& options);

}  // namespace aa::cli
