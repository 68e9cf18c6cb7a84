// SPDX-License-Identifier: MIT
#include "aa/content/toml_file.hpp"

#include <fmt/core.h>

namespace aa {
namespace {

void write_sections(std::string& out, const Content& content) {
  for (const Section& section : content.sections) {
    out += "\n[[section]]\n";
    out += "slug = " + toml_string(section.slug) + "\n";
    out += "title = " + toml_string(section.title) + "\n";
    out += "paragraphs = [\n";
    for (std::string_view paragraph : section.paragraphs) out += "  " + toml_string(paragraph) + ",\n";
    out += "]\n";
  }
}

void write_questions(std::string& out, const Content& content) {
  for (const Question& question : content.questions) {
    out += "\n[[question]]\n";
    out += "id = " + toml_string(question.id) + "\n";
    out += "question = " + toml_string(question.question) + "\n";
    out += "answer = " + toml_string(question.answer) + "\n";
    if (!question.see.empty()) {
      std::string slugs;
      for (std::string_view slug : question.see) slugs += (slugs.empty() ? "" : ", ") + toml_string(slug);
      out += "see = [" + slugs + "]\n";
    }
  }
}

void write_checklist(std::string& out, const Content& content) {
  for (const ChecklistItem& item : content.checklist) {
    out += "\n[[item]]\n";
    out += "id = " + toml_string(item.id) + "\n";
    out += "sign = " + toml_string(item.sign) + "\n";
    out += "statement = " + toml_string(item.statement) + "\n";
    out += "about = " + toml_string(item.about) + "\n";
    for (const HelpLink& link : item.help) {
      out += "\n[[item.help]]\n";
      out += "section = " + toml_string(link.section) + "\n";
      out += "point = " + toml_string(link.point) + "\n";
    }
  }
}

void write_tips(std::string& out, const Content& content) {
  std::string_view category;
  for (const Tip& tip : content.tips) {
    // A comment where the category changes, for a reader finding their way.
    if (tip.category != category) out += "\n# " + std::string(tip.category) + "\n";
    category = tip.category;
    out += "\n[[tip]]\n";
    out += "id = " + toml_string(tip.id) + "\n";
    out += "category = " + toml_string(tip.category) + "\n";
    out += "section = " + toml_string(tip.section) + "\n";
    out += "text = " + toml_string(tip.text) + "\n";
  }
}

void write_prompts(std::string& out, const Content& content) {
  for (const Prompt& prompt : content.prompts) {
    out += "\n[[prompt]]\n";
    out += "id = " + toml_string(prompt.id) + "\n";
    out += "section = " + toml_string(prompt.section) + "\n";
    if (!prompt.sign.empty()) out += "sign = " + toml_string(prompt.sign) + "\n";
    out += "text = " + toml_string(prompt.text) + "\n";
  }
}

// What every header ends with: the rules for all values, and where to
// read more. The file's own part comes first.
constexpr std::string_view common_rules =
    "#\n"
    "# Every text is a string on one line, in double quotes: not empty, with no\n"
    "# control characters (tabs and line breaks included) and no spaces at either\n"
    "# end. Typographic quotes and dashes are welcome. Write \\\" for a double\n"
    "# quote and \\\\ for a backslash. An id (slug, id, category) is lower-case\n"
    "# letters and digits in words joined by single hyphens, such as\n"
    "# \"busy-not-leaving\"; within a file no two records share one. A section\n"
    "# (in tips and checklist items) or see (in questions) names a section by its\n"
    "# slug, which must exist in sections.toml; a sign (in prompts) names a\n"
    "# checklist item by its id, which must exist in checklist.toml.\n"
    "#\n"
    "# Use a folder of these files with --content-dir FOLDER (or\n"
    "# AA_CONTENT_DIR=FOLDER): each file there replaces its built-in twin; delete\n"
    "# the ones you do not change. `aa-content check FOLDER` lists every problem\n"
    "# in them at once. The full format: man 5 aa-content.\n";

// One entry a content file: a fifth kind of content is one more line here.
struct ContentFileFormat {
  ContentKind kind;
  std::string_view header;  // what this file holds and its keys, as comments
  void (*write_records)(std::string& out, const Content& content);
};

constexpr ContentFileFormat formats[] = {
    {ContentKind::sections,
     "# sections.toml: the guide that aa-read shows, one [[section]] table a\n"
     "# section, in reading order (a section's number is its place here).\n"
     "#\n"
     "# Keys, all required:\n"
     "#   slug        the section's id, as in `aa-read SLUG`\n"
     "#   title       its title\n"
     "#   paragraphs  its text, one string a paragraph; a paragraph that starts\n"
     "#               with \"- \" or \"1. \" is an item of a list\n",
     write_sections},
    {ContentKind::faq,
     "# faq.toml: the questions that aa-faq answers, one [[question]] table a\n"
     "# question, numbered from 1 in the order of this file.\n"
     "#\n"
     "# Keys:\n"
     "#   id        required: the question's id\n"
     "#   question  required: the question\n"
     "#   answer    required: the answer, as one paragraph\n"
     "#   see       optional: slugs of sections that say more, as\n"
     "#             [\"support\", \"summary\"]; leave it out rather than empty\n",
     write_questions},
    {ContentKind::checklist,
     "# checklist.toml: the statements of aa-check, one [[item]] table a\n"
     "# statement, asked in the order of this file and rated from 0 (never) to\n"
     "# 4 (almost always).\n"
     "#\n"
     "# Keys, all required:\n"
     "#   id         the statement's id, kept in the history\n"
     "#   sign       the sign it is about\n"
     "#   statement  the statement, in the first person\n"
     "#   about      a few sentences about the sign, shown for '?'\n"
     "#   help       one or more [[item.help]] tables after the item, each with\n"
     "#              section (a slug: where to read) and point (what helps)\n",
     write_checklist},
    {ContentKind::tips,
     "# tips.toml: the tips of aa-tip, one [[tip]] table a tip. The order of\n"
     "# this file is the order of aa-tip --list; the tip of the day has an\n"
     "# order of its own, which changes when a tip is added or removed.\n"
     "#\n"
     "# Keys, all required:\n"
     "#   id        the tip's id, as in `aa-tip --id ID`\n"
     "#   category  its category, as in `aa-tip --category NAME`; any id will do\n"
     "#   section   the slug of the section to read more in\n"
     "#   text      the tip, best one line of 80 columns or less; not only \"%\"\n"
     "#\n"
     "# A file like this one in ~/.local/share/aa/tips/ (any name ending in\n"
     "# .toml) adds its tips to these rather than replacing them.\n",
     write_tips},
    {ContentKind::prompts,
     "# prompts.toml: the reflection prompts of aa-journal, one [[prompt]] table\n"
     "# a prompt. The prompt of the day has an order of its own, which changes\n"
     "# when a prompt is added or removed.\n"
     "#\n"
     "# Keys:\n"
     "#   id        required: the prompt's id, as in `aa-journal --prompt-id ID`;\n"
     "#             journal entries keep it, so keep it once you have used it\n"
     "#   section   required: the slug of the section the prompt practises\n"
     "#   sign      optional: the id of the checklist item it is about\n"
     "#   text      required: the prompt, best a short, open question\n",
     write_prompts},
};

}  // namespace

std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        // TOML allows no other C0 control, nor DEL, as it is.
        if (byte < 0x20 || byte == 0x7f) {
          out += fmt::format("\\u{:04X}", byte);
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string content_file_text(const Content& content, ContentKind kind) {
  for (const ContentFileFormat& format : formats) {
    if (format.kind != kind) continue;
    std::string out(format.header);
    out += common_rules;
    format.write_records(out, content);
    return out;
  }
  return {};
}

}  // namespace aa
