// SPDX-License-Identifier: MIT
// Checklist results, the statements and the history as Markdown documents,
// each under a title pandoc reads (aa/markdown.hpp).
#pragma once

#include <span>
#include <string>

#include "aa/content/model.hpp"
#include "aa/core/check.hpp"
#include "aa/core/references.hpp"

namespace aa {

// The ratings as a table, what stands out with what helps and where to
// read, then the safety note: what render_check_text() says, as a document.
std::string render_check_markdown(const CheckRecord& record, std::span<const ChecklistItem> items,
                                  const References& references);

// The statements, numbered in the order answers are given, each with its sign.
std::string render_items_markdown(std::span<const ChecklistItem> items);

// Past results as a table, oldest first, a column a sign (the signs of
// the newest record, then older ones', at most 8, as the text table). Text from the
// records is escaped: anyone can edit the history file. Nothing for no
// records, as render_history_text(): what to say then is the command's.
std::string render_history_markdown(std::span<const CheckRecord> records);

}  // namespace aa
