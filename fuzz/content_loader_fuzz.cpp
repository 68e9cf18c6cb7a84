// SPDX-License-Identifier: MIT
// Any bytes as any content file, loaded the two ways the commands load it:
// - stopping at the first problem (the commands): valid content whose
//   references resolve, or a content error (Problem::data), and nothing else;
// - collecting every problem (aa-content check): never an exception, and
//   problems exactly when the first way fails, its error among them.
// Content that loads cleanly is then written with content_file_text (what
// aa-content dump writes) and loaded again: the same records, and the same
// text when written once more. Never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "aa/content/builtin.hpp"
#include "aa/content/load.hpp"
#include "aa/content/toml_file.hpp"
#include "aa/io/error.hpp"

namespace {

constexpr std::string_view file_name = "fuzz.toml";

void require(bool condition) {
  if (!condition) __builtin_trap();
}

bool same_texts(aa::TextList a, aa::TextList b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

bool same(const aa::Section& a, const aa::Section& b) {
  return a.slug == b.slug && a.title == b.title && same_texts(a.paragraphs, b.paragraphs);
}

bool same(const aa::Question& a, const aa::Question& b) {
  return a.id == b.id && a.question == b.question && a.answer == b.answer && same_texts(a.see, b.see);
}

bool same(const aa::HelpLink& a, const aa::HelpLink& b) { return a.section == b.section && a.point == b.point; }

bool same(const aa::ChecklistItem& a, const aa::ChecklistItem& b) {
  if (a.id != b.id || a.sign != b.sign || a.statement != b.statement || a.about != b.about) return false;
  if (a.help.size() != b.help.size()) return false;
  for (std::size_t i = 0; i < a.help.size(); ++i) {
    if (!same(a.help[i], b.help[i])) return false;
  }
  return true;
}

// A tip's origin is where it was read, which the writer lays out anew: the
// file name stays, the line may not.
bool same(const aa::Tip& a, const aa::Tip& b) {
  return a.id == b.id && a.category == b.category && a.section == b.section && a.text == b.text &&
         a.origin.file == b.origin.file;
}

bool same(const aa::Prompt& a, const aa::Prompt& b) {
  return a.id == b.id && a.section == b.section && a.sign == b.sign && a.text == b.text;
}

bool same(const aa::ExerciseStep& a, const aa::ExerciseStep& b) {
  return a.id == b.id && a.kind == b.kind && a.prompt == b.prompt && a.help == b.help && a.optional == b.optional &&
         a.min == b.min && a.max == b.max && a.low == b.low && a.high == b.high && same_texts(a.options, b.options) &&
         same_texts(a.lines, b.lines) && a.pause == b.pause;
}

bool same(const aa::Exercise& a, const aa::Exercise& b);

template <typename Record>
bool same_records(std::span<const Record> a, std::span<const Record> b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!same(a[i], b[i])) return false;
  }
  return true;
}

bool same(const aa::Exercise& a, const aa::Exercise& b) {
  return a.id == b.id && a.section == b.section && a.title == b.title && a.about == b.about &&
         a.sentence == b.sentence && a.closing == b.closing && same_records(a.steps, b.steps);
}

bool same_kind(const aa::Content& a, const aa::Content& b, aa::ContentKind kind) {
  switch (kind) {
    case aa::ContentKind::sections: return same_records(a.sections, b.sections);
    case aa::ContentKind::faq: return same_records(a.questions, b.questions);
    case aa::ContentKind::checklist: return same_records(a.checklist, b.checklist);
    case aa::ContentKind::tips: return same_records(a.tips, b.tips);
    case aa::ContentKind::prompts: return same_records(a.prompts, b.prompts);
    case aa::ContentKind::exercises: return same_records(a.exercises, b.exercises);
  }
  return false;
}

// As the commands load: the first problem is an Error(Problem::data), and
// no other kind of failure. Returns its message, or nothing when clean.
std::optional<std::string> load_stopping(aa::Content& content, aa::ContentKind kind, std::string_view text) {
  try {
    aa::load_content_text(content, kind, text, file_name);
    // New sections may leave built-in references dangling: also a content error.
    aa::check_references(content);
  } catch (const aa::Error& error) {
    require(error.code() == aa::Problem::data);
    return std::string(error.what());
  }
  return std::nullopt;
}

// As aa-content check loads: every problem listed, nothing thrown.
aa::ContentProblems load_collecting(aa::Content& content, aa::ContentKind kind, std::string_view text) {
  aa::ContentProblems problems;
  try {
    aa::load_content_text(content, kind, text, file_name, &problems);
    aa::check_references(content, &problems);
  } catch (...) {
    __builtin_trap();
  }
  for (const aa::ContentProblem& problem : problems) {
    require(!problem.message.empty());
    require(problem.line != 0 || problem.column == 0);
  }
  return problems;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the kind, the rest is the file.
  const auto kind = static_cast<aa::ContentKind>(data[0] % aa::content_kinds().size());
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  aa::Content content = aa::builtin_content();
  const std::optional<std::string> error = load_stopping(content, kind, text);

  aa::Content collected = aa::builtin_content();
  const aa::ContentProblems problems = load_collecting(collected, kind, text);
  require(problems.empty() == !error.has_value());
  if (error) {
    bool listed = false;
    for (const aa::ContentProblem& problem : problems) listed = listed || aa::located(problem) == *error;
    require(listed);
    // What could be read of a bad file is kept; it must still be whole
    // enough to write out (every view alive).
    (void)aa::content_file_text(collected, kind);
    return 0;
  }
  require(same_kind(content, collected, kind));

  // The round trip of aa-content dump: written, read again, written again.
  const std::string written = aa::content_file_text(content, kind);
  aa::Content again = aa::builtin_content();
  require(!load_stopping(again, kind, written).has_value());
  require(same_kind(content, again, kind));
  require(aa::content_file_text(again, kind) == written);
  return 0;
}
