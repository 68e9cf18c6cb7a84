// SPDX-License-Identifier: MIT
// Finding the sections of the guide and the questions of the FAQ that a
// user names on the command line.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "aa/content/model.hpp"

namespace aa {

// The index (0-based) of the section `name` means: its number (1-based),
// its slug, or a case-insensitive prefix of its slug or title that fits no
// other section. A number wins over a slug, since numbers are what the
// table of contents shows. Unknown and ambiguous names throw
// Error(Problem::not_found) with the likely candidates.
std::size_t find_section_index(std::span<const Section> sections, std::string_view name);

// The same for a question, named by its number, its id, or a prefix of its
// id or question.
std::size_t find_question_index(std::span<const Question> questions, std::string_view name);

}  // namespace aa
