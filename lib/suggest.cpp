#include "aa/suggest.hpp"

#include <algorithm>
#include <vector>

#include <fmt/core.h>

#include "aa/text.hpp"

namespace aa {
namespace {

// Levenshtein distance over bytes of the case-folded strings.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string_view> closest_match(std::string_view wanted, std::span<const std::string_view> candidates) {
  // Far longer input cannot be a slip, and would make the table huge.
  if (wanted.empty() || wanted.size() > 200) return std::nullopt;
  const std::string folded = fold_case(wanted);
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  for (std::string_view candidate : candidates) {
    const std::string other = fold_case(candidate);
    std::size_t distance = edit_distance(folded, other);
    if (other.starts_with(folded) || folded.starts_with(other)) distance = std::min<std::size_t>(distance, 1);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // A third of the length (at least 2) keeps suggestions plausible.
  const std::size_t allowed = std::max<std::size_t>(2, folded.size() / 3);
  if (best && best_distance <= allowed) return best;
  return std::nullopt;
}

std::string unknown_name_message(std::string_view kind, std::string_view wanted,
                                 std::span<const std::string_view> candidates, std::string_view list_command) {
  std::string message = fmt::format("no {} '{}'", kind, printable(wanted));
  if (auto match = closest_match(wanted, candidates)) message += fmt::format("; did you mean '{}'?", printable(*match));
  message += fmt::format(" ('{}' lists them)", list_command);
  return message;
}

std::string ambiguous_name_message(std::string_view kind, std::string_view wanted,
                                   std::span<const std::string_view> matches, std::string_view list_command) {
  std::string choices;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (i > 0) choices += i + 1 == matches.size() ? " or " : ", ";
    choices += fmt::format("'{}'", printable(matches[i]));
  }
  return fmt::format("{} '{}' is ambiguous; did you mean {}? ('{}' lists them)", kind, printable(wanted), choices,
                     list_command);
}

}  // namespace aa
