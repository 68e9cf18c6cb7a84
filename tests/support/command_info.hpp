// SPDX-License-Identifier: MIT
// What the documentation tests need to know about the built commands: which
// there are, and the options and formats their --help shows; plus finding
// the programs (groff, shells) the tests drive.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "process.hpp"

namespace aa::test {

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every command built beside aa-tip: the executables named aa-*.
inline std::vector<std::string> command_names() {
  std::vector<std::string> names;
  const std::filesystem::path dir = std::filesystem::path(command("aa-tip")).parent_path();
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("aa-", 0) != 0 || !entry.is_regular_file()) continue;
    if (access(entry.path().c_str(), X_OK) != 0) continue;
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Whether `word` is an option's name: -x or --some-name. (No std::regex:
// GCC 12 warns falsely inside it in the sanitizer build.)
inline bool is_option_name(std::string_view word) {
  const std::size_t dashes = word.rfind("--", 0) == 0 ? 2 : word.rfind('-', 0) == 0 ? 1 : 0;
  if (dashes == 0 || word.size() == dashes) return false;
  const char first = word[dashes];
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return false;
  for (char c : word.substr(dashes)) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// The subcommands `name --help` lists under "Commands:" (aa-content's dump
// and check), in order. aa's commands are programs of their own, with their
// own options, not subcommands.
inline std::vector<std::string> help_subcommands(const std::string& name) {
  std::vector<std::string> subcommands;
  if (name == "aa") return subcommands;
  bool inside = false;
  for (const std::string& line : split_lines(run({command(name), "--help"}).out)) {
    if (line == "Commands:") {
      inside = true;
    } else if (line.empty() || line[0] != ' ') {
      inside = false;
    } else if (inside) {
      // An entry starts after two spaces; a wrapped description, further in.
      const std::size_t start = line.find_first_not_of(' ');
      if (start == 2) subcommands.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
  }
  return subcommands;
}

// The options `name --help` lists, and those of `name SUBCOMMAND --help`
// for each subcommand: each line of an option table starts with its names,
// such as "  -d,--daily   The tip..." or "  --json".
inline std::set<std::string> help_options(const std::string& name) {
  std::set<std::string> options;
  std::string text = run({command(name), "--help"}).out;
  for (const std::string& subcommand : help_subcommands(name)) text += run({command(name), subcommand, "--help"}).out;
  for (const std::string& line : split_lines(text)) {
    const std::size_t start = line.find_first_not_of(" \t");
    if (start == 0 || start == std::string::npos || line[start] != '-') continue;
    std::istringstream names(line.substr(start, line.find_first_of(" \t", start) - start));
    for (std::string option; std::getline(names, option, ',');) {
      if (is_option_name(option)) options.insert(option);
    }
  }
  return options;
}

// The values of --format that `name --help` names ("Output format: text,
// markdown, json (default text)", perhaps wrapped), in order; empty when it
// has none.
inline std::vector<std::string> help_formats(const std::string& name) {
  std::string help;
  // A wrapped description: its lines joined with a space.
  for (const std::string& line : split_lines(run({command(name), "--help"}).out)) {
    const std::size_t start = line.find_first_not_of(' ');
    help += start == std::string::npos ? "\n" : " " + line.substr(start);
  }
  const std::string label = "Output format: ";
  const std::size_t start = help.find(label);
  if (start == std::string::npos) return {};
  const std::size_t end = help.find(" (default", start);
  std::vector<std::string> out;
  std::istringstream list(help.substr(start + label.size(), end - start - label.size()));
  for (std::string format; std::getline(list, format, ',');) {
    format.erase(0, format.find_first_not_of(' '));
    out.push_back(format);
  }
  return out;
}

// The full path of `program` on PATH, or "" when it is not installed.
inline std::string find_program(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate)) return candidate;
  }
  return "";
}

// PATH with the built commands first.
inline std::string path_with_commands() {
  const char* path = std::getenv("PATH");
  return std::filesystem::path(command("aa-tip")).parent_path().string() + ":" + (path ? path : "/usr/bin:/bin");
}

}  // namespace aa::test
