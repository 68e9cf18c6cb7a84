// SPDX-License-Identifier: MIT
// aa-journal: a private journal, with a reflection prompt for each day.
// The options are here; what each flow does is in the files of flows.hpp.
#include <cstdlib>
#include <limits>

#include "aa/cli/cli_options.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/core/journal_store.hpp"
#include "journal/flows.hpp"

namespace {

constexpr std::string_view program = aa::cli::journal_program;

std::string check_entry_id(const std::string& text) {
  return aa::parse_entry_id(text) ? "" : "'" + text + "' is not an entry id (a whole number from 1)";
}

// An empty value passes here: with --edit it takes the tags away, and
// run() refuses it anywhere else.
std::string check_tags(const std::string& text) {
  if (text.empty()) return "";
  try {
    aa::typed_tags(std::span(&text, 1));
    return "";
  } catch (const aa::Error& error) {
    return error.what();
  }
}

void setup(CLI::App& app, aa::cli::JournalOptions& o) {
  aa::cli::describe(app, program,
                    {
                        {"Write an entry, with the prompt of the day", "aa-journal"},
                        {"Save a line without an editor, with two tags",
                         "echo 'A calmer evening.' | aa-journal --no-prompt --tag sleep,calm"},
                        {"Your last seven entries tagged sleep", "aa-journal --list --last 7 --tag sleep"},
                        {"Change the text of entry 3 in your editor", "aa-journal --edit 3"},
                    });
  auto* prompt = app.add_flag("-p,--prompt", o.prompt, "Print the prompt of the day (the same all day)");
  auto* date = app.add_option("--date", o.date, "The prompt of the day for another date (implies --prompt)")
                   ->check(aa::cli::iso_date())
                   ->check(aa::cli::completes_names("today"))
                   ->type_name("YYYY-MM-DD");
  auto* random = app.add_flag("-r,--random", o.random, "Print a prompt chosen at random");
  auto* seed = app.add_option("--seed", o.seed, "With --random: choose reproducibly, from seed N")
                   ->check(aa::cli::whole_number(0, std::numeric_limits<std::uint64_t>::max()))
                   ->type_name("N");
  auto* prompts = app.add_flag("--list-prompts", o.list_prompts, "Every prompt: id<TAB>section<TAB>sign<TAB>text");
  auto* prompt_id =
      app.add_option("--prompt-id", o.prompt_id, "Write to the prompt with this id, not the prompt of the day")
          ->check(aa::cli::not_empty())
          ->check(aa::cli::completes_names("prompts"))
          ->type_name("ID");
  auto* no_prompt = app.add_flag("--no-prompt", o.no_prompt, "Write a free entry, with no prompt");
  auto* draft = app.add_option("--draft", o.draft,
                               "Save the entry in FILE, a draft kept when saving failed (the lines aa-journal put "
                               "there are left out)")
                    ->check(aa::cli::not_empty())
                    ->check(aa::cli::completes_file())
                    ->type_name("FILE");
  auto* list = app.add_flag("-l,--list", o.list, "Show your entries, oldest first");
  const auto [last, from, to] = aa::cli::add_range_options(app, o.range, list, aa::cli::journal_range_words);
  auto* show = app.add_option("--show", o.show, "Show the entry with this id")
                   ->check(aa::cli::refusing(check_entry_id))
                   ->check(aa::cli::completes_names("entries"))
                   ->type_name("ID");
  auto* search = app.add_option("-s,--search", o.search, "Every line of your entries that contains TEXT: id:line")
                     ->check(aa::cli::not_empty())
                     ->type_name("TEXT");
  auto* remove = app.add_option("--delete", o.remove, "Delete the entry with this id (asks first)")
                     ->check(aa::cli::refusing(check_entry_id))
                     ->check(aa::cli::completes_names("entries"))
                     ->type_name("ID");
  auto* edit = app.add_option("--edit", o.edit, "Change the text of the entry with this id, in your editor")
                   ->check(aa::cli::refusing(check_entry_id))
                   ->check(aa::cli::completes_names("entries"))
                   ->type_name("ID");
  auto* tag = app.add_option("-t,--tag", o.tags,
                             "Tag the new entry; with --list or --search: only entries with every tag given; with "
                             "--edit: these in place of its tags")
                  ->expected(1)
                  ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
                  ->check(aa::cli::refusing(check_tags))
                  ->check(aa::cli::completes_names("tags"))
                  ->type_name("NAME");
  auto* forget = app.add_flag("--forget", o.forget, "Delete your whole journal (asks first)");
  auto* yes = app.add_flag("-y,--yes", o.yes, "With --delete or --forget: delete without asking")
                  ->check(aa::cli::completes_only_with({remove, forget}));
  aa::cli::add_format_option(app, o.common,
                             {aa::cli::Printout::document, aa::cli::Printout::hits, aa::cli::Printout::notice});
  aa::cli::add_output_options(app, o.common);
  aa::cli::add_content_option(app, o.common);

  // Printing prompts, writing, reading and deleting: one at a time.
  const std::vector<CLI::Option*> printing = {prompt, date, random, seed, prompts};
  // --edit and --tag write too, and --tag also filters --list and --search:
  // they are set apart below.
  const std::vector<CLI::Option*> writing = {prompt_id, no_prompt, draft};
  const std::vector<CLI::Option*> reading = {list, last, from, to, show, search, remove, forget, yes};
  for (CLI::Option* option : printing) {
    for (CLI::Option* other : writing) option->excludes(other);
    for (CLI::Option* other : reading) option->excludes(other);
    option->excludes(edit);
    option->excludes(tag);
  }
  for (CLI::Option* option : writing) {
    for (CLI::Option* other : reading) option->excludes(other);
  }
  // An edit keeps the entry's prompt, and may take a kept draft (--draft).
  for (CLI::Option* other : {prompt_id, no_prompt, list, last, from, to, show, search, remove, forget, yes}) {
    edit->excludes(other);
  }
  for (CLI::Option* other : {show, remove, forget}) tag->excludes(other);
  prompt_id->excludes(no_prompt);
  random->excludes(prompt, date, prompts);
  prompts->excludes(prompt, date, seed);
  seed->needs(random);
  for (CLI::Option* option : {list, show, search, remove}) {
    for (CLI::Option* other : {list, show, search, remove, forget}) {
      if (other != option) option->excludes(other);
    }
  }
  yes->excludes(list, show, search);
}

int run(const aa::cli::JournalOptions& o) {
  const aa::cli::Output output = aa::cli::resolve_output(o.common);
  const bool notice = !o.remove.empty() || o.forget;
  if (notice) aa::cli::require_format(output.format, aa::cli::Printout::notice, o.forget ? "--forget" : "--delete");
  if (!o.search.empty()) aa::cli::require_format(output.format, aa::cli::Printout::hits, "--search");
  // --tag '' takes an entry's tags away with --edit; anywhere else it is no tag.
  if (o.edit.empty() || o.tags.size() != 1) (void)aa::cli::chosen_tags(o);
  // Deleting your own writing needs no content: a broken content directory
  // must not stand in the way.
  if (!o.remove.empty()) return aa::cli::delete_entry(o, output);
  if (o.forget) return aa::cli::forget_journal(o, output);
  const aa::Content content = aa::cli::load_content(o.common);
  if (o.prompt || !o.date.empty() || o.random || o.list_prompts) return aa::cli::print_prompts(o, content, output);
  if (o.list) return aa::cli::list_entries(o, content, output);
  if (!o.edit.empty()) return aa::cli::edit_entry(o, content, output);
  if (!o.show.empty()) return aa::cli::show_entry(o, content, output);
  if (!o.search.empty()) return aa::cli::search_entries(o, content, output);
  return aa::cli::write_entry(o, content, output);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Keep a private journal on this machine, with a reflection prompt for each day, to practise the "
      "self-awareness the guide describes."};
  aa::cli::JournalOptions options;
  setup(app, options);
  std::exit(aa::cli::run(program, app, argc, argv,
                         [&] {
                           options.seed_given = app.count("--seed") > 0;
                           return run(options);
                         },
                         {.results = {}, .entries = [] { return aa::read_journal(aa::cli::journal_file()).entries; }}));
}
