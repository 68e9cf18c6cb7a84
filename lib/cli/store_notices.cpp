// SPDX-License-Identifier: MIT
#include "aa/store_notices.hpp"

#include <string>

#include <fmt/core.h>

#include "aa/cli.hpp"
#include "aa/text.hpp"

namespace aa::cli {

LockWaitNotice waiting_notice(std::string_view program, const std::filesystem::path& file) {
  return [program = std::string(program), file] {
    report_line(
        fmt::format("{}: waiting for another program to finish with {}\n", program, terminal_safe(file.string())));
  };
}

void report_skipped_lines(std::string_view program, const std::filesystem::path& file,
                          std::span<const LineProblem> problems, std::string_view not_what) {
  for (const LineProblem& problem : problems) {
    report_warning(program, fmt::format("{}:{}: {} ({}); skipped, and left in the file as it is", file.string(),
                                        problem.line, not_what, problem.reason));
  }
}

}  // namespace aa::cli
