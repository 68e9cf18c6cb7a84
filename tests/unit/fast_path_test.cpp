// SPDX-License-Identifier: MIT
#include "tip/fast_path.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <new>
#include <string>
#include <vector>

#include <unistd.h>
#include <CLI/CLI.hpp>

#include "aa/cli/guarded_run.hpp"
#include "aa/io/error.hpp"

namespace {

constexpr const char* daily_names = "-d,--daily";

bool only_flag(std::vector<const char*> args, const char* names = daily_names) {
  args.insert(args.begin(), "aa-tip");
  return aa::cli::is_only_flag(static_cast<int>(args.size()), args.data(), names);
}

// What CLI11 makes of `args` with a flag named `daily_names` among other
// options, as aa-tip declares them: whether the flag is set, and how many
// other options the command line (or the environment) gave.
struct Parsed {
  bool daily = false;
  std::size_t others = 0;
};

Parsed parse_with_cli11(std::vector<const char*> args) {
  CLI::App app{"test"};
  bool daily = false;
  std::string color = "auto";
  std::uint64_t seed = 0;
  bool list = false;
  std::string content_dir;
  app.add_flag(daily_names, daily);
  auto* color_option = app.add_option("--color", color);
  auto* seed_option = app.add_option("--seed", seed);
  auto* list_option = app.add_flag("-l,--list", list);
  auto* content_option = app.add_option("--content-dir", content_dir);
  args.insert(args.begin(), "aa-tip");
  app.parse(static_cast<int>(args.size()), const_cast<char**>(args.data()));
  return {daily, color_option->count() + seed_option->count() + list_option->count() + content_option->count()};
}

}  // namespace

TEST_CASE("is_only_flag: the command line is exactly one of the flag's names") {
  CHECK(only_flag({"--daily"}));
  CHECK(only_flag({"-d"}));
  CHECK(only_flag({"--seed"}, "--seed"));
  CHECK_FALSE(only_flag({}));
  CHECK_FALSE(only_flag({"--daily", "--daily"}));
  CHECK_FALSE(only_flag({"--daily", "--color=auto"}));
  CHECK_FALSE(only_flag({"--color=auto", "--daily"}));
  CHECK_FALSE(only_flag({"--daily=true"}));
  CHECK_FALSE(only_flag({"--daily=false"}));
  CHECK_FALSE(only_flag({"-dd"}));
  CHECK_FALSE(only_flag({"-dl"}));
  CHECK_FALSE(only_flag({"--dail"}));
  CHECK_FALSE(only_flag({"--Daily"}));
  CHECK_FALSE(only_flag({"-D"}));
  CHECK_FALSE(only_flag({"daily"}));
  CHECK_FALSE(only_flag({"d"}));
  CHECK_FALSE(only_flag({"-"}));
  CHECK_FALSE(only_flag({"--"}));
  CHECK_FALSE(only_flag({""}));
  CHECK_FALSE(only_flag({"--daily "}));
  CHECK_FALSE(only_flag({"-d,--daily"}));
  CHECK_FALSE(only_flag({"--list"}));
  // A name without a dash would be a positional argument.
  CHECK_FALSE(only_flag({"daily"}, "daily,--daily"));
  CHECK_FALSE(only_flag({""}, ",--daily"));
}

TEST_CASE("is_only_flag: a missing argument is not a flag") {
  const char* args[] = {"aa-tip", nullptr};
  CHECK_FALSE(aa::cli::is_only_flag(2, args, daily_names));
  CHECK_FALSE(aa::cli::is_only_flag(1, args, daily_names));
  CHECK_FALSE(aa::cli::is_only_flag(0, nullptr, daily_names));
}

TEST_CASE("is_only_flag agrees with CLI11: what it accepts, the parser reads as the flag alone") {
  const std::vector<std::vector<const char*>> command_lines = {
      {"--daily"}, {"-d"}, {"--daily", "--color=auto"}, {"-dl"}, {"--daily=true"}, {"--list"}, {}};
  for (const auto& args : command_lines) {
    CAPTURE(args.size());
    if (!only_flag(args)) continue;
    const Parsed parsed = parse_with_cli11(args);
    CHECK(parsed.daily);
    CHECK(parsed.others == 0);
  }
  // And the fast path's two command lines are among them.
  CHECK(parse_with_cli11({"--daily"}).daily);
  CHECK(parse_with_cli11({"-d"}).daily);
}

namespace {

// Runs run_guarded() with stderr sent to a file; its exit status and what
// it wrote there.
struct Guarded {
  int status = -1;
  std::string err;
};

Guarded guarded(const std::function<int()>& body) {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  const int saved = dup(STDERR_FILENO);
  dup2(fileno(file), STDERR_FILENO);
  Guarded result;
  result.status = aa::cli::run_guarded("aa-test", body);
  dup2(saved, STDERR_FILENO);
  close(saved);
  std::rewind(file);
  char buffer[512];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) result.err.append(buffer, n);
  std::fclose(file);
  return result;
}

}  // namespace

TEST_CASE("run_guarded: the body's status, or each failure as one line and its exit code") {
  Guarded ok = guarded([] { return 1; });
  CHECK(ok.status == 1);
  CHECK(ok.err.empty());

  Guarded error = guarded([]() -> int { throw aa::Error(aa::Problem::data, "Tips.toml:1:1: no text"); });
  CHECK(error.status == 65);
  CHECK(error.err == "aa-test: error: tips.toml:1:1: no text\n");

  Guarded pipe = guarded([]() -> int { throw aa::BrokenPipe(); });
  CHECK(pipe.status == 0);
  CHECK(pipe.err.empty());

  Guarded memory = guarded([]() -> int { throw std::bad_alloc(); });
  CHECK(memory.status == 70);
  CHECK(memory.err == "aa-test: error: out of memory\n");

  Guarded other = guarded([]() -> int { throw std::runtime_error("surprise"); });
  CHECK(other.status == 70);
  CHECK(other.err == "aa-test: error: internal error: surprise\n");
}
