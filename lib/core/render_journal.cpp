// SPDX-License-Identifier: MIT
#include "aa/core/render_journal.hpp"

#include <fmt/color.h>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "aa/content/text.hpp"
#include "aa/core/date.hpp"
#include "aa/core/json.hpp"
#include "aa/core/markdown.hpp"

namespace aa {
namespace {

constexpr fmt::text_style heading_style = fmt::emphasis::bold;
constexpr fmt::text_style prompt_style = fmt::emphasis::italic;
// grep's colours, as the other searches show them.
constexpr fmt::text_style id_style = fmt::fg(fmt::terminal_color::magenta);
constexpr fmt::text_style match_style = fmt::text_style(fmt::emphasis::bold) | fmt::fg(fmt::terminal_color::red);

std::string styled(std::string_view text, const fmt::text_style& style, bool color) {
  return color ? fmt::format(style, "{}", text) : std::string(text);
}

// A line of an entry as a terminal should show it: tabs kept, anything a
// terminal would act on escaped.
std::string safe_line(std::string_view line) {
  std::string out;
  while (true) {
    const std::size_t tab = line.find('\t');
    out += terminal_safe(line.substr(0, tab));
    if (tab == std::string_view::npos) return out;
    out += '\t';
    line.remove_prefix(tab + 1);
  }
}

template <typename Each>
void for_each_line(std::string_view text, Each each) {
  std::size_t number = 0;
  while (true) {
    const std::size_t end = text.find('\n');
    each(text.substr(0, end), number++);
    if (end == std::string_view::npos) return;
    text.remove_prefix(end + 1);
  }
}

const Prompt* prompt_of(std::string_view id, std::span<const Prompt> prompts) {
  if (id.empty()) return nullptr;
  for (const Prompt& prompt : prompts) {
    if (prompt.id == id) return &prompt;
  }
  return nullptr;
}

nlohmann::ordered_json prompt_value(const Prompt& prompt) {
  nlohmann::ordered_json value = {
      {"id", prompt.id}, {"section", prompt.section}, {"sign", nullptr}, {"text", prompt.text}};
  if (!prompt.sign.empty()) value["sign"] = prompt.sign;
  return value;
}

nlohmann::ordered_json entry_value(const JournalEntry& entry, std::span<const Prompt> prompts) {
  nlohmann::ordered_json value = {{"id", entry.id},    {"time", entry.time},     {"date", entry_date(entry)},
                                  {"prompt", nullptr}, {"prompt_text", nullptr}, {"text", entry.text}};
  if (!entry.prompt.empty()) value["prompt"] = entry.prompt;
  if (const Prompt* prompt = prompt_of(entry.prompt, prompts)) value["prompt_text"] = prompt->text;
  value["tags"] = entry.tags;
  if (entry.exercise) value["exercise"] = exercise_json(*entry.exercise);
  return value;
}

std::string entry_text(const JournalEntry& entry, std::span<const Prompt> prompts, const JournalStyle& style) {
  std::string heading = fmt::format("{} · {}", entry.id, terminal_safe(readable_time(entry.time)));
  if (!entry.prompt.empty()) heading += fmt::format(" · {}", terminal_safe(entry.prompt));
  if (!entry.tags.empty()) {
    heading += " ·";
    for (const std::string& tag : entry.tags) heading += " #" + terminal_safe(tag);
  }
  std::string out = styled(heading, heading_style, style.color) + "\n";
  if (const Prompt* prompt = prompt_of(entry.prompt, prompts)) {
    out += styled(wrap_paragraph(prompt->text, style.width), prompt_style, style.color) + "\n";
  }
  for_each_line(entry.text, [&](std::string_view line, std::size_t) {
    out += (style.width > 0 ? wrap_paragraph(safe_line(line), style.width) : safe_line(line)) + "\n";
  });
  return out;
}

// An entry's lines as Markdown: each line kept as a line (a hard break,
// "\" at its end), blank lines parting paragraphs.
std::string entry_markdown(std::string_view text) {
  std::string out;
  std::vector<std::string> paragraph;
  auto flush = [&] {
    for (std::size_t i = 0; i < paragraph.size(); ++i) out += paragraph[i] + (i + 1 < paragraph.size() ? "\\\n" : "\n");
    if (!paragraph.empty()) out += '\n';
    paragraph.clear();
  };
  for_each_line(text, [&](std::string_view line, std::size_t) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) return flush();
    std::string safe = escape_markdown(terminal_safe(line));
    // Tabs and runs of spaces at a line's start would make it code.
    const std::size_t start = safe.find_first_not_of(" \t");
    paragraph.push_back(safe.substr(start));
  });
  flush();
  return out;
}

}  // namespace

std::string render_prompts(std::span<const Prompt* const> prompts, Format format, const JournalStyle& style,
                           std::string_view title) {
  std::string out;
  if (format == Format::json) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const Prompt* prompt : prompts) array.push_back(prompt_value(*prompt));
    return dump_json(array);
  }
  if (format == Format::markdown) {
    out = markdown_title(title);
    for (const Prompt* prompt : prompts) out += markdown_paragraph(prompt->text, style.width) + "\n\n";
    return out;
  }
  for (const Prompt* prompt : prompts) {
    if (!out.empty() && style.width > 0) out += '\n';
    out += wrap_paragraph(prompt->text, style.width) + "\n";
  }
  return out;
}

std::string render_prompt_table(std::span<const Prompt> prompts) {
  std::string out;
  for (const Prompt& prompt : prompts) {
    out += fmt::format("{}\t{}\t{}\t{}\n", prompt.id, prompt.section, prompt.sign.empty() ? "-" : prompt.sign,
                       prompt.text);
  }
  return out;
}

std::string render_entries(std::span<const JournalEntry* const> entries, std::span<const Prompt> prompts, Format format,
                           const JournalStyle& style) {
  if (format == Format::json) {
    return dump_json_array(entries.size(), [&](std::size_t i) { return entry_value(*entries[i], prompts); });
  }
  std::string out;
  if (format == Format::markdown) {
    out = markdown_title("Journal");
    for (const JournalEntry* entry : entries) {
      out += markdown_heading(2, escape_markdown(terminal_safe(readable_time(entry->time))),
                              fmt::format("entry-{}", entry->id)) +
             "\n\n";
      if (!entry->tags.empty()) {
        std::string tags;
        for (const std::string& tag : entry->tags) tags += (tags.empty() ? "" : ", ") + terminal_safe(tag);
        out += "Tags: " + escape_markdown(tags) + "\n\n";
      }
      if (const Prompt* prompt = prompt_of(entry->prompt, prompts)) {
        out += "*" + escape_markdown(prompt->text) + "*\n\n";
      }
      out += entry_markdown(entry->text);
    }
    return out;
  }
  for (const JournalEntry* entry : entries) {
    if (!out.empty()) out += '\n';
    out += entry_text(*entry, prompts, style);
  }
  return out;
}

std::vector<SearchHit> search_entries(std::span<const JournalEntry> entries, std::string_view needle) {
  std::vector<SearchHit> hits;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    for_each_line(entries[i].text, [&](std::string_view line, std::size_t number) {
      std::vector<ByteRange> matches = find_ignoring_case(line, needle);
      if (!matches.empty()) hits.push_back({i, number, line, std::move(matches)});
    });
  }
  return hits;
}

std::string render_entry_hits(std::span<const JournalEntry> entries, std::span<const SearchHit> hits,
                              const JournalStyle& style) {
  std::string out;
  for (const SearchHit& hit : hits) {
    out += styled(std::to_string(entries[hit.item].id), id_style, style.color) + ":";
    std::size_t done = 0;
    for (const ByteRange& match : hit.matches) {
      out += safe_line(hit.text.substr(done, match.begin - done));
      out += styled(safe_line(hit.text.substr(match.begin, match.end - match.begin)), match_style, style.color);
      done = match.end;
    }
    out += safe_line(hit.text.substr(done)) + "\n";
  }
  return out;
}

std::string saved_entry_json(const JournalEntry& entry, std::span<const Prompt> prompts, std::string_view file) {
  return dump_json(nlohmann::ordered_json{{"saved", entry_value(entry, prompts)}, {"file", file}});
}

std::string deleted_entry_json(std::uint64_t id, std::string_view file) {
  return dump_json(nlohmann::ordered_json{{"deleted", id}, {"file", file}});
}

std::string edited_entry_json(const JournalEntry& entry, bool changed, std::span<const Prompt> prompts,
                              std::string_view file) {
  return dump_json(
      nlohmann::ordered_json{{"edited", entry_value(entry, prompts)}, {"changed", changed}, {"file", file}});
}

}  // namespace aa
