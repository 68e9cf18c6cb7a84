// SPDX-License-Identifier: MIT
// aa-journal: a private journal, with a reflection prompt for each day.
#include <ctime>
#include <filesystem>
#include <limits>
#include <optional>

#include <fmt/core.h>

#include "aa/cli/cli_options.hpp"
#include "aa/cli/deletion_prompt.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/prompt.hpp"
#include "aa/cli/range_options.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/content/text.hpp"
#include "aa/core/check_json.hpp"
#include "aa/core/date.hpp"
#include "aa/core/journal.hpp"
#include "aa/core/journal_store.hpp"
#include "aa/core/names.hpp"
#include "aa/core/prompts.hpp"
#include "aa/core/random.hpp"
#include "aa/core/render_journal.hpp"
#include "journal/editor.hpp"
#include "journal/journal_input.hpp"

namespace {

constexpr const char* program = "aa-journal";
// Exit status when nothing was done: the person declined, or wrote nothing.
const int nothing_done = aa::cli::exit_status(aa::Problem::not_found);

struct JournalOptions {
  aa::cli::CommonOptions common;
  bool prompt = false;
  std::string date;
  bool random = false;
  std::uint64_t seed = 0;
  bool seed_given = false;
  bool list_prompts = false;
  std::string prompt_id;
  bool no_prompt = false;
  std::string draft;
  bool list = false;
  aa::cli::RangeOptions range;
  std::string show;
  std::string search;
  std::string remove;
  bool forget = false;
  bool yes = false;
};

const aa::cli::RangeWords range_words = {
    "With --list: only the latest N entries",
    "With --list: only entries written on this day or later",
    "With --list: only entries written on this day or earlier",
    "YYYY-MM-DD",
    100000000,
    "--to {0} is before --from {1}",
};

std::string check_entry_id(const std::string& text) {
  return aa::parse_entry_id(text) ? "" : "'" + text + "' is not an entry id (a whole number from 1)";
}

void setup(CLI::App& app, JournalOptions& o) {
  aa::cli::describe(app, program);
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
                    ->type_name("FILE");
  auto* list = app.add_flag("-l,--list", o.list, "Show your entries, oldest first");
  const auto [last, from, to] = aa::cli::add_range_options(app, o.range, list, range_words);
  auto* show = app.add_option("--show", o.show, "Show the entry with this id")
                   ->check(CLI::Validator(check_entry_id, ""))
                   ->type_name("ID");
  auto* search = app.add_option("-s,--search", o.search, "Every line of your entries that contains TEXT: id:line")
                     ->check(aa::cli::not_empty())
                     ->type_name("TEXT");
  auto* remove = app.add_option("--delete", o.remove, "Delete the entry with this id (asks first)")
                     ->check(CLI::Validator(check_entry_id, ""))
                     ->type_name("ID");
  auto* forget = app.add_flag("--forget", o.forget, "Delete your whole journal (asks first)");
  auto* yes = app.add_flag("-y,--yes", o.yes, "With --delete or --forget: delete without asking");
  aa::cli::add_format_option(app, o.common, {"text", "markdown", "json"});
  aa::cli::add_output_options(app, o.common);
  aa::cli::add_content_option(app, o.common);

  // Printing prompts, writing, reading and deleting: one at a time.
  const std::vector<CLI::Option*> printing = {prompt, date, random, seed, prompts};
  const std::vector<CLI::Option*> writing = {prompt_id, no_prompt, draft};
  const std::vector<CLI::Option*> reading = {list, last, from, to, show, search, remove, forget, yes};
  for (CLI::Option* option : printing) {
    for (CLI::Option* other : writing) option->excludes(other);
    for (CLI::Option* other : reading) option->excludes(other);
  }
  for (CLI::Option* option : writing) {
    for (CLI::Option* other : reading) option->excludes(other);
  }
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

aa::LockWaitNotice waiting_notice(const std::filesystem::path& file) { return aa::cli::waiting_notice(program, file); }

// The journal, with a warning for each line that is not an entry.
aa::Journal read_entries(const std::filesystem::path& file) {
  aa::Journal journal = aa::read_journal(file, waiting_notice(file));
  aa::cli::report_skipped_lines(program, file, journal.problems, "not a journal entry", journal.problem_count);
  return journal;
}

int print_prompts(const JournalOptions& o, const aa::Content& content, const aa::cli::Output& output) {
  if (o.list_prompts) {
    aa::cli::require_format(output.format, aa::cli::Printout::names, "--list-prompts");
    std::vector<const aa::Prompt*> all;
    for (const aa::Prompt& prompt : content.prompts) all.push_back(&prompt);
    const std::string text = output.format == aa::Format::json ? aa::render_prompts(all, output.format, {}, "")
                                                               : aa::render_prompt_table(content.prompts);
    aa::emit(text, output.terminal, output.allow_pager, program);
    return 0;
  }
  const aa::Prompt* chosen = nullptr;
  std::string title = "Prompt of the day";
  if (o.random) {
    chosen = &aa::random_prompt(content.prompts, o.seed_given ? o.seed : aa::fresh_seed());
    title = "A reflection prompt";
  } else {
    const std::int64_t day = o.date.empty() ? aa::local_today() : *aa::parse_iso_date(o.date);
    chosen = &aa::daily_prompt(content.prompts, day);
    title = fmt::format("Prompt of the day, {}", aa::format_iso_date(day));
  }
  const std::vector<const aa::Prompt*> one = {chosen};
  aa::emit(aa::render_prompts(one, output.format, {output.width, output.color}, title), output.terminal, false,
           program);
  return 0;
}

int list_entries(const JournalOptions& o, const aa::Content& content, const aa::cli::Output& output) {
  const aa::Journal journal = read_entries(aa::cli::journal_file());
  const aa::EntryFilter filter{aa::cli::days_in(o.range, range_words), o.range.last};
  const auto entries = aa::select_entries(journal.entries, filter);
  std::string text = aa::render_entries(entries, content.prompts, output.format, {output.width, output.color});
  if (entries.empty() && output.format == aa::Format::text) {
    text = journal.entries.empty() ? "No entries yet. 'aa-journal' writes one.\n" : "No entries in that range.\n";
  }
  aa::emit(text, output.terminal, output.allow_pager, program);
  return 0;
}

// The entry `id` names, or NameNotFound (exit 1) saying how to list them.
const aa::JournalEntry& entry_named(const aa::Journal& journal, const std::string& id) {
  const aa::JournalEntry* entry = aa::find_entry(journal.entries, *aa::parse_entry_id(id));
  if (!entry) {
    throw aa::NameNotFound(aa::Names::entries, id, {}, false, fmt::format("there is no entry {}", aa::printable(id)));
  }
  return *entry;
}

int show_entry(const JournalOptions& o, const aa::Content& content, const aa::cli::Output& output) {
  const aa::Journal journal = read_entries(aa::cli::journal_file());
  const aa::JournalEntry& entry = entry_named(journal, o.show);
  const std::vector<const aa::JournalEntry*> one = {&entry};
  aa::emit(aa::render_entries(one, content.prompts, output.format, {output.width, output.color}), output.terminal,
           output.allow_pager, program);
  return 0;
}

int search_entries(const JournalOptions& o, const aa::Content& content, const aa::cli::Output& output) {
  const aa::Journal journal = read_entries(aa::cli::journal_file());
  const auto hits = aa::search_entries(journal.entries, o.search);
  if (output.format == aa::Format::json) {
    // The entries that hold it, each once; [] when none does, exit 1 all the same.
    std::vector<const aa::JournalEntry*> found;
    for (const aa::SearchHit& hit : hits) {
      if (found.empty() || found.back() != &journal.entries[hit.item]) found.push_back(&journal.entries[hit.item]);
    }
    aa::emit(aa::render_entries(found, content.prompts, output.format, {}), output.terminal, output.allow_pager,
             program);
    return hits.empty() ? aa::cli::report_failure(program, aa::cli::no_hits("entry", o.search)) : 0;
  }
  if (hits.empty()) return aa::cli::report_failure(program, aa::cli::no_hits("entry", o.search));
  aa::emit(aa::render_entry_hits(journal.entries, hits, {0, output.color}), output.terminal, output.allow_pager,
           program);
  return 0;
}

// Whether to go ahead with a deletion: --yes, or the answer on the terminal.
bool confirmed(const JournalOptions& o, const std::string& what, const std::string& question, std::string_view option) {
  return o.yes || aa::cli::confirm_deletion(option, what, question, isatty(STDIN_FILENO) == 1);
}

int delete_entry(const JournalOptions& o, const aa::cli::Output& output) {
  const std::filesystem::path file = aa::cli::journal_file();
  const aa::Journal journal = read_entries(file);
  const aa::JournalEntry& entry = entry_named(journal, o.remove);
  const std::uint64_t id = entry.id;
  const std::string first_line = entry.text.substr(0, entry.text.find('\n'));
  const std::string what = fmt::format("Entry {}, written {}:\n  {}\n", id, entry.time, aa::printable(first_line, 200));
  if (!confirmed(o, what, "Delete it? This cannot be undone.", "--delete")) return nothing_done;
  if (!aa::delete_journal_entry(file, id, waiting_notice(file))) {
    // Gone between the question and the deletion: another run took it.
    throw aa::NameNotFound(aa::Names::entries, o.remove, {}, false, fmt::format("there is no entry {}", id));
  }
  std::string text = fmt::format("Deleted entry {}.\n", id);
  if (output.format == aa::Format::json) {
    text = aa::deleted_entry_json(id, file.string());
  }
  aa::cli::emit_after_change(text, output.terminal, program, fmt::format("entry {} was deleted all the same", id));
  return 0;
}

// What --forget says it removed: the journal, and each other file that held
// what the person wrote.
std::string forgotten_notice(const aa::Forgotten& forgotten, const std::filesystem::path& file, bool json) {
  std::vector<std::string> others;
  for (const std::string& name : forgotten.leftovers) others.push_back((file.parent_path() / name).string());
  if (json) return aa::forget_json(forgotten.store, file.string(), others);
  std::string text = forgotten.store ? fmt::format("Deleted your journal ({}).\n", aa::terminal_safe(file.string()))
                                     : std::string("There is no journal to delete.\n");
  if (!others.empty()) {
    text += fmt::format("Deleted {} other file{} that held your writing (kept drafts, their backups, leftovers):\n",
                        others.size(), others.size() == 1 ? "" : "s");
    for (const std::string& other : others) text += "  " + aa::terminal_safe(other) + "\n";
  }
  return text;
}

int forget_journal(const JournalOptions& o, const aa::cli::Output& output) {
  const std::filesystem::path file = aa::cli::journal_file();
  if (!o.yes) {
    // Looking refuses what deleting would refuse, before anyone is asked. A
    // journal too large to read can be deleted all the same.
    const auto size = aa::private_file_size(file, "delete");
    std::string question = "Delete it? This cannot be undone.";
    if (size && *size <= aa::journal_file_limit) {
      const aa::Journal journal = aa::read_journal(file, waiting_notice(file));
      const std::size_t count = journal.entries.size();
      question = fmt::format("Delete it ({} entr{})? This cannot be undone.", count, count == 1 ? "y" : "ies");
    } else if (size) {
      question = fmt::format("Delete it? It is larger than {}, too large to count its entries. This cannot be undone.",
                             aa::describe_size(aa::journal_file_limit));
    }
    const std::vector<std::string> leftovers = aa::journal_leftovers(file);
    std::string what;
    if (size) what = fmt::format("Your journal is in\n  {}\n", aa::terminal_safe(file.string()));
    if (!leftovers.empty()) {
      what +=
          fmt::format("{} other file{} in its folder hold{} your writing (kept drafts, their backups, leftovers).\n",
                      leftovers.size(), leftovers.size() == 1 ? "" : "s", leftovers.size() == 1 ? "s" : "");
      if (!size) question = "Delete them? This cannot be undone.";
    }
    if (!size && leftovers.empty()) {
      aa::emit(forgotten_notice({}, file, output.format == aa::Format::json), output.terminal, false, program);
      return 0;
    }
    if (!confirmed(o, what, question, "--forget")) return nothing_done;
  }
  const aa::Forgotten forgotten = aa::forget_journal(file, waiting_notice(file));
  aa::cli::emit_after_change(forgotten_notice(forgotten, file, output.format == aa::Format::json), output.terminal,
                             program, "the journal was deleted all the same");
  return 0;
}

// The prompt a new entry answers: --prompt-id, none with --no-prompt, else today's.
const aa::Prompt* prompt_for_entry(const JournalOptions& o, const aa::Content& content) {
  if (o.no_prompt) return nullptr;
  if (!o.prompt_id.empty()) return &aa::find_prompt(content.prompts, o.prompt_id);
  return &aa::daily_prompt(content.prompts, aa::local_today());
}

// The options that save a kept draft for the same prompt.
std::string save_options(const aa::Prompt* prompt) {
  return prompt ? fmt::format("--prompt-id {}", prompt->id) : "--no-prompt";
}

// Saves `text` as a new entry.
aa::JournalEntry append_entry(std::string text, const aa::Prompt* prompt) {
  const std::filesystem::path file = aa::cli::journal_file();
  aa::JournalEntry entry;
  entry.time = aa::format_local_time(aa::local_time_of(std::time(nullptr)));
  entry.prompt = prompt ? std::string(prompt->id) : "";
  entry.text = std::move(text);
  return aa::append_journal_entry(file, std::move(entry), waiting_notice(file));
}

// Says that `entry` was saved. A failure to say so does not take back the
// entry: the error says that it was saved, with its id, so that a script
// does not save it twice.
int confirm_saved(const aa::JournalEntry& entry, const aa::Content& content, const aa::cli::Output& output) {
  const std::string notice = output.format == aa::Format::json
                                 ? aa::saved_entry_json(entry, content.prompts, aa::cli::journal_file().string())
                                 : fmt::format("Saved entry {} in your journal.\n", entry.id);
  aa::cli::emit_after_change(notice, output.terminal, program,
                             fmt::format("entry {} was saved all the same", entry.id));
  return 0;
}

int save_entry(std::string text, const aa::Prompt* prompt, const aa::Content& content, const aa::cli::Output& output) {
  if (text.empty()) {
    aa::cli::report_line("The entry is empty: nothing was saved.\n");
    return nothing_done;
  }
  return confirm_saved(append_entry(std::move(text), prompt), content, output);
}

// --draft FILE: a draft kept when an entry could not be saved. Once saved,
// a kept draft in the journal's folder is removed; any other file is left.
int save_kept_draft(const JournalOptions& o, const aa::Content& content, const aa::cli::Output& output) {
  const aa::Prompt* prompt = prompt_for_entry(o, content);
  const std::filesystem::path draft = o.draft;
  std::string text = aa::cli::read_kept_draft(draft, prompt);
  if (text.empty()) return save_entry("", prompt, content, output);
  const aa::JournalEntry entry = append_entry(std::move(text), prompt);
  std::error_code ignored;
  const auto folder = std::filesystem::weakly_canonical(aa::cli::journal_file().parent_path(), ignored);
  if (draft.filename().string().starts_with(aa::draft_stem) &&
      std::filesystem::weakly_canonical(draft, ignored).parent_path() == folder) {
    std::filesystem::remove(draft, ignored);
  }
  return confirm_saved(entry, content, output);
}

int write_entry(const JournalOptions& o, const aa::Content& content, const aa::cli::Output& output) {
  aa::cli::require_format(output.format, aa::cli::Printout::notice, "a new entry");
  if (!o.draft.empty()) return save_kept_draft(o, content, output);
  const aa::Prompt* prompt = prompt_for_entry(o, content);
  if (!output.terminal.stdin_is_tty)
    return save_entry(aa::cli::read_entry_input(STDIN_FILENO), prompt, content, output);
  const auto editor = aa::cli::chosen_editor();
  if (!editor) return save_entry(aa::cli::type_at_terminal(prompt, aa::prompt_width()), prompt, content, output);
  const auto draft =
      aa::cli::write_in_editor(*editor, aa::cli::journal_file().parent_path(), prompt, save_options(prompt));
  if (draft->text.empty()) {
    draft->discard();
    return save_entry("", prompt, content, output);
  }
  aa::JournalEntry entry;
  try {
    entry = append_entry(draft->text, prompt);
  } catch (const aa::Error& error) {
    throw aa::Error(error.code(), fmt::format("{}; {}", error.what(), draft->kept_words()));
  } catch (const std::bad_alloc&) {
    throw aa::Error(aa::Problem::internal, fmt::format("out of memory; {}", draft->kept_words()));
  }
  draft->discard();
  return confirm_saved(entry, content, output);
}

int run(const JournalOptions& o) {
  const aa::cli::Output output = aa::cli::resolve_output(o.common);
  const bool notice = !o.remove.empty() || o.forget;
  if (notice) aa::cli::require_format(output.format, aa::cli::Printout::notice, o.forget ? "--forget" : "--delete");
  if (!o.search.empty()) aa::cli::require_format(output.format, aa::cli::Printout::hits, "--search");
  // Deleting your own writing needs no content: a broken content directory
  // must not stand in the way.
  if (!o.remove.empty()) return delete_entry(o, output);
  if (o.forget) return forget_journal(o, output);
  const aa::Content content = aa::cli::load_content(o.common);
  if (o.prompt || !o.date.empty() || o.random || o.list_prompts) return print_prompts(o, content, output);
  if (o.list) return list_entries(o, content, output);
  if (!o.show.empty()) return show_entry(o, content, output);
  if (!o.search.empty()) return search_entries(o, content, output);
  return write_entry(o, content, output);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Keep a private journal on this machine, with a reflection prompt for each day, to practise the "
      "self-awareness the guide describes."};
  JournalOptions options;
  setup(app, options);
  std::exit(aa::cli::run(program, app, argc, argv, [&] {
    options.seed_given = app.count("--seed") > 0;
    return run(options);
  }));
}
