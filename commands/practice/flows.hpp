// SPDX-License-Identifier: MIT
// What aa-practice does, for main.cpp to choose from once it has parsed the
// options:
//   list.cpp     --list: the exercises
//   history.cpp  --history: past practice, from the journal
//   take.cpp     an exercise, answered at the terminal or on stdin, then saved
//   pause.cpp    the wait after a paced line at the terminal
// Each prints its result and returns the exit status, or throws Error.
#pragma once

#include <string>
#include <string_view>

#include "aa/cli/cli.hpp"
#include "aa/cli/exercise_prompt.hpp"
#include "aa/cli/range_options.hpp"
#include "aa/content/model.hpp"

namespace aa::cli {

inline constexpr std::string_view practice_program = "aa-practice";

struct PracticeOptions {
  CommonOptions common;
  std::string name;
  bool list = false;
  bool history = false;
  RangeOptions range;
  bool no_pause = false;
};

// The words of aa-practice's --last, --from and --to.
extern const RangeWords practice_range_words;

// --list.
int list_exercises(const Content& content, const Output& output);
// --history, with its range.
int show_practice_history(const PracticeOptions& o, const Content& content, const Output& output);
// NAME: the exercise, then the entry that keeps it.
int take_exercise(const PracticeOptions& o, const Content& content, const Output& output);

// Waits after a paced line at the terminal, reading a line typed meanwhile
// through `conversation`.
PacedWait terminal_wait(Conversation& conversation);

}  // namespace aa::cli
