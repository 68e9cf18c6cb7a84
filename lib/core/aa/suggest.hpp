// "Did you mean ...?" for unknown names.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "aa/error.hpp"
#include "aa/text.hpp"  // printable(), for the messages that use these

namespace aa {

// The candidate most like `wanted` (case-insensitive edit distance), when it
// is close enough to be a likely slip; nullopt otherwise.
std::optional<std::string_view> closest_match(std::string_view wanted, std::span<const std::string_view> candidates);

// "section", "question", "item", "tip", "category".
std::string_view singular(Names kind);

// Throws NameNotFound for `wanted` among `names`, as "no <kind> 'x'; did you
// mean 'y'?", the suggestion left out when nothing is close.
[[noreturn]] void throw_unknown_name(Names kind, std::string_view wanted, std::span<const std::string_view> names);

// Throws NameNotFound for a name that fits each of `matches`, as "<kind> 'x'
// is ambiguous; did you mean 'a' or 'b'?".
[[noreturn]] void throw_ambiguous_name(Names kind, std::string_view wanted, std::span<const std::string_view> matches);

}  // namespace aa
