// aa-tip, end to end through the built binary.
#include <doctest/doctest.h>

#include <set>

#include "process.hpp"

using aa::test::command;
using aa::test::run;

namespace {

std::vector<std::string> tip(std::vector<std::string> args) {
  args.insert(args.begin(), command("aa-tip"));
  return args;
}

[[maybe_unused]] std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("a random tip in a pipe is exactly one line") {
  const auto result = run(tip({}));
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CHECK(aa::test::count_lines(result.out) == 1);
  CHECK(result.out.back() == '\n');
}
