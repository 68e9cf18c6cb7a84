// Reading content files (TOML) into the model, with validation. Used at
// build time to turn content/*.toml into constant data, and at run time for
// --content-dir / AA_CONTENT_DIR.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "aa/model.hpp"

namespace aa {

enum class ContentKind { sections, faq, checklist, tips, prompts };

// "sections.toml", "faq.toml", "checklist.toml", "tips.toml", "prompts.toml".
std::string_view content_file_name(ContentKind kind);

// Parses `toml_text` as the content file of the given kind and puts it in
// `content`, replacing that kind. `path` names the file in error messages.
// References to sections are checked against content.sections, and a
// prompt's sign against content.checklist, so load those first. Throws Error(Problem::data) naming path:line:column.
void load_content_text(Content& content, ContentKind kind, std::string_view toml_text, std::string_view path);

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
Content overlay_content_dir(const Content& base, const std::filesystem::path& dir);

// Every reference (a tip's or a prompt's section, a checklist link, a
// question's `see`) resolves to a section, and a prompt's sign to a
// checklist item. Used after an overlay, where built-in files may
// refer to sections that a replaced sections.toml no longer has.
void check_references(const Content& content);

}  // namespace aa
