// SPDX-License-Identifier: MIT
// Decisions about the terminal: colour, width, paging. The deciding
// functions are pure (they take what the environment says) so they can be
// tested; probe_terminal() reads the real one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace aa {

// The longest line a terminal in canonical mode hands over whole: Linux
// keeps 4095 bytes of a line and drops what is typed past them, so a line
// this long may have lost its end.
inline constexpr std::size_t terminal_line_limit = 4095;

enum class ColorChoice { automatic, always, never };

// "auto", "always", "never"; anything else is nullopt.
std::optional<ColorChoice> parse_color_choice(std::string_view text);

// What the environment says about stdout and stdin.
struct Terminal {
  bool stdout_is_tty = false;
  bool stdin_is_tty = false;
  std::size_t columns = 0;  // from TIOCGWINSZ, 0 when unknown
  std::size_t rows = 0;
  std::optional<std::string> no_color;     // $NO_COLOR
  std::optional<std::string> term;         // $TERM
  std::optional<std::string> columns_env;  // $COLUMNS
  std::optional<std::string> pager;        // $PAGER
  std::optional<std::string> locale;       // the first of $LC_ALL, $LC_CTYPE and $LANG that is set and not empty
};

Terminal probe_terminal();

// Fills terminal.columns and .rows from the terminal on `fd`; false when
// `fd` is not a terminal.
bool window_size(int fd, Terminal& terminal);

// Whether the locale's characters are UTF-8 ("en_GB.UTF-8", "C.utf8"), so
// that drawing characters (block elements) may be shown; not for "C",
// "POSIX", one of another encoding, or none at all (which is "C").
bool utf8_locale(const Terminal& terminal);

// Colour when asked for always; on auto only for a terminal, with NO_COLOR
// unset or empty and TERM not "dumb".
bool use_color(ColorChoice choice, const Terminal& terminal);

// The wrap width: `asked` (--width) if given; otherwise, on a terminal,
// $COLUMNS if it is a positive number, else the terminal's width, capped at
// 100 for readability; otherwise 0, meaning "do not wrap".
std::size_t choose_width(std::optional<std::size_t> asked, const Terminal& terminal);

// The columns of the terminal on stderr (or stdin): $COLUMNS if it is a
// positive number, else its width; 0 when neither is a terminal. A
// message uses them all, to stay one line where it can.
std::size_t stderr_columns();

// The width prose on stderr is wrapped to (the checklist's statements, a
// typed entry's prompt): stderr_columns(), capped as the output is.
std::size_t stderr_width();

// The width --help is laid out in: the terminal's by choose_width's rules
// when stdout is one, else help_pipe_width.
std::size_t help_width(const Terminal& terminal);
constexpr std::size_t help_pipe_width = 80;

// The widest text we ever wrap to by default.
constexpr std::size_t max_auto_width = 100;
// The width assumed on a terminal whose size cannot be read.
constexpr std::size_t fallback_width = 80;

}  // namespace aa
