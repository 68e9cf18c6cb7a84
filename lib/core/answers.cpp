// SPDX-License-Identifier: MIT
#include "aa/core/answers.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/core.h>

#include "aa/core/suggest.hpp"
#include "aa/io/error.hpp"
#include "aa/io/io.hpp"

namespace aa {
namespace {

bool is_separator(char c) {
  return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// "answer 2 (overanalysing)", so the person knows which statement is meant.
std::string answer_name(std::size_t index, std::span<const ChecklistItem> items) {
  if (index < items.size()) return fmt::format("answer {} ({})", index + 1, items[index].id);
  return fmt::format("answer {}", index + 1);
}

// For a miscount, point at the list of statements, which shows the order.
[[noreturn]] void fail_pointing_at_items(const std::string& message) {
  throw NamesError(Problem::usage, message, Names::checklist);
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != b[i]) return false;
  }
  return true;
}

// In a list of answers split at spaces, "almost always" comes as two words.
constexpr std::string_view two_words_first = "almost";
constexpr std::string_view two_words_second = "always";

}  // namespace

std::string_view rating_word(int rating) {
  if (rating == does_not_apply) return does_not_apply_word;
  if (rating < lowest_rating || rating > highest_rating) return "";
  return rating_words[static_cast<std::size_t>(rating)];
}

std::string rating_mark(int rating) { return applies(rating) ? std::to_string(rating) : "x"; }

std::string answers_marks(const Answers& answers) {
  std::string out;
  for (const int rating : answers) out += (out.empty() ? "" : ",") + rating_mark(rating);
  return out;
}

std::optional<int> rating_of(std::string_view word) {
  if (same_ignoring_case(word, "x") || same_ignoring_case(word, does_not_apply_word)) return does_not_apply;
  for (int rating = lowest_rating; rating <= highest_rating; ++rating) {
    const std::string_view name = rating_word(rating);
    if ((word.size() == 1 && word[0] == '0' + rating) || same_ignoring_case(word, name) ||
        same_ignoring_case(word, name.substr(0, 1))) {
      return rating;
    }
  }
  return std::nullopt;
}

std::string describe_scale() {
  std::string out;
  for (int rating = lowest_rating; rating <= highest_rating; ++rating) {
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", rating, rating_word(rating));
  }
  return out;
}

Answers parse_answers(std::string_view text, std::span<const ChecklistItem> items) {
  Answers answers;
  answers.reserve(items.size());
  std::size_t commas_since_value = 0;  // in the separators before the next value
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (is_separator(text[pos])) {
      commas_since_value += text[pos] == ',';
      // Two commas with nothing between them leave an answer out.
      if (commas_since_value > 1 || (commas_since_value == 1 && answers.empty())) {
        fail_pointing_at_items(answers.empty()
                                   ? "empty answer before answer 1 (a comma at the start)"
                                   : fmt::format("empty answer after answer {} (two commas in a row)", answers.size()));
      }
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && !is_separator(text[end])) ++end;
    std::string_view token = text.substr(pos, end - pos);
    std::optional<int> rating = rating_of(token);
    if (same_ignoring_case(token, two_words_first)) {
      std::size_t next = end;
      while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
      std::size_t next_end = next;
      while (next_end < text.size() && !is_separator(text[next_end])) ++next_end;
      if (next > end && same_ignoring_case(text.substr(next, next_end - next), two_words_second)) {
        rating = highest_rating;
        end = next_end;
      }
    }
    const std::size_t index = answers.size();
    if (index >= items.size()) {
      // Stop at the first extra value: the rest of a huge input is never looked at.
      fail_pointing_at_items(fmt::format("too many answers: expected {}, one per statement", items.size()));
    }
    if (!rating) {
      throw Error(Problem::usage, fmt::format("{} is '{}', which is not on the scale; use a number from {} to "
                                              "{}, a word or its first letter ({}), or x if it does not apply",
                                              answer_name(index, items), printable(token, 20), lowest_rating,
                                              highest_rating, describe_scale()));
    }
    answers.push_back(*rating);
    commas_since_value = 0;
    pos = end;
  }
  if (commas_since_value > 0)
    fail_pointing_at_items(fmt::format("empty answer after answer {} (a comma at the end)", answers.size()));
  if (answers.empty() && !items.empty()) {
    fail_pointing_at_items(fmt::format("no answers given: expected {}, one per statement, each from {} to {}",
                                       items.size(), lowest_rating, highest_rating));
  }
  if (answers.size() < items.size()) {
    fail_pointing_at_items(fmt::format("only {} of {} answers given: {} is missing", answers.size(), items.size(),
                                       answer_name(answers.size(), items)));
  }
  return answers;
}

}  // namespace aa
