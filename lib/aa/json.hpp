// Everything we print as JSON. nlohmann::json does the escaping and keeps
// keys in the order we document; its heavy header stays in json.cpp and
// the files that read JSON back.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "aa/model.hpp"

#include <nlohmann/json_fwd.hpp>

namespace aa {

// `value` as indented JSON text followed by a newline.
std::string dump_json(const nlohmann::ordered_json& value);

// [{"id", "category", "section", "text"}, ...] followed by a newline.
std::string tips_json(std::span<const Tip* const> tips);

// ["a", "b", ...] followed by a newline.
std::string strings_json(std::span<const std::string_view> strings);

}  // namespace aa
