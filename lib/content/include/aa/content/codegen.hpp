// SPDX-License-Identifier: MIT
// Turns validated content into C++ source of constant data, so the built-in
// content needs no parsing at start-up (see builtin.hpp).
#pragma once

#include <string>

#include "aa/content/model.hpp"

namespace aa {

// A C++ translation unit that defines aa::builtin_content() returning `content`.
std::string generate_content_source(const Content& content);

// `text` as a C++ string literal; bytes outside printable ASCII are written
// as three-digit octal escapes, which cannot run into the next character.
std::string cpp_string_literal(std::string_view text);

}  // namespace aa
