// SPDX-License-Identifier: MIT
// The one rule for every name a person types (a section, a question, a tip,
// a category), and "did you mean ...?" for the names that fit nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "aa/content/text.hpp"  // printable(), for the messages that use these
#include "aa/core/names.hpp"

namespace aa {

// Something a person can name: by its key (slug, id, category), and, when
// `text` is not empty, by the start of that line (a title, a question).
struct Nameable {
  std::string_view key;
  std::string_view text = {};
};

// The index of the item `name` names: the item whose key is `name` exactly;
// else whose key is `name` ignoring case; else the one item whose key or
// text starts with `name` ignoring case (folded as search folds: Unicode
// case folding, and ' and " for the typographic quotes). Throws NameNotFound
// for a name that fits nothing (suggesting the closest key) or more than one
// item (naming each, with its text where only the text fits).
std::size_t find_name(std::span<const Nameable> items, std::string_view name, Names kind);

// The candidate most like `wanted` when it is close enough to be a likely
// slip, nullopt otherwise. Closest is a candidate that is another simple
// form of `wanted` ("boundary" for "boundaries", as search_forms() has
// them) or starts with it or the other way round, then the smallest edit
// distance between the case-folded texts; the first of equals wins.
std::optional<std::string_view> closest_match(std::string_view wanted, std::span<const std::string_view> candidates);

// "section", "question", "item", "tip", "category", "prompt", "entry".
std::string_view singular(Names kind);

// Throws NameNotFound for `wanted` among `names`, as "no <kind> 'x'; did you
// mean 'y'?", the suggestion left out when nothing is close.
[[noreturn]] void throw_unknown_name(Names kind, std::string_view wanted, std::span<const std::string_view> names);

// Throws NameNotFound for a name that fits each of `matches`, as "<kind> 'x'
// is ambiguous; did you mean 'a' or 'b'?".
[[noreturn]] void throw_ambiguous_name(Names kind, std::string_view wanted, std::span<const std::string_view> matches);

}  // namespace aa
