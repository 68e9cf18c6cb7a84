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

// Whether a scale step is answered by a key, without Enter: one that runs
// from 0 or more to 10 or less.
bool answers_with_a_key(const ExerciseStep& step);

// Whether `typed` is a whole reply to such a step: a number that no digit
// could make longer in the scale, or ?, b or q; Typed::may_go_on for a
// number that could ("1" on a scale to 10).
Typed typed_scale_reply(const ExerciseStep& step, std::string_view typed);

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
