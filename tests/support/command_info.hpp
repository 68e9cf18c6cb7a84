// What the documentation tests need to know about the built commands: which
// there are, and the options and formats their --help shows; plus finding
// the programs (groff, shells) the tests drive.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
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

// Every command built beside aa-tip: the executables named aa-*, except
// the build-time content generator.
inline std::vector<std::string> command_names() {
  std::vector<std::string> names;
  const std::filesystem::path dir = std::filesystem::path(command("aa-tip")).parent_path();
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("aa-", 0) != 0 || name == "aa-contentgen" || !entry.is_regular_file()) continue;
    if (access(entry.path().c_str(), X_OK) != 0) continue;
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The options `name --help` lists: each line of the option table starts
// with its names, such as "  -d,--daily Excludes: ..." or "  --json".
inline std::set<std::string> help_options(const std::string& name) {
  std::set<std::string> options;
  const RunResult help = run({command(name), "--help"});
  static const std::regex option_line(R"(^\s+(-[^\s]+))");
  static const std::regex option_name(R"(^--?[A-Za-z][A-Za-z0-9-]*$)");
  for (const std::string& line : split_lines(help.out)) {
    std::smatch match;
    if (!std::regex_search(line, match, option_line)) continue;
    std::istringstream names(match[1].str());
    for (std::string option; std::getline(names, option, ',');) {
      if (std::regex_match(option, option_name)) options.insert(option);
    }
  }
  return options;
}

// The values of --format that `name --help` names ("Output format: text,
// markdown, json (default text)"), in order; empty when it has none.
inline std::vector<std::string> help_formats(const std::string& name) {
  const RunResult help = run({command(name), "--help"});
  std::smatch match;
  static const std::regex formats(R"(Output format: ([a-z, ]+) \(default)");
  if (!std::regex_search(help.out, match, formats)) return {};
  std::vector<std::string> out;
  std::istringstream list(match[1].str());
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
