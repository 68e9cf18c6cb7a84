// SPDX-License-Identifier: MIT
// aa-journal's printouts: the prompts, and the entries as they are kept.
#include <fmt/core.h>

#include "aa/cli/environment.hpp"
#include "aa/cli/format_rule.hpp"
#include "aa/cli/output.hpp"
#include "aa/cli/store_notices.hpp"
#include "aa/content/text.hpp"
#include "aa/core/date.hpp"
#include "aa/core/journal_store.hpp"
#include "aa/core/names.hpp"
#include "aa/core/prompts.hpp"
#include "aa/core/random.hpp"
#include "aa/core/render_journal.hpp"
#include "journal/flows.hpp"

namespace aa::cli {

const RangeWords journal_range_words = {
    "With --list: only the latest N entries",
    "With --list: only entries written on DATE or later",
    "With --list: only entries written on DATE or earlier",
    "DATE",
    100000000,
    "--to {0} is before --from {1}",
};

Journal read_entries(const std::filesystem::path& file) {
  Journal journal = read_journal(file, waiting_notice(journal_program, file));
  report_skipped_lines(journal_program, file, journal.problems, "not a journal entry", journal.problem_count);
  return journal;
}

const JournalEntry& entry_named(const Journal& journal, const std::string& id) {
  const JournalEntry* entry = find_entry(journal.entries, *parse_entry_id(id));
  if (!entry) throw NameNotFound(Names::entries, id, {}, false, fmt::format("there is no entry {}", printable(id)));
  return *entry;
}

namespace {

// "tagged work and sleep", or "" for no tags.
std::string tagged_words(const std::vector<std::string>& tags) {
  std::string out;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    out += i == 0 ? "tagged " : (i + 1 == tags.size() ? " and " : ", ");
    out += printable(tags[i]);
  }
  return out;
}

}  // namespace

int print_prompts(const JournalOptions& o, const Content& content, const Output& output) {
  if (o.list_prompts) {
    require_format(output.format, Printout::document, "--list-prompts");
    std::vector<const Prompt*> all;
    for (const Prompt& prompt : content.prompts) all.push_back(&prompt);
    const std::string text = output.format == Format::text
                                 ? render_prompt_table(content.prompts)
                                 : render_prompts(all, output.format, {}, "Anxious attachment: journal prompts");
    emit(text, output.terminal, output.allow_pager, journal_program);
    return 0;
  }
  const Prompt* chosen = nullptr;
  std::string title = "Prompt of the day";
  if (o.random) {
    chosen = &random_prompt(content.prompts, o.seed_given ? o.seed : fresh_seed());
    title = "A reflection prompt";
  } else {
    const std::int64_t day = o.date.empty() ? local_today() : *parse_iso_date(o.date);
    chosen = &daily_prompt(content.prompts, day);
    title = fmt::format("Prompt of the day, {}", format_iso_date(day));
  }
  const std::vector<const Prompt*> one = {chosen};
  emit(render_prompts(one, output.format, {output.width, output.color}, title), output.terminal, false,
       journal_program);
  return 0;
}

int list_entries(const JournalOptions& o, const Content& content, const Output& output) {
  const Journal journal = read_entries(journal_file());
  const EntryFilter filter{days_in(o.range, journal_range_words), o.range.last, chosen_tags(o)};
  const auto entries = select_entries(journal.entries, filter);
  if (entries.empty()) {
    // As a search with no match: JSON is still a document, the empty list.
    if (output.format == Format::json)
      emit(render_entries(entries, {}, output.format, {}), output.terminal, false, journal_program);
    if (journal.entries.empty()) {
      return report_failure(journal_program, nothing_listed("entries", "yet", "'aa-journal' writes the first one"));
    }
    std::string why = tagged_words(filter.tags);
    if (why.empty() || !o.range.from.empty() || !o.range.to.empty()) {
      why += (why.empty() ? "written " : " and written ") + range_words(o.range);
    }
    return report_failure(journal_program, nothing_listed("entries", why, "'aa-journal --list' shows them all"));
  }
  emit(render_entries(entries, content.prompts, output.format, {output.width, output.color}), output.terminal,
       output.allow_pager, journal_program);
  return 0;
}

int show_entry(const JournalOptions& o, const Content& content, const Output& output) {
  const Journal journal = read_entries(journal_file());
  const std::vector<const JournalEntry*> one = {&entry_named(journal, o.show)};
  emit(render_entries(one, content.prompts, output.format, {output.width, output.color}), output.terminal,
       output.allow_pager, journal_program);
  return 0;
}

int search_entries(const JournalOptions& o, const Content& content, const Output& output) {
  const Journal journal = read_entries(journal_file());
  auto hits = aa::search_entries(journal.entries, o.search);
  const std::vector<std::string> tags = chosen_tags(o);
  std::erase_if(hits, [&](const SearchHit& hit) { return !has_tags(journal.entries[hit.item], tags); });
  const std::string what = tags.empty() ? "entry" : "entry " + tagged_words(tags);
  if (output.format == Format::json) {
    // The entries that hold it, each once; [] when none does, exit 1 all the same.
    std::vector<const JournalEntry*> found;
    for (const SearchHit& hit : hits) {
      if (found.empty() || found.back() != &journal.entries[hit.item]) found.push_back(&journal.entries[hit.item]);
    }
    emit(render_entries(found, content.prompts, output.format, {}), output.terminal, output.allow_pager,
         journal_program);
    return hits.empty() ? report_failure(journal_program, no_hits(what, o.search)) : 0;
  }
  if (hits.empty()) return report_failure(journal_program, no_hits(what, o.search));
  emit(render_entry_hits(journal.entries, hits, {0, output.color}), output.terminal, output.allow_pager,
       journal_program);
  return 0;
}

}  // namespace aa::cli
