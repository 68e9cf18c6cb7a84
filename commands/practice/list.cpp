// SPDX-License-Identifier: MIT
// aa-practice --list: the exercises, as a document like the other lists.
#include "aa/cli/format_rule.hpp"
#include "aa/cli/output.hpp"
#include "aa/core/exercises.hpp"
#include "practice/flows.hpp"

namespace aa::cli {

int list_exercises(const Content& content, const Output& output) {
  require_format(output.format, Printout::document, "--list");
  emit(render_exercise_list(content.exercises, output.format, output.width), output.terminal, output.allow_pager,
       practice_program);
  return 0;
}

}  // namespace aa::cli
