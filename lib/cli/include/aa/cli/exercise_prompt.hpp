// SPDX-License-Identifier: MIT
// Taking an exercise step by step at the terminal, through a Conversation
// (prompt.hpp), so that it can be tested with strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "aa/cli/prompt.hpp"
#include "aa/content/model.hpp"
#include "aa/core/journal.hpp"

namespace aa {

// What a person did while a paced line waited: nothing (the time passed),
// Enter (go on now), s (skip the rest of the step), q or the end of input
// (stop).
enum class PauseEnd { time_up, next, skip, quit };

// Waits `seconds` after a paced line, or until the person asks for more.
using PacedWait = std::function<PauseEnd(std::int64_t seconds)>;

// How long a paced line waits when its step names no pause.
inline constexpr std::int64_t default_pause_seconds = 5;

// Walks through `exercise`: its introduction, then each step, reading one
// reply a line and wrapping to `width` columns (0: no wrapping). A reply of
// ? tells more about the step, b goes back to the step before, q stops; a
// reply that does not fit says what does and asks again; an empty line keeps
// an answer given before going back. Paced lines are shown one at a time,
// with `wait` after each (none: no pause). Returns the answers in the order
// of the steps, or nullopt when the person stopped or the input ended.
std::optional<std::vector<ExerciseAnswer>> ask_exercise(const Exercise& exercise, Conversation& conversation,
                                                        std::size_t width, const PacedWait& wait = {});

}  // namespace aa
