// SPDX-License-Identifier: MIT
// The content model: plain views of the guide, the FAQ, the checklist, the
// tips, the journal's reflection prompts and the exercises. The built-in content is constant data generated at build
// time (so it costs nothing at start-up); content read at run time keeps its text alive through Content::storage.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace aa {

using TextList = std::span<const std::string_view>;

// A paragraph that starts with "- " is a bullet item, one that starts with
// "N. " a numbered item; consecutive items form one list.
struct Section {
  std::string_view slug;
  std::string_view title;
  TextList paragraphs;
};

struct Question {
  std::string_view id;
  std::string_view question;
  std::string_view answer;
  TextList see;  // slugs of the sections the answer leads to
};

struct HelpLink {
  std::string_view section;  // slug
  std::string_view point;    // what to read there, and why
};

struct ChecklistItem {
  std::string_view id;
  std::string_view sign;
  std::string_view statement;
  std::string_view about;
  std::span<const HelpLink> help;
};

// Where a record was read from: the file, as it was named, and the place
// of its id there. An empty file is the built-in content.
struct Origin {
  std::string_view file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct Tip {
  std::string_view id;
  std::string_view category;
  std::string_view section;  // slug of the section the tip comes from
  std::string_view text;
  Origin origin;  // tips come from several files: the built-in or --content-dir ones, and personal ones
};

// A reflection question for the journal.
struct Prompt {
  std::string_view id;
  std::string_view section;  // slug of the section it practises
  std::string_view sign;     // id of the checklist item (sign) it is about, or empty
  std::string_view text;
};

// What a step of an exercise asks for.
enum class StepKind : std::uint8_t {
  text,    // a line typed; `optional` ones may be left empty
  scale,   // a whole number from `min` to `max`
  choice,  // one of `options`
  paced,   // `lines` shown one at a time, `pause` seconds apart on a terminal; nothing is asked
};

struct ExerciseStep {
  std::string_view id;
  StepKind kind = StepKind::text;
  std::string_view prompt;  // the question; for a paced step, what introduces its lines
  std::string_view help;    // more about the step, shown for '?'; may be empty
  bool optional = false;    // text: an empty answer is fine
  std::int64_t min = 0;     // scale
  std::int64_t max = 0;
  std::string_view low;    // scale: what `min` means
  std::string_view high;   // scale: what `max` means
  TextList options;        // choice
  TextList lines;          // paced
  std::int64_t pause = 0;  // paced: seconds between lines
};

// A guided exercise (aa-practice), tied to the section it practises.
struct Exercise {
  std::string_view id;
  std::string_view section;
  std::string_view title;
  std::string_view about;     // what it is for and how it goes, shown before the steps
  std::string_view sentence;  // optional: words with {step-id} places, filled in from the answers
  std::string_view closing;   // optional: shown once the steps are done
  std::span<const ExerciseStep> steps;
};

struct Content {
  std::span<const Section> sections;
  std::span<const Question> questions;
  std::span<const ChecklistItem> checklist;
  std::span<const Tip> tips;
  std::span<const Prompt> prompts;
  std::span<const Exercise> exercises;
  // Owners of the text behind the views above, for content read at run time.
  std::vector<std::shared_ptr<const void>> storage;
};

// The section with this slug, or nullptr.
const Section* find_section(const Content& content, std::string_view slug);

// The checklist item (sign) with this id, or nullptr.
const ChecklistItem* find_checklist_item(const Content& content, std::string_view id);

}  // namespace aa
