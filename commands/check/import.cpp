// SPDX-License-Identifier: MIT
// aa-check --import FILE: the results of an export (--history --format
// json), checked all before any is kept (each against the checklist, as
// it would have scored its answers), each kept once.
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/cli/environment.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/content/text.hpp"
#include "aa/core/check.hpp"
#include "aa/core/check_json.hpp"
#include "aa/core/history.hpp"
#include "aa/io/io.hpp"
#include "check/flows.hpp"

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

int import_check_results(std::string_view name, const Content& content, const Output& output) {
  const std::string_view shown = name == "-" ? "stdin" : name;
  const std::string text = import_text(name, shown);
  const auto refuse = [&](std::string_view why) {
    throw Error(Problem::data, fmt::format("{}: {}; nothing was imported", printable(shown, 200), why));
  };
  std::optional<ExportedResults> read;
  try {
    read = parse_history_json(text);
  } catch (const Error& error) {
    refuse(error.what());
  }
  if (!read) refuse("not saved results as 'aa-check --history --format json' writes them");
  const ExportedResults& exported = *read;
  // What a record derives from its answers is taken only if it agrees:
  // otherwise the summary and the comparisons would show what was never answered.
  for (std::size_t i = 0; i < exported.records.size(); ++i) {
    const std::string problem = rescore_problem(exported.records[i], content.checklist);
    if (!problem.empty()) refuse(fmt::format("line {}: result {}: {}", exported.lines[i], i + 1, problem));
  }
  const std::filesystem::path file = history_file();
  const ImportOutcome outcome = import_into_history(file, exported.records, waiting_notice(check_program, file));
  std::string said = fmt::format("Imported {} result{}", outcome.imported, outcome.imported == 1 ? "" : "s");
  if (outcome.skipped > 0) said += fmt::format(", skipped {} already there", outcome.skipped);
  if (outcome.repeated > 0) {
    said += fmt::format("{} {} duplicate{} within the file", outcome.skipped > 0 ? " and" : ", skipped",
                        outcome.repeated, outcome.repeated == 1 ? "" : "s");
  }
  said += ".\n";
  if (output.format == Format::json) {
    said = import_json(outcome.imported, outcome.skipped, outcome.repeated, file.string());
  }
  emit_after_change(
      said, output.terminal, check_program,
      fmt::format("{} result{} imported all the same", outcome.imported, outcome.imported == 1 ? " was" : "s were"));
  return 0;
}

}  // namespace aa::cli
