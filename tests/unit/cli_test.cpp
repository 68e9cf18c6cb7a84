// SPDX-License-Identifier: MIT
#include "aa/cli/cli.hpp"
#include "aa/cli/cli_options.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/help_format.hpp"
#include "aa/cli/option_errors.hpp"
#include "aa/core/suggest.hpp"
#include "command_info.hpp"
#include "skip.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <filesystem>
#include <string>
#include <vector>

#include <linux/magic.h>
#include <sys/statfs.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// Runs `check` in a child with `closed` descriptors closed; its exit
// status: 0 when every check held, else the number of the one that failed.
template <class Check>
int in_child_without(std::initializer_list<int> closed, Check check) {
  const pid_t child = fork();
  if (child == 0) {
    for (int fd : closed) close(fd);
    _exit(check());
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

}  // namespace

TEST_CASE("fill_closed_standard_descriptors: a closed 0, 1 or 2 stays unusable and is never reused") {
  for (const auto closed : {std::initializer_list<int>{1}, {2}, {1, 2}, {0, 1, 2}, {0, 2}}) {
    CHECK(in_child_without(closed, [&] {
            aa::cli::fill_closed_standard_descriptors();
            for (int fd : closed) {
              if (fcntl(fd, F_GETFD) == -1) return 1;                   // filled
              if (write(fd, "x", 1) != -1 || errno != EBADF) return 2;  // yet not writable
              char byte = 0;
              if (read(fd, &byte, 1) != -1 || errno != EBADF) return 3;  // nor readable
              if (isatty(fd)) return 4;
            }
            const int next = open("/dev/null", O_RDWR);
            return next > STDERR_FILENO ? 0 : 5;  // a new file gets 3 or more
          }) == 0);
  }
  // Open ones are left alone.
  const int flags = fcntl(STDOUT_FILENO, F_GETFL);
  aa::cli::fill_closed_standard_descriptors();
  CHECK(fcntl(STDOUT_FILENO, F_GETFL) == flags);
}

TEST_CASE("worded: the command-line layer adds how to list what a name was looked for among") {
  const std::string_view names[] = {"signs", "strategies"};
  try {
    aa::throw_unknown_name(aa::Names::sections, "sign", names);
  } catch (const aa::Error& error) {
    CHECK(aa::cli::worded(error) == "no section 'sign'; did you mean 'signs'? ('aa-read --list' lists them)");
  }
  // Nothing close: the word may be one to search for.
  try {
    aa::throw_unknown_name(aa::Names::sections, "weakness", names);
  } catch (const aa::Error& error) {
    CHECK(aa::cli::worded(error) ==
          "no section 'weakness' ('aa-read --list' lists them; to search for it: aa-read --search weakness)");
  }
  CHECK(aa::cli::worded(aa::NamesError(aa::Problem::not_found, "no tip 'x'", aa::Names::tips)) ==
        "no tip 'x' ('aa-tip --list' lists them)");
  // A number is no word to search for; a name of several words is quoted.
  const std::string_view questions[] = {"roots"};
  try {
    aa::throw_unknown_name(aa::Names::questions, "99", questions);
  } catch (const aa::Error& error) {
    CHECK(aa::cli::worded(error).find("--search") == std::string::npos);
  }
  try {
    aa::throw_unknown_name(aa::Names::tips, "my partner's", questions);
  } catch (const aa::Error& error) {
    CHECK(aa::cli::worded(error).ends_with("to search for it: aa-tip --search 'my partner'\\''s')"));
  }
  CHECK(aa::cli::worded(aa::NamesError(aa::Problem::not_found, "no category 'x'", aa::Names::categories)) ==
        "no category 'x' ('aa-tip --list-categories' lists them)");
  CHECK(aa::cli::worded(aa::NamesError(aa::Problem::not_found, "no question 9", aa::Names::questions)) ==
        "no question 9 ('aa-faq --list' lists them)");
  CHECK(aa::cli::worded(aa::NamesError(aa::Problem::usage, "3 answers for 4 items", aa::Names::checklist)) ==
        "3 answers for 4 items; 'aa-check --items' lists the statements in order");
  CHECK(aa::cli::worded(aa::Error(aa::Problem::io, "disk full")) == "disk full");
}

TEST_CASE("exit_status: the documented status for each kind of failure") {
  CHECK(aa::cli::exit_status(aa::Problem::not_found) == 1);
  CHECK(aa::cli::exit_status(aa::Problem::usage) == 2);
  CHECK(aa::cli::exit_status(aa::Problem::data) == 65);
  CHECK(aa::cli::exit_status(aa::Problem::io) == 74);
  CHECK(aa::cli::exit_status(aa::Problem::internal) == 70);
}

TEST_CASE("format_named: every format by its option name, and nothing else") {
  for (aa::Format format : {aa::Format::text, aa::Format::markdown, aa::Format::json, aa::Format::fortune}) {
    CHECK(aa::cli::format_named(aa::cli::format_name(format)) == format);
  }
  CHECK(aa::cli::format_named("text") == aa::Format::text);
  CHECK(aa::cli::format_named("markdown") == aa::Format::markdown);
  CHECK(aa::cli::format_named("json") == aa::Format::json);
  CHECK(aa::cli::format_named("fortune") == aa::Format::fortune);
  CHECK_FALSE(aa::cli::format_named("JSON"));
  CHECK_FALSE(aa::cli::format_named("yaml"));
}

TEST_CASE("formats_for: the formats that apply to what a command prints, in the order of --help") {
  using aa::Format;
  using aa::cli::Printout;
  CHECK(aa::cli::formats_for({Printout::tips, Printout::hits}) ==
        std::vector{Format::text, Format::markdown, Format::json, Format::fortune});
  CHECK(aa::cli::formats_for({Printout::document, Printout::hits}) ==
        std::vector{Format::text, Format::markdown, Format::json});
  CHECK(aa::cli::formats_for({Printout::hits, Printout::notice}) == std::vector{Format::text, Format::json});
}

// ---- Option mistakes and --help -------------------------------------------

namespace {

// The line run() reports for `arguments` given to a small command with
// the shared options and a few of its own, built as the real ones are.
std::string mistake_for(std::vector<std::string> arguments) {
  CLI::App app{"A test command."};
  aa::cli::CommonOptions common;
  std::string name;
  bool first = false;
  bool second = false;
  bool partner = false;
  aa::cli::describe(app, "aa-test");
  app.add_option("-n,--name", name, "A name")->type_name("NAME")->required(arguments.empty());
  auto* one = app.add_flag("--first", first, "One");
  auto* two = app.add_flag("--second", second, "Two");
  auto* needy = app.add_flag("--partner", partner, "Needs --first");
  one->excludes(two);
  needy->needs(one);
  aa::cli::add_output_options(app, common);
  // What CLI11 would misread is found first, as run() does.
  if (const auto misread = aa::cli::misread_word(app, arguments)) return aa::cli::explain(misread->mistake, "aa-test");
  std::vector<char*> argv = {const_cast<char*>("aa-test")};
  for (std::string& argument : arguments) argv.push_back(argument.data());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& error) {
    return aa::cli::explain(aa::cli::option_mistake(error, app, app, arguments), "aa-test");
  }
  return "";
}

}  // namespace

TEST_CASE("option_mistake and explain: each of CLI11's parse errors in our words") {
  // ExtrasError: unknown options, with a suggestion when one is close.
  CHECK(mistake_for({"-n", "x", "--frist"}) == "unknown option '--frist'; did you mean '--first'?");
  CHECK(mistake_for({"-n", "x", "--colr=never"}) == "unknown option '--colr'; did you mean '--color'?");
  CHECK(mistake_for({"-n", "x", "--qqqqqqq"}) == "unknown option '--qqqqqqq'");
  CHECK(mistake_for({"-n", "x", "-q"}) == "unknown option '-q'");
  CHECK(mistake_for({"-n", "x", "--q"}) == "unknown option '--q'");  // too short to guess from
  // ExtrasError: arguments, in the order typed.
  CHECK(mistake_for({"-n", "x", "a", "b", "c"}) == "aa-test takes no arguments, but was given 'a', 'b' and 'c'");
  // ArgumentMismatch: a value left out, however the option was written.
  CHECK(mistake_for({"--name"}) == "--name needs a NAME");
  CHECK(mistake_for({"-n"}) == "--name needs a NAME");
  CHECK(mistake_for({"-n", "x", "--width="}) == "--width needs an N");
  CHECK(mistake_for({"-n", "x", "--first", "--width"}) == "--width needs an N");
  CHECK(mistake_for({"-n", "a", "-n", "b"}).empty());  // the last one wins
  // Words CLI11 would misread, found before the parse: a flag given a
  // value (even one CLI11 reads as true), and one dash before a long name.
  CHECK(mistake_for({"-n", "x", "--first=perhaps"}) == "--first takes no value, but was given 'perhaps'");
  CHECK(mistake_for({"-n", "x", "--first=true"}) == "--first takes no value, but was given 'true'");
  CHECK(mistake_for({"--color", "never", "-n", "x", "--first=perhaps"}) ==
        "--first takes no value, but was given 'perhaps'");
  CHECK(mistake_for({"-n", "x", "-first"}) == "unknown option '-first'; did you mean '--first'?");
  CHECK(mistake_for({"-name", "x"}) == "unknown option '-name'; did you mean '--name'?");
  CHECK(mistake_for({"-nx"}).empty());  // -n with its value
  CHECK(mistake_for({"-n", "x", "--", "--first=1"}) == "aa-test takes no arguments, but was given '--first=1'");
  // A check's refusal: its own words, about the option it checks.
  CHECK(mistake_for({"-n", "x", "--color", "pink"}) == "--color: 'pink' is not one of auto, always, never");
  CHECK(mistake_for({"--color", "never", "-n", "x", "--width", "0"}) ==
        "--width: '0' is not a whole number from 1 to 100000");
  CHECK(mistake_for({"-n", "x", "--width", "70", "--width", "0"}) ==
        "--width: '0' is not a whole number from 1 to 100000");
  // ExcludesError, in the order typed; RequiresError.
  CHECK(mistake_for({"-n", "x", "--second", "--first"}) == "--second and --first cannot be used together");
  CHECK(mistake_for({"-n", "x", "--partner"}) == "--partner only works with --first");
  // RequiredError.
  CHECK(mistake_for({}) == "--name must be given");
}

TEST_CASE("explain: arguments of a command that takes them, and text it only has the parser's words for") {
  aa::cli::OptionMistake mistake;
  mistake.kind = aa::cli::OptionMistakeKind::unexpected_arguments;
  mistake.values = {"x"};
  CHECK(aa::cli::explain(mistake, "aa-read") == "unexpected argument 'x'");
  mistake.values = {"\x1b[2J", std::string(100, 'y')};
  CHECK(aa::cli::explain(mistake, "aa-read").find('\x1b') == std::string::npos);
  CHECK(aa::cli::explain(mistake, "aa-read").size() < 120);
  mistake.kind = aa::cli::OptionMistakeKind::other;
  mistake.detail = "something CLI11 said";
  CHECK(aa::cli::explain(mistake, "aa-read") == "something CLI11 said");
  mistake.kind = aa::cli::OptionMistakeKind::conflict;
  mistake.option = "--list";
  mistake.other = "SECTION";
  mistake.other_is_argument = true;
  CHECK(aa::cli::explain(mistake, "aa-read") == "--list cannot be used with a SECTION");
}

TEST_CASE("with_article: as the placeholder is read aloud") {
  CHECK(aa::cli::with_article("NAME") == "a NAME");
  CHECK(aa::cli::with_article("ID") == "an ID");
  CHECK(aa::cli::with_article("N") == "an N");
  CHECK(aa::cli::with_article("YYYY-MM-DD") == "a YYYY-MM-DD");
  CHECK(aa::cli::with_article("TEXT") == "TEXT");
  CHECK(aa::cli::with_article("") == "a value");
}

TEST_CASE("help_entry: the description in its column, wrapped within the width") {
  CHECK(aa::cli::help_entry("--json", "Short for --format json", 80) ==
        "  --json" + std::string(22, ' ') + "Short for --format json\n");
  const std::string long_text =
      "Read content files from DIR in place of the built-in ones; the environment variable AA_CONTENT_DIR does the "
      "same";
  for (std::size_t width : {40, 60, 80, 100}) {
    CAPTURE(width);
    const std::string entry = aa::cli::help_entry("--content-dir DIR", long_text, width);
    for (const std::string& line : aa::test::split_lines(entry)) CHECK(line.size() <= width);
  }
  const std::string entry = aa::cli::help_entry("--content-dir DIR", long_text, 80);
  CHECK(entry.starts_with("  --content-dir DIR" + std::string(11, ' ') + "Read content"));
  CHECK(entry.find("\n" + std::string(30, ' ') + "built-in") != std::string::npos);
  // Names that reach the column: the description starts on the next line.
  const std::string wide = aa::cli::help_entry("--a-very-long-option-name VALUE", "Says what", 80);
  CHECK(wide == "  --a-very-long-option-name VALUE\n" + std::string(30, ' ') + "Says what\n");
  CHECK(aa::cli::help_entry("--x", "", 80) == "  --x\n");
  // A word too wide for the column: the description beneath the names.
  CHECK(aa::cli::help_entry("--list-prompts", "Every prompt: id<TAB>section<TAB>sign<TAB>text", 60) ==
        "  --list-prompts\n        Every prompt: id<TAB>section<TAB>sign<TAB>text\n");
  // A narrow terminal moves the column left, to keep room for the words.
  CHECK(aa::cli::help_description_column(40) == 20);
  CHECK(aa::cli::help_entry("--json", "Short for --format json", 40) ==
        "  --json" + std::string(12, ' ') + "Short for --format\n" + std::string(20, ' ') + "json\n");
}

TEST_CASE("help_paragraphs: each line wrapped within the width") {
  CHECK(aa::cli::help_paragraphs("", 80) == "");
  CHECK(aa::cli::help_paragraphs("one\ntwo", 80) == "one\ntwo\n");
  const std::string wrapped = aa::cli::help_paragraphs(std::string(50, 'a') + " " + std::string(50, 'b'), 80);
  CHECK(wrapped == std::string(50, 'a') + "\n" + std::string(50, 'b') + "\n");
  CHECK(aa::cli::help_paragraphs("one two three", 8) == "one two\nthree\n");
}

TEST_CASE("help_examples: what it does, then the command beneath it") {
  const std::vector<aa::cli::Example> examples = {{"The tip of the day", "aa-tip --daily"},
                                                  {"Every tip about a word", "aa-tip --search text"}};
  CHECK(aa::cli::help_examples(examples, 80) ==
        "\nExamples:\n  The tip of the day:\n    aa-tip --daily\n  Every tip about a word:\n"
        "    aa-tip --search text\n");
  CHECK(aa::cli::help_examples({}, 80).empty());
  // A command too long for the line breaks between words, hanging deeper.
  CHECK(aa::cli::help_examples(examples, 20).ends_with("    aa-tip --search\n      text\n"));
}

TEST_CASE("drafts for an encrypted store go to a folder in memory, or nowhere") {
  struct statfs shm {};
  const bool shm_in_memory = ::statfs("/dev/shm", &shm) == 0 && shm.f_type == TMPFS_MAGIC;
  // /proc lives in memory too, but is no tmpfs: it holds no files of ours.
  CHECK(aa::cli::memory_draft_folder(std::nullopt, "/proc") == std::nullopt);
  CHECK(aa::cli::memory_draft_folder("/proc", "/proc") == std::nullopt);
  CHECK(aa::cli::memory_draft_folder("relative/run", "/proc") == std::nullopt);
  if (!shm_in_memory) return aa::test::skip_missing("a tmpfs on /dev/shm");
  CHECK(aa::cli::memory_draft_folder("/dev/shm", "/proc") == std::filesystem::path("/dev/shm/aa"));
  CHECK(aa::cli::memory_draft_folder("/proc", "/dev/shm") ==
        std::filesystem::path("/dev/shm/aa-" + std::to_string(::getuid())));
  CHECK(aa::cli::memory_draft_folder(std::nullopt) ==
        std::filesystem::path("/dev/shm/aa-" + std::to_string(::getuid())));
}
