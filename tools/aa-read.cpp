// aa-read: read the guide on anxious attachment, a section at a time.
#include <numeric>

#include "aa/cli_options.hpp"
#include "aa/json.hpp"
#include "aa/output.hpp"
#include "aa/render_guide.hpp"
#include "aa/render_search.hpp"
#include "aa/search.hpp"
#include "aa/sections.hpp"

namespace {

struct ReadOptions {
  aa::cli::CommonOptions common;
  std::vector<std::string> names;
  bool list = false;
  bool all = false;
  std::string search;
};

void setup(CLI::App& app, ReadOptions& o) {
  aa::cli::describe(app, "aa-read");
  auto* names = app.add_option("SECTION", o.names,
                               "Sections to read, by number, slug, or the start of a slug or title")
                    ->type_name("");
  auto* list = app.add_flag("-l,--list", o.list, "The table of contents (also with no SECTION)");
  auto* all = app.add_flag("-a,--all", o.all, "The whole guide, in order");
  auto* search = app.add_option("-s,--search", o.search, "Every paragraph that contains TEXT, ignoring case")
                     ->check(aa::cli::not_empty())
                     ->type_name("TEXT");
  aa::cli::add_format_option(app, o.common, {"text", "markdown", "json"});
  aa::cli::add_output_options(app, o.common);
  aa::cli::add_content_option(app, o.common);

  list->excludes(names, all, search);
  all->excludes(names, search);
  search->excludes(names);
}

std::string search_results(const ReadOptions& o, const aa::Content& content, const aa::cli::Output& output) {
  const aa::GuideFormat format = aa::parse_guide_format(output.format);
  if (format == aa::GuideFormat::markdown) {
    throw aa::Error(aa::Exit::usage, "--search prints text or json, not markdown");
  }
  const auto hits = aa::search_sections(content.sections, o.search);
  if (format == aa::GuideFormat::json) return aa::section_hits_json(content.sections, hits);
  return aa::render_section_hits(content.sections, hits, output.color);
}

int run(const ReadOptions& o) {
  const aa::cli::Output output = aa::cli::resolve_output(o.common);
  const aa::Content content = aa::cli::load_content(o.common);
  const aa::GuideFormat format = aa::parse_guide_format(output.format);
  const aa::GuideStyle style{output.width, output.color, output.terminal.stdout_is_tty};
  std::string text;
  if (!o.search.empty()) {
    text = search_results(o, content, output);
  } else if (o.all || !o.names.empty()) {
    std::vector<std::size_t> chosen(o.all ? content.sections.size() : 0);
    std::iota(chosen.begin(), chosen.end(), std::size_t{0});
    for (const std::string& name : o.names) chosen.push_back(aa::find_section_index(content.sections, name));
    text = aa::render_sections(content.sections, chosen, format, style);
  } else {
    text = aa::render_section_list(content.sections, format, style);
  }
  aa::emit(text, output.terminal, output.allow_pager, "aa-read");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Read the guide on anxious attachment: the table of contents, a section, or all of it."};
  ReadOptions options;
  setup(app, options);
  // exit() rather than return: tearing down the option parser is wasted time.
  std::exit(aa::cli::run("aa-read", app, argc, argv, [&] { return run(options); }));
}
