// SPDX-License-Identifier: MIT
// The release build lays out the code each command runs first, packed
// together (cmake/hot-code/COMMAND.txt, written by bench/hot-code), so that
// a run maps little of the binary. Built only with AA_HOT_CODE_FIRST.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <utility>

#include "aa/command_table.hpp"
#include "files.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::slurp;
using aa::test::source_dir;

namespace {

struct Function {
  std::uint64_t address = 0;
  std::uint64_t size = 0;
};

// The functions of a built command, by name, as nm reads them.
std::map<std::string, Function> functions_of(const std::string& binary) {
  const auto listed = run({"/usr/bin/nm", "-S", "--defined-only", binary});
  REQUIRE(listed.status == 0);
  std::map<std::string, Function> functions;
  std::istringstream lines(listed.out);
  std::string address, size, type, name;
  while (lines >> address) {
    // A line is "address size type name"; a symbol without a size has three words.
    if (!(lines >> size >> type)) break;
    if (type.size() != 1) {
      name = type;
      type = size;
      size = "0";
    } else if (!(lines >> name)) {
      break;
    }
    if (std::string("tTwWiI").find(type[0]) != std::string::npos)
      functions[name] = {std::stoull(address, nullptr, 16), std::stoull(size, nullptr, 16)};
  }
  return functions;
}

}  // namespace

TEST_CASE("each command's hot code is laid out first, packed together") {
  std::size_t commands = 0;
  for (const auto& file : std::filesystem::directory_iterator(source_dir() + "/cmake/hot-code")) {
    const std::string name = file.path().stem();
    CAPTURE(name);
    ++commands;
    const auto functions = functions_of(command(name));
    REQUIRE(!functions.empty());
    std::uint64_t text_start = UINT64_MAX, text_end = 0;
    for (const auto& [_, function] : functions) {
      text_start = std::min(text_start, function.address);
      text_end = std::max(text_end, function.address + function.size);
    }

    std::istringstream order(slurp(file.path()));
    std::size_t listed = 0, found = 0;
    std::uint64_t hot_end = 0, hot_size = 0;
    for (std::string wanted; order >> wanted; ++listed) {
      const auto it = functions.find(wanted);
      if (it == functions.end()) continue;
      ++found;
      hot_end = std::max(hot_end, it->second.address + it->second.size);
      hot_size += it->second.size;
    }
    // A list that no longer names the build's functions is stale: bench/hot-code writes it again.
    REQUIRE(listed > 100);
    CHECK(found * 10 >= listed * 9);
    // Packed: from the start of the code to the end of the last hot function is little more than the hot
    // functions themselves (what else shares their sections comes along), and far from the whole code.
    CHECK(hot_end - text_start <= hot_size * 3 / 2 + 64 * 1024);
    CHECK((hot_end - text_start) * 2 < text_end - text_start);
  }
  // Every command of the toolkit, and aa itself.
  CHECK(commands == aa::cli::known_commands().size() + 1);
}
