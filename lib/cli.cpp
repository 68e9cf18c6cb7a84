#include "aa/cli.hpp"

#include <cstdio>

#include <fmt/core.h>

#include "aa/builtin.hpp"
#include "aa/load.hpp"
#include "aa/suggest.hpp"

namespace aa::cli {

std::string version_line(std::string_view program) { return fmt::format("{} {}", program, AA_VERSION); }

void report_error(std::string_view program, std::string message) {
  // Messages start lower-case, unless they start with an acronym.
  if (message.size() > 1 && message[0] >= 'A' && message[0] <= 'Z' && !(message[1] >= 'A' && message[1] <= 'Z')) {
    message[0] = static_cast<char>(message[0] - 'A' + 'a');
  }
  // Arguments quoted in a message may be huge or not text: keep it one line.
  fmt::print(stderr, "{}: error: {}\n", program, printable(message, 400));
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
