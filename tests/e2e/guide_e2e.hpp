// SPDX-License-Identifier: MIT
// What the end-to-end tests of aa-read, aa-faq and aa-tip --search share:
// reading what a terminal showed, and the command-line contract that every
// command keeps (help, version, bad options, write errors, closed pipes).
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "aa/content/builtin.hpp"
#include "aa/content/text.hpp"
#include "process.hpp"

namespace aa::test {

// `name` (a built command) with `args`.
inline std::vector<std::string> with_command(const std::string& name, std::vector<std::string> args) {
  args.insert(args.begin(), command(name));
  return args;
}

// Text without ANSI escape sequences (CSI ... final byte).
inline std::string without_escapes(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && !(text[i] >= '@' && text[i] <= '~')) ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

// The lines of `text`, without the '\r' a terminal adds before each '\n'.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// What a person sees: no escapes, no '\r'.
inline std::string seen(const std::string& terminal_output) {
  std::string out;
  for (const std::string& line : lines_of(without_escapes(terminal_output))) out += line + '\n';
  return out;
}

inline std::size_t widest_line(const std::string& text) {
  std::size_t widest = 0;
  for (const std::string& line : lines_of(text)) widest = std::max(widest, aa::display_width(line));
  return widest;
}

// Every character but whitespace, in order: what wrapping must not change.
inline std::string non_space(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

// A pager for tests: it records what it is given in `dir`/paged.txt and
// shows nothing.
inline std::string recording_pager(const TempDir& dir) {
  const std::string path = dir.write("pager.sh", "#!/bin/sh\ncat > '" + dir.path() + "/paged.txt'\n");
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

// A sections.toml with the built-in slugs (the other content files refer
// to them) and text that is hard to wrap: curly quotes, dashes, wide East
// Asian characters, combining marks, letters that fold case beyond ASCII.
inline std::string multibyte_sections_toml() {
  std::string toml;
  int number = 0;
  for (const aa::Section& section : aa::builtin_content().sections) {
    const std::string_view slug = section.slug;
    ++number;
    toml += "[[section]]\nslug = \"" + std::string(slug) + "\"\ntitle = \"Été " + std::to_string(number) +
            ": Ångström’s “quoted” title\"\nparagraphs = [\n"
            "  \"You’re not too much — you are learning what feels safe. 日本語のテキストも 折り返します。 "
            "Combining e\xcc\x81 marks stay put, and ÉTÉ folds to été.\",\n"
            "  \"- A bullet item — with wide 漢字漢字漢字 characters that need wrapping on a narrow terminal.\",\n"
            "  \"- Another item, shorter.\",\n"
            "  \"1. A numbered step, long enough to wrap onto a second line at most widths we try.\",\n"
            "  \"2. Another step: ‘breathe’ first.\",\n"
            "  \"The last paragraph of section " +
            std::to_string(number) +
            ".\",\n"
            "]\n\n";
  }
  return toml;
}

// --help, --version, bad options, a full disk, a closed pipe: the parts of
// the command-line contract that every command keeps. `long_args` makes
// plenty of output.
inline void check_command_contract(const std::string& name, const std::vector<std::string>& long_args) {
  SUBCASE("--help prints usage on stdout") {
    const auto result = run(with_command(name, {"--help"}));
    CHECK(result.status == 0);
    CHECK(result.out.find("Usage") != std::string::npos);
    CHECK(result.out.find("--search") != std::string::npos);
    CHECK(result.out.find("Exit status") != std::string::npos);
    CHECK(result.err.empty());
  }
  SUBCASE("--version names the command") {
    const auto result = run(with_command(name, {"--version"}));
    CHECK(result.status == 0);
    CHECK(result.out.starts_with(name + " "));
    CHECK(result.out.find('.') != std::string::npos);
  }
  SUBCASE("bad options and values are usage errors, exit 2, and print nothing on stdout") {
    const std::vector<std::vector<std::string>> bad = {
        {"--bogus"},          {"--color=sometimes"},          {"--width", "0"},    {"--width", "wide"},
        {"--format", "yaml"}, {"--json", "--format", "text"}, {"--search", ""},    {"--list", "1"},
        {"--all", "1"},       {"--all", "--search", "x"},     {"--list", "--all"},
    };
    for (const auto& args : bad) {
      CAPTURE(args.front());
      CAPTURE(args.back());
      const auto result = run(with_command(name, args));
      CHECK(result.status == 2);
      CHECK(result.out.empty());
      CHECK(result.err.starts_with(name + ": error: "));
      CHECK(lines_of(result.err).size() == 1);
    }
  }
  SUBCASE("a failed write is reported, exit 74") {
    std::vector<std::string> args = {"/bin/sh", "-c", "exec \"$0\" \"$@\" > /dev/full", command(name)};
    args.insert(args.end(), long_args.begin(), long_args.end());
    const auto result = run(args);
    CHECK(result.status == 74);
    CHECK(result.err.starts_with(name + ": error: write error: "));
  }
  SUBCASE("a reader that goes away ends the command quietly") {
    std::vector<std::string> args = {"/bin/bash", "-c",
                                     "\"$0\" \"$@\" | head -c 1 > /dev/null; exit \"${PIPESTATUS[0]}\"", command(name)};
    args.insert(args.end(), long_args.begin(), long_args.end());
    const auto head = run(args);
    CHECK(head.status == 0);
    CHECK(head.err.empty());
    // A pipe already closed before the first write: EPIPE for certain.
    args = {"/usr/bin/env", "python3", "-c",
            "import os, subprocess, sys\n"
            "r, w = os.pipe()\n"
            "os.close(r)\n"
            "sys.exit(subprocess.call(sys.argv[1:], stdout=w))\n",
            command(name)};
    args.insert(args.end(), long_args.begin(), long_args.end());
    const auto closed = run(args);
    CHECK(closed.status == 0);
    CHECK(closed.err.empty());
  }
}

}  // namespace aa::test
