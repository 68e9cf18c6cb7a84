// SPDX-License-Identifier: MIT
// What aa-check does, one flow a file, for main.cpp to choose from once it
// has parsed the options:
//   take.cpp     a check, kept when asked, compared with the last; --items
//   history.cpp  --history, with its range and summary
//   delete.cpp   --delete ID and --forget, each asking first
//   import.cpp   --import FILE
// Each prints its result and returns the exit status, or throws Error.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aa/cli/cli.hpp"
#include "aa/cli/range_options.hpp"
#include "aa/content/model.hpp"
#include "aa/core/render_check.hpp"

namespace aa::cli {

inline constexpr std::string_view check_program = "aa-check";

// The words of aa-check's --last, --from and --to.
extern const RangeWords check_range_words;

// Whether the config asks for every result to be kept.
bool config_says_save();

struct CheckRequest {
  std::optional<std::string> answers;  // --answers; else asked, or read from stdin
  bool save = false;                   // --save (the config may ask for it too)
  std::string note;
};

// Asks for the answers (or reads them), scores them and prints the
// result; saves it first when asked to (or when the config says so), and
// then says how it compares with the result saved before it.
int run_check(const CheckRequest& request, const Content& content, const Output& output, const CheckStyle& style);

// --items: the statements.
int list_check_items(const Content& content, const Output& output);

// --history: the saved results in `range`, then their summary.
int show_check_history(const RangeOptions& range, const Output& output, const CheckStyle& style);

// --delete ID: the saved result ID names (in full or by a unique
// beginning), after asking unless `yes`.
int delete_check_result(std::string_view id, bool yes, const Output& output);

// --forget: every saved result, after asking unless `yes`.
int forget_check_history(bool yes, const Output& output);

// --import FILE ("-" for stdin): the results of an export, each once,
// all or none: every one must score as `content`'s checklist scores its
// answers.
int import_check_results(std::string_view file, const Content& content, const Output& output);

}  // namespace aa::cli
