// SPDX-License-Identifier: MIT
#include "aa/core/render_guide.hpp"

#include <algorithm>
#include <vector>

#include <fmt/color.h>
#include <fmt/core.h>

#include "aa/content/text.hpp"
#include "aa/core/json.hpp"
#include "aa/core/markdown.hpp"
#include "aa/core/render_table.hpp"

namespace aa {
namespace {

constexpr fmt::text_style heading_style = fmt::text_style(fmt::emphasis::bold) | fmt::fg(fmt::terminal_color::cyan);
constexpr fmt::text_style hint_style = fmt::emphasis::faint;
constexpr fmt::text_style name_style = fmt::fg(fmt::terminal_color::magenta);

// Narrower than this, a hanging indent leaves too little room for words.
constexpr std::size_t min_text_width = 12;

// `text` in `style` when colour is on, each line styled on its own so that
// any line a pager shows first looks right.
std::string paint(std::string_view text, const fmt::text_style& style, bool color) {
  if (!color) return std::string(text);
  std::string out;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\n', start);
    const std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!line.empty()) out += fmt::format(style, "{}", line);
    if (end == std::string_view::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

// `body` after `first` (a list marker, or the columns before a title),
// wrapped to `width` with later lines hanging under the body. On a very
// narrow line the indent goes, so that no line is wider than asked.
std::string hang(std::string_view first, std::string_view body, std::size_t width) {
  const std::size_t indent = display_width(first);
  if (width > 0 && width < indent + min_text_width)
    return wrap_paragraph(std::string(first) + std::string(body), width);
  return wrap_paragraph(body, width, first, std::string(indent, ' '));
}

// Blocks (headings, paragraphs, list items) one after another. Spaced
// output puts a blank line between blocks but keeps a list's items together.
class Blocks {
 public:
  explicit Blocks(bool spaced) : spaced_(spaced) {}

  void add(std::string_view block, BlockKind kind = BlockKind::paragraph) {
    const bool same_list = kind != BlockKind::paragraph && kind == last_kind_;
    if (!out_.empty() && spaced_ && !same_list) out_ += '\n';
    out_ += block;
    out_ += '\n';
    last_kind_ = kind;
  }

  std::string take() { return std::move(out_); }

 private:
  bool spaced_;
  BlockKind last_kind_ = BlockKind::paragraph;
  std::string out_;
};

// The titles of the Markdown documents.
constexpr std::string_view guide_title = "Anxious attachment: a guide";
constexpr std::string_view questions_title = "Anxious attachment: common questions";

std::string number_marker(std::size_t index) { return fmt::format("{}.", index + 1); }

std::string join_slugs(TextList slugs) {
  std::string out;
  for (std::string_view slug : slugs) out += fmt::format(" {}", slug);
  return out;
}

// ---- sections --------------------------------------------------------------

// A paragraph of the guide as text: items hang under a bullet or number
// when wrapped; unwrapped, the paragraph stays exactly as written.
std::string paragraph_text(std::string_view paragraph, std::size_t width) {
  if (width == 0) return std::string(paragraph);
  const Block block = block_of(paragraph);
  switch (block.kind) {
    case BlockKind::bullet: return hang("  • ", block.body, width);
    case BlockKind::numbered: return hang(fmt::format("  {} ", block.marker), block.body, width);
    case BlockKind::paragraph: break;
  }
  return wrap_paragraph(paragraph, width);
}

// What to read after section `index`, for a person at a terminal.
std::string next_hint(std::span<const Section> sections, std::size_t index, const References& references) {
  if (index + 1 < sections.size()) {
    return fmt::format("Next: {} {} ({})", references.section_reader, index + 2, sections[index + 1].title);
  }
  return fmt::format("That is the end of the guide. For common questions, try {}.", references.question_reader);
}

std::string section_text(std::span<const Section> sections, std::size_t index, bool show_next,
                         const GuideStyle& style) {
  Blocks blocks(style.width > 0);
  const Section& section = sections[index];
  blocks.add(paint(hang(number_marker(index) + " ", section.title, style.width), heading_style, style.color));
  for (std::string_view paragraph : section.paragraphs) {
    blocks.add(paragraph_text(paragraph, style.width), block_of(paragraph).kind);
  }
  if (show_next)
    blocks.add(
        paint(wrap_paragraph(next_hint(sections, index, style.references), style.width), hint_style, style.color));
  return blocks.take();
}

std::string section_markdown(std::span<const Section> sections, std::size_t index, std::size_t width) {
  Blocks blocks(true);
  const Section& section = sections[index];
  // A heading must stay on one line, whatever the width.
  blocks.add(
      markdown_heading(1, fmt::format("{} {}", number_marker(index), escape_markdown(section.title)), section.slug));
  for (std::string_view paragraph : section.paragraphs) {
    const Block block = block_of(paragraph);
    switch (block.kind) {
      case BlockKind::bullet: blocks.add(markdown_paragraph(block.body, width, "- ", "  "), block.kind); break;
      case BlockKind::numbered: {
        const std::string marker = fmt::format("{} ", block.marker);
        blocks.add(markdown_paragraph(block.body, width, marker, std::string(marker.size(), ' ')), block.kind);
        break;
      }
      case BlockKind::paragraph: blocks.add(markdown_paragraph(block.body, width)); break;
    }
  }
  return blocks.take();
}

// ---- tables ----------------------------------------------------------------

struct Row {
  std::string_view key;   // slug or id
  std::string_view text;  // title or question
};

// Rows as aligned columns (number, key, text) for a terminal, the text
// wrapped under itself; or as tab-separated fields for a script.
std::string table_text(std::span<const Row> rows, const GuideStyle& style) {
  std::string out;
  if (!style.terminal) {
    for (std::size_t i = 0; i < rows.size(); ++i) out += fmt::format("{}\t{}\t{}\n", i + 1, rows[i].key, rows[i].text);
    return out;
  }
  std::vector<TableRow> table;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    table.push_back({{std::to_string(i + 1), std::string(rows[i].key)}, rows[i].text});
  }
  static constexpr fmt::text_style key_styles[] = {{}, name_style};
  return aligned_table(table, {style.width, style.color, key_styles});
}

std::string table_markdown(std::string_view title, std::span<const Row> rows) {
  std::string out = markdown_title(title);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out += fmt::format("{}. {} (`{}`)\n", i + 1, escape_markdown(rows[i].text), rows[i].key);
  }
  return out;
}

// ---- questions -------------------------------------------------------------

std::string question_text(std::span<const Question> questions, std::size_t index, const GuideStyle& style) {
  Blocks blocks(style.width > 0);
  const Question& question = questions[index];
  blocks.add(paint(hang(number_marker(index) + " ", question.question, style.width), heading_style, style.color));
  blocks.add(wrap_paragraph(question.answer, style.width));
  if (!question.see.empty()) {
    const std::string more = fmt::format("Read more: {}{}", style.references.section_reader, join_slugs(question.see));
    blocks.add(paint(wrap_paragraph(more, style.width), hint_style, style.color));
  }
  return blocks.take();
}

std::string question_markdown(std::span<const Question> questions, std::size_t index, const GuideStyle& style) {
  const std::size_t width = style.width;
  Blocks blocks(true);
  const Question& question = questions[index];
  blocks.add(
      markdown_heading(1, fmt::format("{} {}", number_marker(index), escape_markdown(question.question)), question.id));
  blocks.add(markdown_paragraph(question.answer, width));
  if (!question.see.empty()) {
    blocks.add(fmt::format("Read more: `{}{}`", style.references.section_reader, join_slugs(question.see)));
  }
  return blocks.take();
}

// Sections or questions joined by a blank line.
template <typename RenderOne>
std::string join_items(std::span<const std::size_t> chosen, RenderOne render_one) {
  std::string out;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    if (i > 0) out += '\n';
    out += render_one(i);
  }
  return out;
}

}  // namespace

Block block_of(std::string_view paragraph) {
  if (paragraph.starts_with("- ")) return {BlockKind::bullet, paragraph.substr(0, 1), paragraph.substr(2)};
  std::size_t digits = 0;
  while (digits < paragraph.size() && paragraph[digits] >= '0' && paragraph[digits] <= '9') ++digits;
  if (digits > 0 && paragraph.substr(digits).starts_with(". ")) {
    return {BlockKind::numbered, paragraph.substr(0, digits + 1), paragraph.substr(digits + 2)};
  }
  return {BlockKind::paragraph, {}, paragraph};
}

std::string render_sections(std::span<const Section> sections, std::span<const std::size_t> chosen, Format format,
                            const GuideStyle& style) {
  switch (format) {
    case Format::json: return sections_json(sections, chosen);
    case Format::markdown:
      return markdown_title(guide_title) +
             join_items(chosen, [&](std::size_t i) { return section_markdown(sections, chosen[i], style.width); });
    case Format::text:
    case Format::fortune:  // tips only: the commands do not offer it here
      break;
  }
  return join_items(chosen, [&](std::size_t i) {
    // Where the next section follows anyway, saying so is noise.
    const bool next_follows = i + 1 < chosen.size() && chosen[i + 1] == chosen[i] + 1;
    return section_text(sections, chosen[i], style.terminal && !next_follows, style);
  });
}

std::string render_section_list(std::span<const Section> sections, Format format, const GuideStyle& style) {
  if (format == Format::json) return section_list_json(sections);
  std::vector<Row> rows;
  for (const Section& section : sections) rows.push_back({section.slug, section.title});
  if (format == Format::markdown) return table_markdown(guide_title, rows);
  std::string out = table_text(rows, style);
  // For a person, not a script: how to open one, and where help is.
  if (style.terminal && !sections.empty()) {
    const std::string_view reader = style.references.section_reader;
    std::string after = fmt::format("Open one: {} 1, or {} {}. ", reader, reader, sections.front().slug);
    after += crisis_words;
    const bool has_safety =
        std::any_of(sections.begin(), sections.end(), [](const Section& section) { return section.slug == "safety"; });
    if (has_safety) after += fmt::format(" If you are not safe with someone: {} safety.", reader);
    out += "\n" + paint(wrap_paragraph(after, style.width), hint_style, style.color) + "\n";
  }
  return out;
}

std::string render_questions(std::span<const Question> questions, std::span<const std::size_t> chosen, Format format,
                             const GuideStyle& style) {
  switch (format) {
    case Format::json: return questions_json(questions, chosen);
    case Format::markdown:
      return markdown_title(questions_title) +
             join_items(chosen, [&](std::size_t i) { return question_markdown(questions, chosen[i], style); });
    case Format::text:
    case Format::fortune:  // tips only: the commands do not offer it here
      break;
  }
  return join_items(chosen, [&](std::size_t i) { return question_text(questions, chosen[i], style); });
}

std::string render_question_list(std::span<const Question> questions, Format format, const GuideStyle& style) {
  if (format == Format::json) return question_list_json(questions);
  std::vector<Row> rows;
  for (const Question& question : questions) rows.push_back({question.id, question.question});
  return format == Format::markdown ? table_markdown(questions_title, rows) : table_text(rows, style);
}

}  // namespace aa
