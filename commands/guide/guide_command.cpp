// SPDX-License-Identifier: MIT
#include "guide/guide_command.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <numeric>
#include <span>
#include <string>
#include <vector>

#include "aa/cli/cli_options.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/core/json.hpp"
#include "aa/core/render_guide.hpp"
#include "aa/core/render_search.hpp"
#include "aa/core/search.hpp"
#include "aa/core/sections.hpp"

namespace aa::cli {
namespace {

// How a command reaches the records of its document.
template <class Record>
struct Document;

template <>
struct Document<Section> {
  static std::span<const Section> in(const Content& content) { return content.sections; }
  static constexpr auto find = find_section_index;
  static constexpr auto render = render_sections;
  static constexpr auto render_list = render_section_list;
  static constexpr auto search = search_sections;
  static constexpr std::string_view searched = "paragraph of the guide";
  static constexpr auto hits_json = section_hits_json;
  static constexpr auto render_hits = render_section_hits;
};

template <>
struct Document<Question> {
  static std::span<const Question> in(const Content& content) { return content.questions; }
  static constexpr auto find = find_question_index;
  static constexpr auto render = render_questions;
  static constexpr auto render_list = render_question_list;
  static constexpr auto search = search_questions;
  static constexpr std::string_view searched = "question or answer";
  static constexpr auto hits_json = question_hits_json;
  static constexpr auto render_hits = render_question_hits;
};

template <class Record>
GuideText search_results(const GuideOptions& o, std::span<const Record> records, const cli::Output& output) {
  const Format format = output.format;
  const auto hits = Document<Record>::search(records, o.search);
  if (hits.empty()) {
    // In JSON a script reads a valid document, the empty list, and still
    // learns from the exit status that nothing was found.
    return {format == Format::json ? Document<Record>::hits_json(records, hits) : "",
            cli::no_hits(Document<Record>::searched, o.search)};
  }
  if (format == Format::json) return {Document<Record>::hits_json(records, hits), std::nullopt};
  // On a terminal, laid out as aa-read's list is; in a pipe, grep's lines.
  const std::size_t table = output.terminal.stdout_is_tty ? output.width : 0;
  return {Document<Record>::render_hits(records, hits, HitStyle{output.color, table}), std::nullopt};
}

template <class Record>
GuideText text_of(const GuideOptions& o, const cli::Output& output) {
  if (!o.search.empty()) {
    cli::require_format(output.format, cli::Printout::hits, "--search");
  } else {
    cli::require_format(output.format, cli::Printout::document, "this output");
  }
  const Content content = cli::load_content(o.common);
  const std::span<const Record> records = Document<Record>::in(content);
  if (!o.search.empty()) return search_results(o, records, output);
  const Format format = output.format;
  const GuideStyle style{output.width, output.color, output.terminal.stdout_is_tty, cli::references()};
  if (o.all || !o.names.empty()) {
    std::vector<std::size_t> chosen(o.all ? records.size() : 0);
    std::iota(chosen.begin(), chosen.end(), std::size_t{0});
    for (const std::string& name : o.names) {
      // "aa-read 1 strat 1" shows each section once, where it is first named.
      const std::size_t index = Document<Record>::find(records, name);
      if (std::find(chosen.begin(), chosen.end(), index) == chosen.end()) chosen.push_back(index);
    }
    return {Document<Record>::render(records, chosen, format, style), std::nullopt};
  }
  return {Document<Record>::render_list(records, format, style), std::nullopt};
}

// What people do most with each.
constexpr std::array<cli::Example, 4> read_examples = {{
    {"The table of contents", "aa-read"},
    {"One section, by its number or its name", "aa-read signs"},
    {"Every paragraph that mentions a word", "aa-read --search reassurance"},
    {"The whole guide as one Markdown file", "aa-read --all --format markdown > guide.md"},
}};
constexpr std::array<cli::Example, 3> faq_examples = {{
    {"The questions", "aa-faq"},
    {"One answer, by its number or the start of its id", "aa-faq 2"},
    {"Every question and answer that mentions a word", "aa-faq --search partner"},
}};

}  // namespace

const GuideCommandWords& guide_command_words(GuideDocument document) {
  static constexpr GuideCommandWords read{
      .program = "aa-read",
      .about = "Read the guide on anxious attachment: the table of contents, a section, or all of it.",
      .item = "SECTION",
      .item_help = "Sections to read, by number, slug, or the start of a slug or title",
      .item_names = "sections",
      .list_help = "The table of contents (also with no SECTION)",
      .all_help = "The whole guide, in order",
      .search_help = "Every paragraph that contains TEXT, ignoring case",
      .examples = read_examples,
  };
  static constexpr GuideCommandWords faq{
      .program = "aa-faq",
      .about = "Common questions about healing from anxious attachment and seeking help, with their answers.",
      .item = "QUESTION",
      .item_help = "Questions to answer, by number, id, or the start of an id or question",
      .item_names = "questions",
      .list_help = "The questions, numbered (also with no QUESTION)",
      .all_help = "Every question with its answer",
      .search_help = "Every question and answer that contains TEXT, ignoring case",
      .examples = faq_examples,
  };
  return document == GuideDocument::sections ? read : faq;
}

void setup_guide_command(CLI::App& app, const GuideCommandWords& words, GuideOptions& o) {
  cli::describe(app, words.program, {words.examples.begin(), words.examples.end()});
  auto* names = app.add_option(std::string(words.item), o.names, std::string(words.item_help))
                    ->check(cli::completes_names(words.item_names))
                    ->type_name("");
  auto* list = app.add_flag("-l,--list", o.list, std::string(words.list_help));
  auto* all = app.add_flag("-a,--all", o.all, std::string(words.all_help));
  auto* search = app.add_option("-s,--search", o.search, std::string(words.search_help))
                     ->check(cli::not_empty())
                     ->type_name("TEXT");
  cli::add_format_option(app, o.common, {cli::Printout::document, cli::Printout::hits});
  cli::add_output_options(app, o.common);
  cli::add_content_option(app, o.common);

  list->excludes(names, all, search);
  all->excludes(names, search);
  search->excludes(names);
}

GuideText guide_text(GuideDocument document, const GuideOptions& options, const cli::Output& output) {
  return document == GuideDocument::sections ? text_of<Section>(options, output) : text_of<Question>(options, output);
}

}  // namespace aa::cli
