// SPDX-License-Identifier: MIT
// aa-check --import FILE: the results of an export (--history --format
// json), checked all before any is kept, each kept once.
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/check_commands.hpp"
#include "aa/check_json.hpp"
#include "aa/environment.hpp"
#include "aa/history.hpp"
#include "aa/io.hpp"
#include "aa/output.hpp"
#include "aa/store_notices.hpp"
#include "aa/text.hpp"

namespace aa::cli {
namespace {

// What `name` holds, no more than a history may.
std::string import_text(std::string_view name, std::string_view shown) {
  if (name != "-") {
    auto read = read_regular_file(std::string(name), history_file_limit);
    if (!read) throw Error(Problem::usage, fmt::format("cannot import {}: no such file", printable(shown)));
    return std::move(*read);
  }
  BoundedRead input = read_up_to(STDIN_FILENO, history_file_limit);
  if (input.error != 0) throw Error(Problem::io, fmt::format("cannot read stdin: {}", std::strerror(input.error)));
  if (input.over_limit) {
    throw Error(Problem::io, fmt::format("cannot read stdin: it is larger than {}, the most a history may hold",
                                         describe_size(history_file_limit)));
  }
  return std::move(input.text);
}

}  // namespace

int import_check_results(std::string_view name, const Output& output) {
  const std::string_view shown = name == "-" ? "stdin" : name;
  const std::string text = import_text(name, shown);
  std::vector<CheckRecord> records;
  try {
    records = parse_history_json(text);
  } catch (const Error& error) {
    throw Error(Problem::data, fmt::format("{}: {}; nothing was imported", printable(shown, 200), error.what()));
  }
  const std::filesystem::path file = history_file();
  const ImportOutcome outcome = import_into_history(file, records, waiting_notice(check_program, file));
  std::string said = fmt::format("Imported {} result{}", outcome.imported, outcome.imported == 1 ? "" : "s");
  if (outcome.skipped > 0) said += fmt::format(", skipped {} already there", outcome.skipped);
  said += ".\n";
  if (output.format == Format::json) said = import_json(outcome.imported, outcome.skipped, file.string());
  emit(said, output.terminal, false, check_program);
  return 0;
}

}  // namespace aa::cli
