// aa-faq: common questions about healing and seeking help, with answers.
#include <numeric>

#include "aa/cli_options.hpp"
#include "aa/json.hpp"
#include "aa/output.hpp"
#include "aa/render_guide.hpp"
#include "aa/render_search.hpp"
#include "aa/search.hpp"
#include "aa/sections.hpp"

namespace {

struct FaqOptions {
  aa::cli::CommonOptions common;
  std::vector<std::string> names;
  bool list = false;
  bool all = false;
  std::string search;
};

void setup(CLI::App& app, FaqOptions& o) {
  aa::cli::describe(app, "aa-faq");
  auto* names =
      app.add_option("QUESTION", o.names, "Questions to answer, by number, id, or the start of an id or question")
          ->type_name("");
  auto* list = app.add_flag("-l,--list", o.list, "The questions, numbered (also with no QUESTION)");
  auto* all = app.add_flag("-a,--all", o.all, "Every question with its answer");
  auto* search = app.add_option("-s,--search", o.search, "Every question and answer that contains TEXT, ignoring case")
                     ->check(aa::cli::not_empty())
                     ->type_name("TEXT");
  aa::cli::add_format_option(app, o.common, {"text", "markdown", "json"});
  aa::cli::add_output_options(app, o.common);
  aa::cli::add_content_option(app, o.common);

  list->excludes(names, all, search);
  all->excludes(names, search);
  search->excludes(names);
}

std::string search_results(const FaqOptions& o, const aa::Content& content, const aa::cli::Output& output) {
  const aa::GuideFormat format = aa::parse_guide_format(output.format);
  if (format == aa::GuideFormat::markdown) {
    throw aa::Error(aa::Exit::usage, "--search prints text or json, not markdown");
  }
  const auto hits = aa::search_questions(content.questions, o.search);
  if (format == aa::GuideFormat::json) return aa::question_hits_json(content.questions, hits);
  return aa::render_question_hits(content.questions, hits, output.color);
}

int run(const FaqOptions& o) {
  const aa::cli::Output output = aa::cli::resolve_output(o.common);
  const aa::Content content = aa::cli::load_content(o.common);
  const aa::GuideFormat format = aa::parse_guide_format(output.format);
  const aa::GuideStyle style{output.width, output.color, output.terminal.stdout_is_tty};
  std::string text;
  if (!o.search.empty()) {
    text = search_results(o, content, output);
  } else if (o.all || !o.names.empty()) {
    std::vector<std::size_t> chosen(o.all ? content.questions.size() : 0);
    std::iota(chosen.begin(), chosen.end(), std::size_t{0});
    for (const std::string& name : o.names) chosen.push_back(aa::find_question_index(content.questions, name));
    text = aa::render_questions(content.questions, chosen, format, style);
  } else {
    text = aa::render_question_list(content.questions, format, style);
  }
  aa::emit(text, output.terminal, output.allow_pager, "aa-faq");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Common questions about healing from anxious attachment and seeking help, with their answers."};
  FaqOptions options;
  setup(app, options);
  // exit() rather than return: tearing down the option parser is wasted time.
  std::exit(aa::cli::run("aa-faq", app, argc, argv, [&] { return run(options); }));
}
