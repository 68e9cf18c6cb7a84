// "Did you mean ...?" for unknown names.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "aa/text.hpp"  // printable(), for the messages that use these

namespace aa {

// The candidate most like `wanted` (case-insensitive edit distance), when it
// is close enough to be a likely slip; nullopt otherwise.
std::optional<std::string_view> closest_match(std::string_view wanted, std::span<const std::string_view> candidates);

// "no <kind> 'x'; did you mean 'y'? (<list_command> lists them)", the
// suggestion left out when nothing is close.
std::string unknown_name_message(std::string_view kind, std::string_view wanted,
                                 std::span<const std::string_view> candidates, std::string_view list_command);

// "<kind> 'x' is ambiguous; did you mean 'a' or 'b'? (<list_command> lists
// them)", for a name that fits more than one thing.
std::string ambiguous_name_message(std::string_view kind, std::string_view wanted,
                                   std::span<const std::string_view> matches, std::string_view list_command);

}  // namespace aa
