// SPDX-License-Identifier: MIT
// The names completion scripts ask a command for at completion time, so
// that they follow the content the command really shows.
#include <algorithm>
#include <string>

#include "aa/cli/completion.hpp"
#include "aa/core/date.hpp"
#include "aa/core/tips.hpp"
#include "aa/io/error.hpp"

namespace aa::cli {

std::string completion_name_line(std::string_view name, std::string_view description) {
  std::string line(name);
  if (!description.empty()) {
    line += '\t';
    for (char c : description) line += c == '\t' || c == '\n' ? ' ' : c;
  }
  return line + '\n';
}

const std::vector<std::string>& completion_name_kinds() {
  static const std::vector<std::string> kinds = {"sections", "questions", "tips", "categories", "prompts", "today"};
  return kinds;
}

std::string completion_names(std::string_view kind, const std::function<Content()>& content, std::int64_t today) {
  std::string out;
  if (kind == "today") {
    out += completion_name_line(format_iso_date(today), "today");
    return out;
  }
  const auto known = std::find(completion_name_kinds().begin(), completion_name_kinds().end(), kind);
  if (known == completion_name_kinds().end()) {
    throw Error(Problem::usage, "no names of the kind '" + std::string(kind) + "'");
  }
  // Kept here: the views below point into it.
  const Content loaded = content();
  if (kind == "sections") {
    // In reading order: the order of the guide, never sorted.
    for (const Section& section : loaded.sections) out += completion_name_line(section.slug, section.title);
  } else if (kind == "questions") {
    // By number and by id, each described by the question.
    for (std::size_t i = 0; i < loaded.questions.size(); ++i) {
      out += completion_name_line(std::to_string(i + 1), loaded.questions[i].question);
    }
    for (const Question& question : loaded.questions) out += completion_name_line(question.id, question.question);
  } else if (kind == "tips") {
    for (const Tip& tip : loaded.tips) out += completion_name_line(tip.id, tip.text);
  } else if (kind == "prompts") {
    for (const Prompt& prompt : loaded.prompts) out += completion_name_line(prompt.id, prompt.text);
  } else if (kind == "categories") {
    for (std::string_view category : tip_categories(loaded.tips)) out += completion_name_line(category, "");
  }
  return out;
}

}  // namespace aa::cli
