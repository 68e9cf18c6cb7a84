// SPDX-License-Identifier: MIT
// aa-tip: a short, practical tip, at random or for the day.
#include <cstdlib>
#include <limits>

#include <fmt/core.h>

#include "aa/cli/cli_options.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/cli/guarded_run.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/settings.hpp"
#include "aa/content/text.hpp"
#include "aa/core/config.hpp"
#include "aa/core/date.hpp"
#include "aa/core/json.hpp"
#include "aa/core/random.hpp"
#include "aa/core/render_search.hpp"
#include "aa/core/render_tips.hpp"
#include "aa/core/search.hpp"
#include "aa/core/tips.hpp"

namespace {

struct TipOptions {
  // Personal tips are tips: aa-tip alone adds them (aa-tip(1)).
  TipOptions() { common.personal_tips = true; }
  aa::cli::CommonOptions common;
  bool daily = false;
  std::string date;
  std::uint64_t seed = 0;
  bool seed_given = false;
  std::string category;
  std::string id;
  std::size_t count = 1;
  bool list = false;
  bool source = false;
  bool list_categories = false;
  std::string search;
  bool no_hint = false;
};

void setup(CLI::App& app, TipOptions& o) {
  aa::cli::describe(app, "aa-tip",
                    {
                        {"The tip of the day (a line for ~/.bashrc shows one at each login)", "aa-tip --daily"},
                        {"A tip at random about calming down", "aa-tip --category calming"},
                        {"Every tip that mentions a word", "aa-tip --search text"},
                    });
  auto* daily =
      app.add_flag("-d,--daily", o.daily, "The tip of the day (the same all day, every tip once before any repeats)");
  auto* date = app.add_option("--date", o.date, "The tip of the day for another date (implies --daily)")
                   ->check(aa::cli::iso_date())
                   ->check(aa::cli::completes_names("today"))
                   ->type_name("YYYY-MM-DD");
  auto* seed =
      app.add_option("--seed", o.seed, "Choose at random, reproducibly, from seed N (not with --daily or --date)")
          ->check(aa::cli::whole_number(0, std::numeric_limits<std::uint64_t>::max()))
          ->type_name("N");
  auto* category = app.add_option("-c,--category", o.category, "Only tips of this category")
                       ->check(aa::cli::not_empty())
                       ->check(aa::cli::completes_names("categories"))
                       ->type_name("NAME");
  auto* id = app.add_option("--id", o.id, "The tip with this id")
                 ->check(aa::cli::not_empty())
                 ->check(aa::cli::completes_names("tips"))
                 ->type_name("ID");
  auto* count = app.add_option("-n,--count", o.count, "How many tips (following days with --daily)")
                    ->check(aa::cli::whole_number(1, 1000000))
                    ->type_name("N");
  auto* list = app.add_flag("-l,--list", o.list, "Every tip: id<TAB>category<TAB>text");
  auto* source = app.add_flag("--source", o.source, "With --list, where each tip comes from, after its text");
  auto* categories = app.add_flag("--list-categories", o.list_categories, "The categories, one a line");
  auto* search = app.add_option("-s,--search", o.search, "Every tip that contains TEXT, ignoring case: id:text")
                     ->check(aa::cli::not_empty())
                     ->type_name("TEXT");
  app.add_flag("--no-hint", o.no_hint, "On a terminal, no line under a tip saying where to read more");
  aa::cli::add_format_option(app, o.common,
                             {aa::cli::Printout::tips, aa::cli::Printout::hits, aa::cli::Printout::document});
  aa::cli::add_output_options(app, o.common);
  aa::cli::add_content_option(app, o.common);

  daily->excludes(seed);
  date->excludes(seed);
  id->excludes(daily, date, seed, category, count, list, categories);
  list->excludes(daily, date, seed, count, categories);
  categories->excludes(daily, date, seed, count, category);
  search->excludes(daily, date, seed, category, id, count, list, categories);
  source->needs(list);
}

// The tips of `hits`: `id:text` lines, as grep prints them, or the tips
// themselves in any other format.
std::string search_results(const std::vector<aa::SearchHit>& hits, const aa::Content& content,
                           const aa::cli::Output& output) {
  const aa::Format format = output.format;
  if (format == aa::Format::text) {
    const std::size_t table = output.terminal.stdout_is_tty ? output.width : 0;
    return aa::render_tip_hits(content.tips, hits, aa::HitStyle{output.color, table});
  }
  std::vector<const aa::Tip*> tips;
  for (const aa::SearchHit& hit : hits) tips.push_back(&content.tips[hit.item]);
  return aa::render_tips(tips, format, aa::TipStyle{output.width, output.color, false, aa::cli::references()});
}

// --count asked for more tips than the choice holds: they are all printed.
void warn_fewer_tips(const TipOptions& o, const std::vector<const aa::Tip*>& tips) {
  const std::string among =
      o.category.empty() ? "" : fmt::format(" in category '{}'", aa::printable(tips.front()->category));
  aa::cli::report_warning("aa-tip", fmt::format("asked for {} tips, but there {} only {}{}", o.count,
                                                tips.size() == 1 ? "is" : "are", tips.size(), among));
}

// The line under a tip that names its category and where to read more:
// for a person at a terminal, unless --no-hint or the config's
// `tip_hint = false` (for a login shell's tip) turns it off.
bool show_hint(const TipOptions& o, const aa::cli::Output& output) {
  if (!output.terminal.stdout_is_tty || o.list || o.no_hint) return false;
  return aa::cli::read_settings("aa-tip").tip_hint;
}

// Refuses a format that does not apply to what these options print.
void require_format(const TipOptions& o, aa::Format format) {
  if (o.list_categories) return aa::cli::require_format(format, aa::cli::Printout::document, "--list-categories");
  if (!o.search.empty()) return aa::cli::require_format(format, aa::cli::Printout::hits, "--search");
  aa::cli::require_format(format, aa::cli::Printout::tips, "tips");
}

int run(const TipOptions& o) {
  const aa::cli::Output output = aa::cli::resolve_output(o.common);
  require_format(o, output.format);
  const aa::Content content = aa::cli::load_content(o.common);
  std::string text;
  if (o.list_categories) {
    text = aa::render_categories(aa::tip_categories(content.tips), output.format);
  } else if (!o.search.empty()) {
    const auto hits = aa::search_tips(content.tips, o.search);
    if (hits.empty()) {
      // The empty list, so that a script reads valid JSON; exit 1 all the same.
      if (output.format == aa::Format::json) {
        aa::emit(aa::render_tips({}, output.format, {}), output.terminal, output.allow_pager, "aa-tip");
      }
      return aa::cli::report_failure("aa-tip", aa::cli::no_hits("tip", o.search));
    }
    text = search_results(hits, content, output);
  } else {
    const aa::Format format = output.format;
    aa::TipQuery query;
    query.category = o.category;
    query.id = o.id;
    query.count = o.count;
    if (!o.date.empty()) {
      query.day = aa::parse_iso_date(o.date);
    } else if (o.daily) {
      query.day = aa::local_today();
    }
    query.seed = o.seed_given ? o.seed : aa::fresh_seed();
    // A fortune file is for every tip unless the user chose some.
    const bool chose = query.day || !o.id.empty() || o.count != 1 || o.seed_given;
    query.all = o.list || (format == aa::Format::fortune && !chose);
    const auto tips = aa::select_tips(content.tips, query);
    if (!query.all && !query.day && tips.size() < o.count) warn_fewer_tips(o, tips);
    if (o.list && format == aa::Format::text) {
      text = aa::render_tip_table(tips, output.terminal.stdout_is_tty ? output.width : 0, output.color, o.source);
    } else {
      aa::TipStyle style{output.width, output.color, show_hint(o, output), aa::cli::references()};
      text = aa::render_tips(tips, format, style);
    }
  }
  aa::emit(text, output.terminal, output.allow_pager, "aa-tip");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Print a short, practical tip for anxious attachment: at random, or the tip of the day."};
  TipOptions options;
  setup(app, options);
  // exit() rather than return: tearing down the option parser is wasted
  // start-up time for a command that runs once.
  std::exit(aa::cli::run("aa-tip", app, argc, argv, [&] {
    options.seed_given = app.count("--seed") > 0;
    return run(options);
  }));
}
