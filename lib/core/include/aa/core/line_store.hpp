// SPDX-License-Identifier: MIT
// A private store of lines, for the files that keep a person's data one
// record a line (the checklist history, the journal). It keeps the
// private-file rules of io.hpp (never through a symbolic link, a regular
// file and a folder that belong to the user, 0600 in 0700) and adds:
// - appends are whole: one write under an exclusive lock, at the end
//   (O_APPEND), synced to disk; a write that fails half-way is taken back,
//   so the file holds whole lines only;
// - reading takes a shared lock, so it never sees half of an append, and
//   never reads more than the store's limit;
// - the file is never rewritten, except to delete: the lines kept are
//   written to a new file in the same folder, synced, and renamed over the
//   store, so a failure at any step leaves the store as it was. The
//   exclusive lock keeps every append out meanwhile, and an append that
//   was waiting for it finds the new file (open_private_file looks again).
//
// A store may also be encrypted: an age file beside the plain name
// (encrypted_path()), opened with store_passphrase() (secret.hpp). Every
// function below works the same on it, except that a change rewrites the
// whole file, as a deletion does; a new store in a folder that holds an
// encrypted one is made encrypted, with the same passphrase. A wrong
// passphrase is Error(Problem::passphrase), a damaged age file
// Error(Problem::data).
//
// Every function waits for the lock as long as another run holds it, and
// calls `on_wait` once when that takes more than a moment. `doing` words a
// failure: "cannot DOING PATH: reason". Every failure is an
// Error(Problem::io).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aa/io/io.hpp"

namespace aa {

// Calls `each(line, number)` for every line of `text`, without its
// newline, numbered from 1; a last line without a newline counts too.
template <typename Each>
void for_each_numbered_line(std::string_view text, Each each) {
  for (std::size_t number = 1; !text.empty(); ++number) {
    const std::size_t end = text.find('\n');
    each(text.substr(0, end), number);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
}

// Whether a line holds only blanks (a carriage return among them): no record, and no problem.
inline bool is_blank_line(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// A line of a store that is not a record of it, and why.
struct LineProblem {
  std::size_t line = 0;  // 1-based
  std::string reason;
};

// How many LineProblems a reader keeps: the first few say what is wrong, and
// a count says how many more there are, so a store of bad lines costs no
// more to report than a few.
inline constexpr std::size_t line_problems_kept = 10;

struct LineStore {
  std::filesystem::path file;
  std::size_t limit = 0;  // the most the file may hold, in bytes
};

// The name of a store's encrypted form: journal.jsonl.age beside journal.jsonl.
std::filesystem::path encrypted_path(const std::filesystem::path& file);

// Appends `line` (one line, with or without its final newline), creating
// the missing folders (0700) and the file (0600). A store whose last line
// lost its newline (edited by hand) gets one first, so that no line is glued
// to another. Refuses to grow the store past its limit.
void append_line(const LineStore& store, std::string_view line, std::string_view doing,
                 const LockWaitNotice& on_wait = {});

// Chooses the lines to append knowing what the store holds: called once,
// under the exclusive lock, with the whole text of the store ("" for a new
// one). Each line is given without its newline.
using LinesToAppend = std::function<std::vector<std::string>(std::string_view text)>;

// Appends the lines `choose` returns, all in one write, under one lock, as
// append_line does. Returns how many were appended; nothing is written,
// and no file is created, when there are none.
std::size_t append_lines(const LineStore& store, const LinesToAppend& choose, std::string_view doing,
                         const LockWaitNotice& on_wait = {});

// The whole text of the store; "" when there is none yet. Refuses a store
// larger than its limit without reading it.
std::string read_store(const LineStore& store, const LockWaitNotice& on_wait = {});

// Which other files in the folder of a store belong with it, by name.
using NameFilter = std::function<bool(std::string_view name)>;

// What forget_store() took away.
struct Forgotten {
  bool store = false;                  // the store was there, and is gone
  std::filesystem::path file;          // its file: the plain one or the encrypted one
  std::vector<std::string> leftovers;  // other files removed, by name in the folder
};

// The names of the files forget_store() would remove beside the store.
std::vector<std::string> store_leftovers(const LineStore& store, const NameFilter& also = {});

// Deletes the store, after emptying it, so that no other hard link keeps
// its lines, and with it, under the same lock, the temporary copies that
// rewrites killed on the way left (SIGKILL), and every other file in its
// folder whose name `also` picks (a journal's kept drafts).
Forgotten forget_store(const LineStore& store, std::string_view doing, const LockWaitNotice& on_wait = {},
                       const NameFilter& also = {});

// Whether a line is to go: given each line of the store, in order, without
// its newline (blank lines too).
using LineFilter = std::function<bool(std::string_view line)>;

// The new text of a store, made from its whole text ("" for a new one);
// nullopt leaves the store as it is.
using Rewrite = std::function<std::optional<std::string>(std::string_view text)>;

// Rewrites the store, under the exclusive lock: `rewrite` is called once
// with its whole text, and what it returns goes to a new private file in
// the same folder, which is synced and renamed over the store, and the
// folder is synced. The old file is then emptied, so that no other hard link
// keeps what was taken out. A temporary copy left by a rewrite that was
// killed (SIGKILL) is removed first; one of our own is removed on every way
// out, a signal (SIGHUP, SIGTERM, SIGINT) included, and on a failure the
// store is as it was. A rewrite may be as large as the store's limit, so a
// store near it can always be made smaller. Returns whether it was
// rewritten; false when there is no store.
bool rewrite_store(const LineStore& store, const Rewrite& rewrite, std::string_view doing,
                   const LockWaitNotice& on_wait = {});

// Removes the lines `drop` picks, by rewrite_store(): the lines kept, byte
// for byte, each ended by a newline. Returns how many lines went; when
// none, or when there is no store, nothing is written at all.
std::size_t remove_lines(const LineStore& store, const LineFilter& drop, std::string_view doing,
                         const LockWaitNotice& on_wait = {});

}  // namespace aa
