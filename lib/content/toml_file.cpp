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

std::string toml_strings(TextList texts) {
  std::string out = "[\n";
  for (std::string_view text : texts) out += "  " + toml_string(text) + ",\n";
  return out + "]";
}

std::string_view step_kind_word(StepKind kind) {
  switch (kind) {
    case StepKind::text: return "text";
    case StepKind::scale: return "scale";
    case StepKind::choice: return "choice";
    case StepKind::paced: return "paced";
  }
  return "";
}

void write_step(std::string& out, const ExerciseStep& step) {
  out += "\n[[exercise.step]]\n";
  out += "id = " + toml_string(step.id) + "\n";
  out += fmt::format("kind = \"{}\"\n", step_kind_word(step.kind));
  out += "prompt = " + toml_string(step.prompt) + "\n";
  if (!step.help.empty()) out += "help = " + toml_string(step.help) + "\n";
  switch (step.kind) {
    case StepKind::text:
      if (step.optional) out += "optional = true\n";
      break;
    case StepKind::scale:
      out += fmt::format("min = {}\nmax = {}\n", step.min, step.max);
      out += "low = " + toml_string(step.low) + "\n";
      out += "high = " + toml_string(step.high) + "\n";
      break;
    case StepKind::choice: out += "options = " + toml_strings(step.options) + "\n"; break;
    case StepKind::paced:
      out += "lines = " + toml_strings(step.lines) + "\n";
      if (step.pause != 0) out += fmt::format("pause = {}\n", step.pause);
      break;
  }
}

void write_exercises(std::string& out, const Content& content) {
  for (const Exercise& exercise : content.exercises) {
    out += "\n[[exercise]]\n";
    out += "id = " + toml_string(exercise.id) + "\n";
    out += "section = " + toml_string(exercise.section) + "\n";
    out += "title = " + toml_string(exercise.title) + "\n";
    out += "about = " + toml_string(exercise.about) + "\n";
    if (!exercise.sentence.empty()) out += "sentence = " + toml_string(exercise.sentence) + "\n";
    if (!exercise.closing.empty()) out += "closing = " + toml_string(exercise.closing) + "\n";
    for (const ExerciseStep& step : exercise.steps) write_step(out, step);
  }
}

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

std::string content_file_text(const Content& content, ContentKind kind, std::string_view header) {
  std::string out(header);
  switch (kind) {
    case ContentKind::sections: write_sections(out, content); break;
    case ContentKind::faq: write_questions(out, content); break;
    case ContentKind::checklist: write_checklist(out, content); break;
    case ContentKind::tips: write_tips(out, content); break;
    case ContentKind::prompts: write_prompts(out, content); break;
    case ContentKind::exercises: write_exercises(out, content); break;
  }
  return out;
}

}  // namespace aa
