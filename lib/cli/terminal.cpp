// SPDX-License-Identifier: MIT
#include "aa/cli/terminal.hpp"

#include <algorithm>
#include <charconv>

#include <sys/ioctl.h>
#include <unistd.h>

#include "aa/cli/environment.hpp"

namespace aa {
namespace {

std::optional<std::size_t> positive_number(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
  return value;
}

}  // namespace

std::optional<ColorChoice> parse_color_choice(std::string_view text) {
  if (text == "auto") return ColorChoice::automatic;
  if (text == "always") return ColorChoice::always;
  if (text == "never") return ColorChoice::never;
  return std::nullopt;
}

bool window_size(int fd, Terminal& terminal) {
  winsize size{};
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return false;
  terminal.columns = size.ws_col;
  terminal.rows = size.ws_row;
  return true;
}

Terminal probe_terminal() {
  Terminal terminal;
  terminal.stdout_is_tty = isatty(STDOUT_FILENO) == 1;
  terminal.stdin_is_tty = isatty(STDIN_FILENO) == 1;
  if (terminal.stdout_is_tty) window_size(STDOUT_FILENO, terminal);
  terminal.no_color = cli::environment_variable("NO_COLOR");
  terminal.term = cli::environment_variable("TERM");
  terminal.columns_env = cli::environment_variable("COLUMNS");
  terminal.pager = cli::environment_variable("PAGER");
  // POSIX's order: LC_ALL over LC_CTYPE over LANG, an empty one unset.
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const auto value = cli::environment_variable(name);
    if (value && !value->empty()) {
      terminal.locale = std::string(*value);
      break;
    }
  }
  return terminal;
}

bool utf8_locale(const Terminal& terminal) {
  if (!terminal.locale) return false;
  // The codeset follows the '.', before any "@modifier": UTF-8, utf8, UTF8.
  std::string codeset;
  const std::size_t dot = terminal.locale->find('.');
  if (dot == std::string::npos) return false;
  for (const char c : terminal.locale->substr(dot + 1, terminal.locale->find('@', dot) - dot - 1)) {
    if (c != '-') codeset += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return codeset == "utf8";
}

bool use_color(ColorChoice choice, const Terminal& terminal) {
  switch (choice) {
    case ColorChoice::always: return true;
    case ColorChoice::never: return false;
    case ColorChoice::automatic: break;
  }
  if (!terminal.stdout_is_tty) return false;
  if (terminal.no_color && !terminal.no_color->empty()) return false;
  return !(terminal.term && *terminal.term == "dumb");
}

std::size_t choose_width(std::optional<std::size_t> asked, const Terminal& terminal) {
  if (asked) return *asked;
  if (!terminal.stdout_is_tty) return 0;
  std::size_t width = terminal.columns > 0 ? terminal.columns : fallback_width;
  if (terminal.columns_env) {
    if (auto columns = positive_number(*terminal.columns_env)) width = *columns;
  }
  return width < max_auto_width ? width : max_auto_width;
}

std::size_t stderr_columns() {
  // Prompts and messages go to stderr, whatever stdout is: measure that
  // terminal.
  Terminal terminal = probe_terminal();
  terminal.columns = 0;
  if (!window_size(STDERR_FILENO, terminal) && !window_size(STDIN_FILENO, terminal)) return 0;
  if (terminal.columns_env) {
    if (auto columns = positive_number(*terminal.columns_env)) return *columns;
  }
  return terminal.columns > 0 ? terminal.columns : fallback_width;
}

std::size_t stderr_width() { return std::min(stderr_columns(), max_auto_width); }

std::size_t help_width(const Terminal& terminal) {
  return terminal.stdout_is_tty ? choose_width(std::nullopt, terminal) : help_pipe_width;
}

}  // namespace aa
