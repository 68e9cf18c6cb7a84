// The bad-input matrix: every kind of wrong input, odd environment and
// output trouble, one row each, end to end through the built commands.
// Each must end with its documented exit code and, on an error, one clear
// line on stderr and nothing on stdout: never a crash, a hang or a trace.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "process.hpp"

namespace {

enum class Stdout { empty, some, any };

struct Row {
  std::string shell;  // a bash command line; the commands are on PATH
  int status;
  std::string stderr_pattern;  // ECMAScript regex the whole of stderr must match
  Stdout out = Stdout::empty;
  std::map<std::string, std::optional<std::string>> env = {};
  std::string stdin_text = "";
};

const std::string error_line = "aa-[a-z]+: error: [^\\n]+\\n";
const std::string quiet = "";

std::string x100k() { return std::string(100 * 1024, 'x'); }

// Content files written into the row's content directory ($CONTENT) before it runs.
std::map<std::string, std::string> content_files() {
  const std::string tip_head = "[[tip]]\nid = \"a\"\ncategory = \"c\"\nsection = \"support\"\n";
  std::string nested = "tip = ";
  for (int i = 0; i < 10000; ++i) nested += "[";
  std::string huge;
  while (huge.size() < 10 * 1024 * 1024) huge += "# a comment line that pads the file out to ten megabytes\n";
  return {
      {"empty/tips.toml", ""},
      {"not-toml/tips.toml", "this is = not [ toml\n"},
      {"wrong-shape/tips.toml", "[tip]\nid = \"a\"\n"},
      {"wrong-type/tips.toml", tip_head + "text = 42\n"},
      {"missing-key/tips.toml", tip_head},
      {"duplicate/tips.toml", tip_head + "text = \"T\"\n" + tip_head + "text = \"U\"\n"},
      {"dangling/tips.toml", "[[tip]]\nid = \"a\"\ncategory = \"c\"\nsection = \"nowhere\"\ntext = \"T\"\n"},
      {"dangling-faq/faq.toml", "[[question]]\nid = \"q\"\nquestion = \"Q?\"\nanswer = \"A.\"\nsee = [\"nowhere\"]\n"},
      {"bad-checklist/checklist.toml", "[[item]]\nid = \"a\"\nsign = \"S\"\n"},
      {"bad-sections/sections.toml", "[[section]]\nslug = \"BAD SLUG\"\ntitle = \"T\"\nparagraphs = [\"P\"]\n"},
      {"nested/tips.toml", nested},
      {"huge/tips.toml", huge},
      {"invalid-utf8/tips.toml", tip_head + "text = \"\xff\xfe\"\n"},
      // Where toml++ 3.3 cannot tell whether 'é' is whitespace (lib/aa/toml_text.hpp).
      {"unclassifiable/tips.toml", tip_head + "text = \"Café.\" é\n"},
      {"line-ending-backslash/tips.toml", tip_head + "text = \"\"\"Un \\\n  été.\"\"\"\n"},
      {"good/tips.toml", tip_head + "text = \"A tip of my own.\"\n"},
  };
}

// ---- Counts a user controls: small pools, long runs, long names. Each row
// writes the content it needs into its own directory under $CONTENT.
std::vector<Row> linear_cost_rows() {
  const std::string two_tips =
      "mkdir -p \"$CONTENT/two-tips\" && printf '[[tip]]\\nid=\"a\"\\ncategory=\"c\"\\nsection=\"support\"\\n"
      "text=\"A.\"\\n[[tip]]\\nid=\"b\"\\ncategory=\"c\"\\nsection=\"support\"\\ntext=\"B.\"\\n' "
      ">\"$CONTENT/two-tips/tips.toml\" && ";
  std::vector<Row> table;
  // Two tips alternate: uniq takes nothing out of a thousand days.
  table.push_back({two_tips + "test \"$(aa-tip --content-dir \"$CONTENT/two-tips\" --daily --count 1000 | uniq | wc -l)\" "
                   "= 1000", 0, quiet});
  table.push_back({two_tips + "aa-tip --content-dir \"$CONTENT/two-tips\" --date 2026-01-01 --count 100000 | tail -n 1",
                   0, quiet, Stdout::some});
  // Names at the length where suggestions stop being looked for, and past it.
  table.push_back({"aa-tip --id \"" + std::string(200, 'b') + "\"", 1, "aa-tip: error: no tip 'b+\\.\\.\\.'.*\\n"});
  table.push_back({"aa-tip --category \"" + std::string(201, 'c') + "\"", 1, "aa-tip: error: no category .*\\n"});
  // A needle that nearly matches everywhere.
  table.push_back({"aa-read --search \"$(printf 'e%.0s' {1..100000})x\"", 1, "aa-read: error: [^\\n]{1,500}\\n"});
  return table;
}

std::vector<Row> rows() {
  std::vector<Row> table;
  const std::vector<std::string> commands = {"aa-tip", "aa-read", "aa-faq", "aa-check --answers 1,2,3,4"};
  for (const std::string& command : commands) {
    const std::string name = command.substr(0, command.find(' '));
    // Unknown options, missing and malformed values.
    table.push_back({command + " --bogus", 2, error_line});
    table.push_back({command + " --width", 2, error_line});
    table.push_back({command + " --width -3", 2, error_line});
    table.push_back({command + " --width abc", 2, error_line});
    table.push_back({command + " --width 0", 2, error_line});
    table.push_back({command + " --color sometimes", 2, error_line});
    table.push_back({command + " --format yaml", 2, error_line});
    table.push_back({command + " --json --format text", 2, error_line});
    // Content overrides.
    table.push_back({command + " --content-dir \"$CONTENT/none\"", 65, name + ": error: content directory .*no such directory\\n"});
    table.push_back({command + " --content-dir \"$CONTENT/not-toml\"", 65, name + ": error: .*tips\\.toml:1:[0-9]+: .*\\n"});
    table.push_back({command, 65, name + ": error: .*tips\\.toml:1:1: no \\[\\[tip\\]\\] tables\\n", Stdout::empty,
                     {{"AA_CONTENT_DIR", "$CONTENT/empty"}}});
    // Environment oddities: all fine.
    for (const char* columns : {"0", "abc", "100000"}) {
      table.push_back({command, 0, quiet, Stdout::some, {{"COLUMNS", columns}}});
    }
    table.push_back({command, 0, quiet, Stdout::some, {{"LANG", "C"}, {"LC_ALL", "C"}}});
    table.push_back({command, 0, quiet, Stdout::some, {{"TERM", "dumb"}}});
    table.push_back({command, 0, quiet, Stdout::some, {{"NO_COLOR", "1"}}});
    table.push_back({command, 0, quiet, Stdout::some, {{"PAGER", "/nonexistent/pager"}}});
    table.push_back({command, 0, quiet, Stdout::some, {{"HOME", std::nullopt}}});
    // Output trouble.
    table.push_back({command + " >&-", 74, name + ": error: write error: Bad file descriptor\\n"});
    table.push_back({command + " > /dev/full", 74, name + ": error: write error: No space left on device\\n"});
  }
  // Formats, each with a reader that goes away after one byte.
  for (const std::string& command :
       {std::string("aa-tip --list"), std::string("aa-read --all"), std::string("aa-faq --all"),
        std::string("aa-check --answers 4,4,4,4")}) {
    for (const char* format : {"text", "markdown", "json"}) {
      if (command.starts_with("aa-check") && std::string(format) == "markdown") continue;
      table.push_back({command + " --format " + format + " | head -c 1 >/dev/null; exit ${PIPESTATUS[0]}", 0, quiet,
                       Stdout::empty});
    }
  }
  table.push_back({"aa-tip --list --format fortune | head -c 1 >/dev/null; exit ${PIPESTATUS[0]}", 0, quiet});

  // aa-tip's own values.
  for (const char* bad : {"--date 2026-02-30", "--date 2026-13-01", "--date yesterday", "--seed x", "--seed -1",
                          "--count 0", "--count -1", "--count many", "--count", "--id \"\"", "--category \"\"",
                          "--id a --daily", "--daily --seed 3", "--list --count 2"}) {
    table.push_back({std::string("aa-tip ") + bad, 2, error_line});
  }
  table.push_back({"aa-tip --id nosuch-tip", 1, "aa-tip: error: no tip 'nosuch-tip'.*\\n"});
  table.push_back({"aa-tip --category nosuch", 1, "aa-tip: error: no category 'nosuch'.*\\n"});
  table.push_back({"aa-tip --id \"" + x100k() + "\"", 1, "aa-tip: error: no tip 'x+\\.\\.\\.'.*\\n"});
  table.push_back({"aa-tip --id $'\\xff\\xfe'", 1, "aa-tip: error: no tip '\\\\xff\\\\xfe'.*\\n"});
  table.push_back({"aa-tip --search \"" + x100k() + "\"", 1, "aa-tip: error: [^\\n]{1,500}\\n"});
  table.push_back({"aa-tip", 0, quiet, Stdout::some, {}, std::string(1 << 20, 'y')});  // stdin is not read

  // aa-read and aa-faq: names.
  table.push_back({"aa-read nosuch", 1, "aa-read: error: .*nosuch.*\\n"});
  table.push_back({"aa-read 99", 1, "aa-read: error: .*99.*\\n"});
  table.push_back({"aa-read 0", 1, "aa-read: error: .*\\n"});
  table.push_back({"aa-read s", 1, "aa-read: error: .*\\n"});  // signs, strategies, support, summary
  table.push_back({"aa-read \"\"", 1, "aa-read: error: .*\\n"});
  table.push_back({"aa-read \"" + x100k() + "\"", 1, "aa-read: error: [^\\n]{1,500}\\n"});
  table.push_back({"aa-read $'\\xff\\xfe'", 1, "aa-read: error: .*\\\\xff.*\\n"});
  table.push_back({"aa-read signs nosuch", 1, "aa-read: error: .*nosuch.*\\n"});
  table.push_back({"aa-read --search zzzzqqq", 1, error_line});
  table.push_back({"aa-read --search \"" + x100k() + "\"", 1, "aa-read: error: [^\\n]{1,500}\\n"});
  table.push_back({"aa-read --search $'\\xff'", 1, error_line});
  table.push_back({"aa-faq 9", 1, "aa-faq: error: .*\\n"});
  table.push_back({"aa-faq nosuch", 1, "aa-faq: error: .*\\n"});
  table.push_back({"aa-faq \"" + x100k() + "\"", 1, "aa-faq: error: [^\\n]{1,500}\\n"});
  table.push_back({"aa-faq --search zzzzqqq", 1, error_line});

  // aa-check: answers by option and stdin.
  for (const char* bad : {"1,2,3", "1,2,3,4,0", "1,2,3,5", "1,2,3,-1", "a,b,c,d", "1,,2,3", "\"\"", "1.5,2,3,4",
                          "$'1,2,3,\\xff'"}) {
    table.push_back({std::string("aa-check --answers ") + bad, 2, "aa-check: error: .*\\n"});
  }
  table.push_back({"aa-check", 2, "aa-check: error: .*\\n", Stdout::empty, {}, "1 2 3"});
  table.push_back({"aa-check", 2, "aa-check: error: .*\\n", Stdout::empty, {}, std::string("1,2\0,3,4", 8)});
  table.push_back({"aa-check", 2, "aa-check: error: .*\\n", Stdout::empty, {}, std::string(1 << 20, '1')});
  table.push_back({"aa-check", 0, quiet, Stdout::some, {}, "1\n2\n3\n4\n"});
  table.push_back({"aa-check --answers 1,2,3,4 --save", 74, "aa-check: error: .*\\n", Stdout::some,
                   {{"HOME", std::nullopt}, {"XDG_DATA_HOME", std::nullopt}}});
  table.push_back({"aa-check --answers 1,2,3,4 --save", 74, "aa-check: error: .*file-not-dir.*\\n", Stdout::some,
                   {{"XDG_DATA_HOME", "$CONTENT/good/tips.toml/file-not-dir"}}});

  // Every kind of broken content file, through each loader.
  for (const char* dir : {"wrong-shape", "wrong-type", "missing-key", "duplicate", "dangling", "nested", "huge",
                          "invalid-utf8"}) {
    table.push_back({std::string("aa-tip --content-dir \"$CONTENT/") + dir + "\"", 65,
                     "aa-tip: error: [^\\n]*tips\\.toml:[0-9]+:[0-9]+: [^\\n]+\\n"});
  }
  table.push_back({"aa-faq --content-dir \"$CONTENT/dangling-faq\"", 65, "aa-faq: error: .*faq\\.toml:5:8: .*nowhere.*\\n"});
  table.push_back({"aa-check --answers 1 --content-dir \"$CONTENT/bad-checklist\"", 65,
                   "aa-check: error: .*checklist\\.toml:1:1: .*\\n"});
  table.push_back({"aa-read --content-dir \"$CONTENT/bad-sections\"", 65, "aa-read: error: .*sections\\.toml:2:8: .*\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/dangling-link\"", 65, "aa-tip: error: .*tips\\.toml: cannot read: .*\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/dir-not-file\"", 65, "aa-tip: error: .*tips\\.toml: is a directory.*\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/unclassifiable\"", 65,
                   "aa-tip: error: .*tips\\.toml:5:16: .*'é'.*\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/line-ending-backslash\"", 0, quiet, Stdout::some});
  table.push_back({"aa-tip --content-dir \"$CONTENT/good\"", 0, quiet, Stdout::some});
  for (Row& row : linear_cost_rows()) table.push_back(std::move(row));
  return table;
}

}  // namespace

TEST_CASE("the bad-input matrix") {
  aa::test::TempDir content;
  for (const auto& [name, text] : content_files()) content.write(name, text);
  std::filesystem::create_directories(content.path() + "/dangling-link");
  std::filesystem::create_symlink(content.path() + "/missing", content.path() + "/dangling-link/tips.toml");
  std::filesystem::create_directories(content.path() + "/dir-not-file/tips.toml");

  const auto table = rows();
  CHECK(table.size() >= 60);
  const std::string path = std::string(AA_TOOLS_DIR) + ":/usr/bin:/bin";
  for (const Row& row : table) {
    aa::test::RunOptions options;
    options.env = {{"PATH", path}, {"CONTENT", content.path()}, {"HOME", content.path()}};
    for (const auto& [name, value] : row.env) {
      options.env[name] = value;
      if (value && value->starts_with("$CONTENT")) options.env[name] = content.path() + value->substr(8);
    }
    options.stdin_text = row.stdin_text;
    const auto result = aa::test::run({"/bin/bash", "-c", row.shell}, options);
    CAPTURE(row.shell.substr(0, 120));
    CAPTURE(result.err.substr(0, 300));
    CHECK(result.status == row.status);
    CHECK(std::regex_match(result.err, std::regex(row.stderr_pattern)));
    if (row.out == Stdout::empty) CHECK(result.out.empty());
    if (row.out == Stdout::some) CHECK_FALSE(result.out.empty());
  }
}
