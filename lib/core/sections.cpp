// SPDX-License-Identifier: MIT
#include "aa/core/sections.hpp"

#include <charconv>
#include <optional>
#include <vector>

#include <fmt/core.h>

#include "aa/core/suggest.hpp"
#include "aa/io/error.hpp"

namespace aa {
namespace {

// `name` as a whole number; digits only, so "+1", " 1" and "1x" are names.
std::optional<std::size_t> as_number(std::string_view name) {
  std::size_t number = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
  if (name.empty() || error != std::errc() || end != name.data() + name.size()) {
    return std::nullopt;
  }
  return number;
}

// A number (1-based) names the item at that place; anything else is a name.
std::size_t find_index(std::span<const Nameable> items, std::string_view name, Names kind) {
  if (const auto number = as_number(name)) {
    if (*number >= 1 && *number <= items.size()) return *number - 1;
    throw NamesError(Problem::not_found,
                     fmt::format("no {} {}; they are numbered 1 to {}", singular(kind), printable(name), items.size()),
                     kind);
  }
  return find_name(items, name, kind);
}

}  // namespace

std::size_t find_section_index(std::span<const Section> sections, std::string_view name) {
  std::vector<Nameable> items;
  for (const Section& section : sections) items.push_back({section.slug, section.title});
  return find_index(items, name, Names::sections);
}

std::size_t find_question_index(std::span<const Question> questions, std::string_view name) {
  std::vector<Nameable> items;
  for (const Question& question : questions) items.push_back({question.id, question.question});
  return find_index(items, name, Names::questions);
}

}  // namespace aa
