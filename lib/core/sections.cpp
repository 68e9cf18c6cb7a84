#include "aa/sections.hpp"

#include <charconv>
#include <optional>
#include <vector>

#include <fmt/core.h>

#include "aa/error.hpp"
#include "aa/suggest.hpp"
#include "aa/text.hpp"

namespace aa {
namespace {

// What sections and questions have in common for naming: a stable key
// (slug or id) and a line of text (title or question).
struct Nameable {
  std::string_view key;
  std::string_view text;
};

// `name` as a whole number; digits only, so "+1", " 1" and "1x" are names.
std::optional<std::size_t> as_number(std::string_view name) {
  std::size_t number = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
  if (name.empty() || error != std::errc() || end != name.data() + name.size()) {
    return std::nullopt;
  }
  return number;
}

std::size_t find_index(std::span<const Nameable> items, std::string_view name, Names kind) {
  std::vector<std::string_view> keys;
  for (const Nameable& item : items) keys.push_back(item.key);

  if (const auto number = as_number(name)) {
    if (*number >= 1 && *number <= items.size()) return *number - 1;
    throw Error(Problem::not_found,
                fmt::format("no {} {}; they are numbered 1 to {}", singular(kind), printable(name), items.size()),
                kind);
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].key == name) return i;
  }
  // An empty name would be a prefix of everything.
  std::vector<std::size_t> fitting;
  if (!name.empty()) {
    const std::string wanted = fold_case(name);
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (fold_case(items[i].key).starts_with(wanted) || fold_case(items[i].text).starts_with(wanted)) {
        fitting.push_back(i);
      }
    }
  }
  if (fitting.size() == 1) return fitting.front();
  if (fitting.empty()) throw_unknown_name(kind, name, keys);
  std::vector<std::string_view> candidates;
  for (std::size_t i : fitting) candidates.push_back(keys[i]);
  throw_ambiguous_name(kind, name, candidates);
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
