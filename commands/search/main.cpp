// SPDX-License-Identifier: MIT
// aa-search: the guide, the FAQ, the tips and the exercises searched at once, and with
// --mine your journal too; each hit says where it is from.
#include <cstdlib>
#include <string>

#include "aa/cli/cli_options.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/core/journal_store.hpp"
#include "aa/core/json.hpp"
#include "aa/core/render_search.hpp"
#include "aa/core/search_everywhere.hpp"

namespace {

constexpr std::string_view program = "aa-search";

struct SearchOptions {
  aa::cli::CommonOptions common;
  std::string text;
  bool mine = false;
};

void setup(CLI::App& app, SearchOptions& o) {
  aa::cli::describe(
      app, program,
      {
          {"Everything the guide, the FAQ, the tips and the exercises say about a word", "aa-search reassurance"},
          {"Your journal too (it asks for the passphrase if it is encrypted)", "aa-search --mine sleep"},
          {"Where each hit is from and its id, without the text", "aa-search calm | cut -f1,2"},
      });
  app.footer(
      "A hit a line in a pipe: from<TAB>id<TAB>text, from being guide, faq, tip, exercise or journal.\n\n"
      "Exit status: 0 success, 1 nothing found, 2 usage error, 65 bad content file or damaged journal, "
      "70 out of memory, 74 read or write error, 77 wrong or missing passphrase. See aa-search(1) for more.");
  // Not required() to CLI11, which would report a missing TEXT before a
  // mistyped option: run() asks for it.
  app.add_option("TEXT", o.text, "What to look for, ignoring case and the simple forms of a word")
      ->check(aa::cli::not_empty())
      ->type_name("");
  app.add_flag("-m,--mine", o.mine, "Search your journal too");
  aa::cli::add_format_option(app, o.common, {aa::cli::Printout::hits});
  aa::cli::add_output_options(app, o.common);
  aa::cli::add_content_option(app, o.common);
}

// "the guide, the FAQ and the tips": where a search looked.
std::string searched_places(bool mine) {
  std::vector<std::string_view> names;
  for (const aa::SearchKind& kind : aa::search_kinds()) {
    if (!kind.personal || mine) names.push_back(kind.name);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

int run(const SearchOptions& o) {
  if (o.text.empty()) throw aa::Error(aa::Problem::usage, "TEXT must be given (try 'aa-search --help')");
  const aa::cli::Output output = aa::cli::resolve_output(o.common);
  aa::cli::require_format(output.format, aa::cli::Printout::hits, "a search");
  const aa::Content content = aa::cli::load_content(o.common);
  aa::Journal journal;
  if (o.mine) {
    const auto file = aa::cli::journal_file();
    journal = aa::read_journal(file, aa::cli::waiting_notice(program, file));
    aa::cli::report_skipped_lines(program, file, journal.problems, "not a journal entry", journal.problem_count);
  }
  const auto hits = aa::search_everywhere({content, journal.entries}, o.text, o.mine);
  if (output.format == aa::Format::json) {
    // [] when nothing matches, so that a script reads valid JSON; exit 1 all the same.
    aa::emit(aa::placed_hits_json(hits), output.terminal, output.allow_pager, program);
  } else if (!hits.empty()) {
    // On a terminal, or with --width, aligned columns wrapped to the width;
    // else (in a pipe) a hit a line.
    aa::emit(aa::render_placed_hits(hits, aa::HitStyle{output.color, output.width}), output.terminal,
             output.allow_pager, program);
  }
  if (hits.empty())
    return aa::cli::report_failure(program, aa::cli::no_hits("text in " + searched_places(o.mine), o.text));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Search the guide, the FAQ, the tips and the exercises at once, and with --mine your journal too."};
  SearchOptions options;
  setup(app, options);
  // exit() rather than return: tearing down the option parser is wasted time.
  std::exit(aa::cli::run(program, app, argc, argv, [&] { return run(options); }));
}
