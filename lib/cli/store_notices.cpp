// SPDX-License-Identifier: MIT
#include "aa/cli/store_notices.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "aa/cli/cli.hpp"
#include "aa/cli/output.hpp"
#include "aa/content/text.hpp"
#include "aa/core/check_json.hpp"
#include "aa/io/error.hpp"

namespace aa::cli {
namespace {

// 199990 as "199,990".
std::string with_separators(std::size_t number) {
  std::string digits = std::to_string(number);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

}  // namespace

LockWaitNotice waiting_notice(std::string_view program, const std::filesystem::path& file) {
  return [program = std::string(program), file] {
    report_line(
        fmt::format("{}: waiting for another program to finish with {}\n", program, terminal_safe(file.string())));
  };
}

void report_skipped_lines(std::string_view program, const std::filesystem::path& file,
                          std::span<const LineProblem> problems, std::string_view not_what, std::size_t total) {
  total = std::max(total, problems.size());
  const std::size_t shown = std::min(problems.size(), line_problems_kept);
  for (const LineProblem& problem : problems.first(shown)) {
    report_warning(program, fmt::format("{}:{}: {} ({}); skipped, and left in the file as it is",
                                        terminal_safe(file.string()), problem.line, not_what, problem.reason));
  }
  if (total > shown) {
    report_warning(program, fmt::format("{}: ... and {} more such line{}, skipped and left as they are",
                                        terminal_safe(file.string()), with_separators(total - shown),
                                        total - shown == 1 ? "" : "s"));
  }
}

std::string forgotten_notice(const Forgotten& forgotten, const std::filesystem::path& file, bool json,
                             const ForgetWords& words) {
  std::vector<std::string> others;
  for (const std::string& name : forgotten.leftovers) others.push_back((file.parent_path() / name).string());
  const std::filesystem::path& deleted = forgotten.store ? forgotten.file : file;
  if (json) return forget_json(forgotten.store, deleted.string(), others);
  std::string text = forgotten.store ? fmt::format("Deleted {} ({}).\n", words.store, terminal_safe(deleted.string()))
                                     : std::string(words.none);
  if (!others.empty()) {
    text +=
        fmt::format("Deleted {} {} {}:\n", others.size(), others.size() == 1 ? words.other : words.others, words.which);
    for (const std::string& other : others) text += "  " + terminal_safe(other) + "\n";
  }
  return text;
}

void emit_after_change(std::string_view text, const Terminal& terminal, std::string_view program,
                       std::string_view done) {
  try {
    emit(text, terminal, false, program);
  } catch (const Error& error) {
    throw Error(error.code(), fmt::format("{} ({})", error.what(), done));
  }
}

}  // namespace aa::cli
