// SPDX-License-Identifier: MIT
// Reading content files (TOML) into the model, with validation. Used at
// build time to turn content/*.toml into constant data, and at run time for
// --content-dir / AA_CONTENT_DIR.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aa/content/model.hpp"

namespace aa {

enum class ContentKind { sections, faq, checklist, tips, prompts, exercises };

// Every kind, in the order they are loaded: sections first, since the
// others refer to them.
std::span<const ContentKind> content_kinds();

// "sections.toml", "faq.toml", "checklist.toml", "tips.toml", "prompts.toml", "exercises.toml".
std::string_view content_file_name(ContentKind kind);

// A problem found in a content file, and where.
struct ContentProblem {
  std::string file;          // as it was named
  std::uint32_t line = 0;    // 0: about the file as a whole
  std::uint32_t column = 0;  // 0 when line is
  std::string message;
};

// "file:line:column: message", or "file: message"; the file name made safe
// for a terminal. Every content error reads so.
std::string located(const ContentProblem& problem);

// Where the loaders put problems when they are asked to go on after one
// (aa-content check). Given nullptr, they throw Error(Problem::data) with
// the first problem instead, as the commands want.
using ContentProblems = std::vector<ContentProblem>;

// Parses `toml_text` as the content file of the given kind and puts it in
// `content`, replacing that kind. `path` names the file in error messages.
// References to sections are checked against content.sections, and a
// prompt's sign against content.checklist, so load those first. Throws Error(Problem::data) naming path:line:column.
// With `problems`, every problem is added there instead, in the order of the
// file, and the load goes on: a file that is not TOML gives one problem
// and leaves `content` as it was; records with problems are kept as far as
// they could be read.
void load_content_text(Content& content, ContentKind kind, std::string_view toml_text, std::string_view path,
                       ContentProblems* problems = nullptr);

// The most a content file may hold: over a hundred times the largest built-in one.
inline constexpr std::size_t content_file_limit = 16 * 1024 * 1024;

// Reads the content file of the given kind from `path`: Error(Problem::io)
// when it is missing, unreadable, not a regular file or larger than
// content_file_limit, Error(Problem::data) when it is bad.
void load_content_file(Content& content, ContentKind kind, const std::filesystem::path& path);

// `base` with every content file present in `dir` put in place of its twin.
// Throws Error(Problem::usage) when `dir` does not exist or is not a
// directory, Error(Problem::io) when it or a file in it cannot be read (as
// load_content_file), Error(Problem::data) when a file is bad or the result
// has a dangling reference.
// With `problems`, bad content does not stop it (as load_content_text);
// read errors still throw.
Content overlay_content_dir(const Content& base, const std::filesystem::path& dir, ContentProblems* problems = nullptr);

// Every reference (a tip's, a prompt's or an exercise's section, a checklist link, a
// question's `see`) resolves to a section, and a prompt's sign to a
// checklist item. Used after an overlay, where built-in files may
// refer to sections that a replaced sections.toml no longer has.
void check_references(const Content& content, ContentProblems* problems = nullptr);

}  // namespace aa
