// SPDX-License-Identifier: MIT
#include "aa/cli/cli.hpp"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>
#include <fmt/core.h>
#include <unistd.h>

#include "aa/cli/environment.hpp"
#include "aa/cli/terminal.hpp"
#include "aa/content/builtin.hpp"
#include "aa/content/load.hpp"
#include "aa/content/personal_tips.hpp"
#include "aa/content/text.hpp"
#include "aa/core/names.hpp"
#include "aa/core/suggest.hpp"

namespace aa::cli {

namespace {

// Where a person lists the names of each kind.
std::string_view list_command(Names kind) {
  switch (kind) {
    case Names::sections: return "aa-read --list";
    case Names::questions: return "aa-faq --list";
    case Names::checklist: return "aa-check --items";
    case Names::tips: return "aa-tip --list";
    case Names::categories: return "aa-tip --list-categories";
    case Names::prompts: return "aa-journal --list-prompts";
    case Names::entries: return "aa-journal --list";
    case Names::results: return "aa-check --history";
    case Names::exercises: return "aa-practice --list";
    case Names::none: break;
  }
  return "";
}

// Where a person searches the words of each kind: a name that fits none
// may be a word of what they are looking for.
std::string_view search_command(Names kind) {
  switch (kind) {
    case Names::sections: return "aa-read --search";
    case Names::questions: return "aa-faq --search";
    case Names::tips: return "aa-tip --search";
    default: return "";
  }
}

// The search for a name that fits none, when there is one to make: a slip
// with a name close to it has its "did you mean", and a number ("aa-faq
// 99") is no word to search for.
std::string search_for(const Error& error) {
  const auto* missing = dynamic_cast<const NameNotFound*>(&error);
  if (missing == nullptr || missing->ambiguous()) return "";
  const std::string& wanted = missing->wanted();
  const std::string_view command = search_command(missing->about());
  const bool has_letter = std::any_of(wanted.begin(), wanted.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
  });
  if (!has_letter || command.empty()) return "";
  const std::vector<std::string_view> names(missing->candidates().begin(), missing->candidates().end());
  if (closest_match(wanted, names)) return "";
  return fmt::format("{} {}", command, shell_word(wanted));
}

}  // namespace

std::string worded(const Error& error) {
  const std::string_view command = list_command(names_about(error));
  if (command.empty()) return error.what();
  // The checklist's order is what a person who miscounted needs to see.
  if (names_about(error) == Names::checklist)
    return fmt::format("{}; '{}' lists the statements in order", error.what(), command);
  if (const std::string search = search_for(error); !search.empty())
    return fmt::format("{} ('{}' lists them; to search for it: {})", error.what(), command, search);
  return fmt::format("{} ('{}' lists them)", error.what(), command);
}

Error no_hits(std::string_view what, std::string_view needle) {
  return Error(Problem::not_found, fmt::format("no {} contains '{}'", what, printable(needle)));
}

Error nothing_listed(std::string_view what, std::string_view why, std::string_view widen) {
  return Error(Problem::not_found, fmt::format("no {} {}; {}", what, why, widen));
}

int report_failure(std::string_view program, const Error& error) {
  report_error(program, worded(error));
  return exit_status(error.code());
}

int exit_status(Problem problem) {
  switch (problem) {
    case Problem::not_found: return 1;
    case Problem::usage: return 2;
    case Problem::data: return 65;
    case Problem::io: return 74;
    case Problem::passphrase: return 77;
    case Problem::internal: break;
  }
  return 70;
}

References references() { return {"aa-read", "aa-faq"}; }

std::string version_line(std::string_view program) { return fmt::format("{} {}", program, AA_VERSION); }

namespace {

// Messages fit the terminal they are read on; in a pipe each stays one
// line, for grep and for logs.
std::size_t message_width() { return isatty(STDERR_FILENO) == 1 ? stderr_columns() : 0; }

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
    // Arguments quoted in a message may be huge or not text: keep it one
    // line, broken between words only to fit a terminal.
    write_to_stderr(fit_lines(fmt::format("{}: {}: {}\n", program, kind, printable(message, 400)), message_width()));
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

void report_line(std::string_view text) noexcept {
  try {
    write_to_stderr(fit_lines(text, message_width()));
  } catch (...) {
    write_to_stderr(text);
  }
}

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
  const auto color = parse_color_choice(options.color);
  if (!color)
    throw Error(Problem::usage,
                fmt::format("--color must be auto, always or never, not '{}'", printable(options.color)));
  output.color = use_color(*color, output.terminal);
  output.width = choose_width(options.width > 0 ? std::optional(options.width) : std::nullopt, output.terminal);
  output.allow_pager = !options.no_pager;
  output.format = options.json ? Format::json : options.format;
  return output;
}

Content load_content(const CommonOptions& options) {
  Content content =
      options.content_dir.empty() ? builtin_content() : overlay_content_dir(builtin_content(), options.content_dir);
  if (options.personal_tips) {
    // Without an absolute home there is no folder of one's own to look in.
    // A broken file of one's own costs its own tips, never the tip of the
    // day: aa-tip --daily runs at login (aa-tip(1)). Only aa-tip asks.
    if (const auto dir = personal_tips_dir()) {
      for (const std::string& reason : add_usable_personal_tips(content, *dir)) {
        report_warning("aa-tip", reason + "; its tips are left out");
      }
    }
  }
  return content;
}

}  // namespace aa::cli
