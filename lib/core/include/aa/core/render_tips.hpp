// SPDX-License-Identifier: MIT
// Tips as text, Markdown, JSON or a fortune file, into a string.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "aa/content/model.hpp"
#include "aa/core/format.hpp"
#include "aa/core/references.hpp"

namespace aa {

struct TipStyle {
  std::size_t width = 0;     // 0: one line a tip
  bool color = false;        // ANSI styles
  bool show_source = false;  // a second line naming the category and where to read more
  References references;     // where "more in:" points
};

std::string render_tips(std::span<const Tip* const> tips, Format format, const TipStyle& style);

// `id<TAB>category<TAB>text`, one tip a line; or, with a `table` width (for
// a terminal), aligned columns with the text wrapped under itself. With
// `source`, where each tip comes from (tip_source()) too: a fourth field
// after the text in a pipe, a third column before it on a terminal.
std::string render_tip_table(std::span<const Tip* const> tips, std::size_t table = 0, bool color = false,
                             bool source = false);

// The categories: one a line; a Markdown list under a title; or a JSON
// array of strings.
std::string render_categories(std::span<const std::string_view> categories, Format format);

}  // namespace aa
