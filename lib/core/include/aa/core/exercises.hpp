// SPDX-License-Identifier: MIT
// The guided exercises of aa-practice: finding one by name, reading a
// step's answer from what was typed, the words a finished exercise is kept
// with, and the listings of exercises and of past practice.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "aa/content/model.hpp"
#include "aa/core/format.hpp"
#include "aa/core/journal.hpp"

namespace aa {

// The exercise `name` names: its id, exactly, ignoring case or by a
// unique prefix, or the start of its title. Throws NameNotFound
// (Names::exercises) as find_name() does.
const Exercise& find_exercise(std::span<const Exercise> exercises, std::string_view name);

// The exercise with this id, or nullptr.
const Exercise* exercise_with_id(std::span<const Exercise> exercises, std::string_view id);

// Whether a step asks for an answer: every kind but paced.
bool asks_answer(const ExerciseStep& step);

// The longest answer to one step, in bytes.
inline constexpr std::size_t answer_limit = 4000;

// What a step takes, for a message: "a whole number from 0 to 10", "one of
// 1 to 5, or an option's words", "a line of text", "a line of text, or
// nothing".
std::string expected_answer(const ExerciseStep& step);

// The answer to `step` in one line as typed (blanks at either end do not
// count): a scale's whole number in its range; a choice's number (from 1)
// or its words, ignoring case; a line of text. nullopt for an optional text
// left empty. Throws Error(Problem::usage) saying what fits instead.
std::optional<ExerciseAnswer> answer_step(const ExerciseStep& step, std::string_view typed);

// An answer as it reads after its prompt: "6 of 10" (a scale from 0),
// "6 (from -5 to 5)", or the text.
std::string answer_words(const ExerciseStep& step, const ExerciseAnswer& answer);

// The exercise's sentence with each {step-id} filled in with that step's
// answer; "" when it has none.
std::string filled_sentence(const Exercise& exercise, std::span<const ExerciseAnswer> answers);

// The text a finished exercise is saved with: its title, then a line for
// each answered step, "prompt answer", then the filled sentence if any.
std::string exercise_summary(const Exercise& exercise, std::span<const ExerciseAnswer> answers);

// The exercises: `id<TAB>section<TAB>title` lines; a Markdown document with
// each title, id and what it is for, wrapped to `width` (0: no wrapping); or [{"id", "section", "title", "about",
// "steps"}, ...] with the number of steps.
std::string render_exercise_list(std::span<const Exercise> exercises, Format format, std::size_t width = 0);

// Past practice, the journal entries that hold an exercise, oldest first:
// `YYYY-MM-DD HH:MM<TAB>entry id<TAB>exercise id<TAB>title` lines; a
// Markdown document that ends with the days practised; or [{"entry",
// "time", "date", "exercise", "title"}, ...] ("title" null for an exercise
// the content no longer has).
std::string render_practice_history(std::span<const JournalEntry* const> entries, std::span<const Exercise> exercises,
                                    Format format);

// The number of different days (local dates) the entries were written on.
std::size_t days_practised(std::span<const JournalEntry* const> entries);

// "Practised on 3 days (5 exercises)." or "on 1 day (1 exercise)".
std::string days_practised_words(std::span<const JournalEntry* const> entries);

}  // namespace aa
