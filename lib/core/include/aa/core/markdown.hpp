// SPDX-License-Identifier: MIT
// The parts every Markdown document we print shares: a title block that
// pandoc and other tools read as the document's title, and headings with
// stable anchors, so that links into a section keep working.
#pragma once

#include <string>
#include <string_view>

namespace aa {

// A YAML metadata block naming the document, then a blank line. `title`
// is our own words, never content.
std::string markdown_title(std::string_view title);

// "# markdown {#anchor}" at `level` (1 to 6): `markdown` is already
// Markdown (escape_markdown() what comes from content); `anchor` keeps what
// a slug may hold (letters, digits, '-', '_' and '.'), anything else
// becoming '-'. A heading stays on one line whatever the width.
std::string markdown_heading(int level, std::string_view markdown, std::string_view anchor);

}  // namespace aa
