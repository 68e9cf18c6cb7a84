#include "aa/cli.hpp"

#include <cerrno>

#include <fcntl.h>
#include <fmt/core.h>
#include <unistd.h>

#include "aa/builtin.hpp"
#include "aa/load.hpp"
#include "aa/suggest.hpp"

namespace aa::cli {

std::string version_line(std::string_view program) { return fmt::format("{} {}", program, AA_VERSION); }

namespace {

// One write(2) loop and nothing that can throw: no stdio buffer to flush
// later, no exception from a full disk or a reader that has gone.
void write_to_stderr(std::string_view text) noexcept {
  while (!text.empty()) {
    const ssize_t written = ::write(STDERR_FILENO, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;
    text.remove_prefix(static_cast<std::size_t>(written));
  }
}

void report(std::string_view program, std::string_view kind, std::string_view message) noexcept {
  try {
    // Arguments quoted in a message may be huge or not text: keep it one line.
    write_to_stderr(fmt::format("{}: {}: {}\n", program, kind, printable(message, 400)));
  } catch (...) {
    // Out of memory while wording it: the exit status has to say it alone.
  }
}

}  // namespace

void report_error(std::string_view program, std::string message) noexcept {
  // Messages start lower-case, unless they start with an acronym.
  if (message.size() > 1 && message[0] >= 'A' && message[0] <= 'Z' && !(message[1] >= 'A' && message[1] <= 'Z')) {
    message[0] = static_cast<char>(message[0] - 'A' + 'a');
  }
  report(program, "error", message);
}

void report_warning(std::string_view program, std::string_view message) noexcept {
  report(program, "warning", message);
}

void report_line(std::string_view text) noexcept { write_to_stderr(text); }

void fill_closed_standard_descriptors() noexcept {
  for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // open() takes the lowest free number, which is `fd` when those below
    // it are open, as they are by now.
    const int filler = ::open("/dev/null", O_PATH);
    if (filler < 0 || filler == fd) continue;
    ::dup2(filler, fd);
    ::close(filler);
  }
}

Output resolve_output(const CommonOptions& options) {
  Output output;
  output.terminal = probe_terminal();
  output.color = use_color(parse_color_choice(options.color).value_or(ColorChoice::automatic), output.terminal);
  output.width = choose_width(options.width > 0 ? std::optional(options.width) : std::nullopt, output.terminal);
  output.allow_pager = !options.no_pager;
  output.format = options.json ? "json" : options.format;
  return output;
}

Content load_content(const CommonOptions& options) {
  if (options.content_dir.empty()) return builtin_content();
  return overlay_content_dir(builtin_content(), options.content_dir);
}

}  // namespace aa::cli
