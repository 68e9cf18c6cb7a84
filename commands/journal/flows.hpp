// SPDX-License-Identifier: MIT
// What aa-journal does, for main.cpp to choose from once it has parsed the
// options:
//   show.cpp    the prompts, and the entries: --list, --show, --search
//   write.cpp   a new entry, or a kept draft (--draft)
//   edit.cpp    --edit ID: the new text of an entry
//   delete.cpp  --delete ID and --forget, each asking first
// Each prints its result and returns the exit status, or throws Error.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "aa/cli/cli.hpp"
#include "aa/cli/range_options.hpp"
#include "aa/content/model.hpp"
#include "aa/core/journal.hpp"

namespace aa::cli {

inline constexpr std::string_view journal_program = "aa-journal";

struct JournalOptions {
  CommonOptions common;
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
  RangeOptions range;
  std::string show;
  std::string search;
  std::string remove;
  bool forget = false;
  bool yes = false;
  std::string edit;
  std::vector<std::string> tags;  // as typed, each one tag or several joined by commas
};

// The words of aa-journal's --last, --from and --to.
extern const RangeWords journal_range_words;

// The journal, with a warning for each line that is not an entry.
Journal read_entries(const std::filesystem::path& file);

// The entry `id` names, or NameNotFound (exit 1) saying how to list them.
const JournalEntry& entry_named(const Journal& journal, const std::string& id);

// --prompt, --date, --random, --list-prompts.
int print_prompts(const JournalOptions& o, const Content& content, const Output& output);
// --list, with its range.
int list_entries(const JournalOptions& o, const Content& content, const Output& output);
// --show ID.
int show_entry(const JournalOptions& o, const Content& content, const Output& output);
// --search TEXT.
int search_entries(const JournalOptions& o, const Content& content, const Output& output);

// The tags of --tag, made by typed_tags(); Error(Problem::usage) naming a
// piece that is not a tag.
std::vector<std::string> chosen_tags(const JournalOptions& o);

// A new entry, from the editor, the terminal, stdin or --draft FILE.
int write_entry(const JournalOptions& o, const Content& content, const Output& output);

// --edit ID: the entry's new text, from the editor, the terminal, stdin or
// --draft FILE, in place of its old one.
int edit_entry(const JournalOptions& o, const Content& content, const Output& output);

// Where the editor's draft goes: beside the journal, or in memory when the
// journal is encrypted, so that no plain text reaches a disk.
std::filesystem::path draft_folder(bool encrypted);

// A kept draft (--draft FILE) that is now saved: one in a folder where
// drafts are made has done its work and goes; any other file is the
// person's, and stays.
void remove_saved_draft(const std::filesystem::path& draft);

// --delete ID and --forget, after asking unless --yes.
int delete_entry(const JournalOptions& o, const Output& output);
int forget_journal(const JournalOptions& o, const Output& output);

}  // namespace aa::cli
