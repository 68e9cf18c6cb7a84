// SPDX-License-Identifier: MIT
// The names completion scripts ask a command for at completion time, so
// that they follow the content (and the stores) the command really shows.
#include <algorithm>
#include <string>

#include <fmt/core.h>

#include "aa/cli/completion.hpp"
#include "aa/content/text.hpp"
#include "aa/core/check.hpp"
#include "aa/core/date.hpp"
#include "aa/core/journal.hpp"
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
  static const std::vector<std::string> kinds = {"sections", "questions", "tips",    "categories", "prompts",
                                                 "today",    "results",   "entries", "tags",       "exercises"};
  return kinds;
}

namespace {

// "2026-03-01 21:14" from a time kept as RFC 3339, as --history shows it;
// the date alone when there is no time.
std::string to_the_minute(std::string_view date, std::string_view time) {
  if (time.size() < 16) return terminal_safe(date);
  return terminal_safe(std::string(date) + " " + std::string(time.substr(11, 5)));
}

}  // namespace

std::string completion_names(std::string_view kind, const NameSources& sources) {
  std::string out;
  if (kind == "today") {
    out += completion_name_line(format_iso_date(sources.today), "today");
    return out;
  }
  // The ids as --history and --list print them, made safe the same way.
  if (kind == "results") {
    for (const CheckRecord& record : sources.results()) {
      out += completion_name_line(
          terminal_safe(record.id),
          fmt::format("{}, total {} of {}", to_the_minute(record.date, record.time), record.total, record.max));
    }
    return out;
  }
  if (kind == "entries") {
    for (const JournalEntry& entry : sources.entries()) {
      const std::string date = to_the_minute(entry_date(entry), entry.time);
      out += completion_name_line(std::to_string(entry.id), entry.prompt.empty()
                                                                ? date + ", a free entry"
                                                                : date + ", prompt " + terminal_safe(entry.prompt));
    }
    return out;
  }
  if (kind == "tags") {
    // Each tag once, in the order first used, with how many entries have it.
    std::vector<std::pair<std::string, std::size_t>> tags;
    for (const JournalEntry& entry : sources.entries()) {
      for (const std::string& tag : entry.tags) {
        const auto found = std::find_if(tags.begin(), tags.end(), [&](const auto& seen) { return seen.first == tag; });
        if (found == tags.end()) {
          tags.emplace_back(tag, 1);
        } else {
          ++found->second;
        }
      }
    }
    for (const auto& [tag, count] : tags) {
      out += completion_name_line(terminal_safe(tag), fmt::format("{} entr{}", count, count == 1 ? "y" : "ies"));
    }
    return out;
  }
  const auto known = std::find(completion_name_kinds().begin(), completion_name_kinds().end(), kind);
  if (known == completion_name_kinds().end()) {
    throw Error(Problem::usage, "no names of the kind '" + std::string(kind) + "'");
  }
  // Kept here: the views below point into it.
  const Content loaded = sources.content();
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
  } else if (kind == "exercises") {
    for (const Exercise& exercise : loaded.exercises) out += completion_name_line(exercise.id, exercise.title);
  } else if (kind == "categories") {
    for (std::string_view category : tip_categories(loaded.tips)) out += completion_name_line(category, "");
  }
  return out;
}

}  // namespace aa::cli
