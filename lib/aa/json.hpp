// Everything we print as JSON, built with toml++'s JSON formatter so
// escaping and structure come from a library.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "aa/model.hpp"

namespace aa {

// [{"id", "category", "section", "text"}, ...] followed by a newline.
std::string tips_json(std::span<const Tip* const> tips);

// ["a", "b", ...] followed by a newline.
std::string strings_json(std::span<const std::string_view> strings);

}  // namespace aa
