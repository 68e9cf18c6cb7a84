// SPDX-License-Identifier: MIT
// The bad-input matrix: every kind of wrong input, odd environment and
// output trouble, one row each, end to end through the built commands.
// Each must end with its documented exit code and, on an error, one clear
// line on stderr and nothing on stdout: never a crash, a hang or a trace.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <sys/stat.h>

#include "aa/content/builtin.hpp"
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
  bool terminal = false;  // stdin and stdout on a terminal of 80x5 (stderr still a pipe)
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
      // Where toml++ 3.3 cannot tell whether 'é' is whitespace (cmake/tomlplusplus.cmake).
      {"unclassifiable/tips.toml", tip_head + "text = \"Café.\" é\n"},
      {"line-ending-backslash/tips.toml", tip_head + "text = \"\"\"Un \\\n  été.\"\"\"\n"},
      {"good/tips.toml", tip_head + "text = \"A tip of my own.\"\n"},
      {"huge-config/aa/config.toml", "save = false\n" + std::string(65 * 1024, '#')},
      // A line that is not a result, then one that is, to show.
      {"bad-history/aa/checks.jsonl",
       "not a saved result\n"
       R"({"date":"2026-01-05","answers":[{"id":"dependence","sign":"Emotional dependence","value":4},)"
       R"({"id":"space","sign":"Fear of space","value":0}],"total":4,"max":8,"stand_out":["dependence"],)"
       R"("read_next":["strategies","calming","support"]})"
       "\n"},
  };
}

// ---- Deep nesting, control characters and markup -------------------------
// Content and config files written for the rows of add_text_rows().
std::map<std::string, std::string> text_files() {
  const std::string tip_head = "[[tip]]\nid = \"a\"\ncategory = \"c\"\nsection = \"support\"\n";
  // Content files 200,000 levels deep, as found; config files as deep as
  // its 64 KiB limit allows (15,000 levels), far past what the bound lets by.
  const auto deep_texts = [](std::size_t levels) {
    std::string dotted = "a";
    for (std::size_t i = 1; i < levels; ++i) dotted += ".a";
    std::string deep_inline;
    for (std::size_t i = 0; i < levels; ++i) deep_inline += "{a=";
    deep_inline += "1" + std::string(levels, '}');
    return std::map<std::string, std::string>{
        {"deep-header", "[" + dotted + "]\n"},
        {"deep-key", dotted + " = 1\n"},
        {"deep-arrays", "x = " + std::string(levels, '[') + std::string(levels, ']') + "\n"},
        {"deep-inline", "x = " + deep_inline + "\n"},
    };
  };
  std::map<std::string, std::string> files;
  for (const auto& [name, text] : deep_texts(200'000)) files[name + "/tips.toml"] = text;
  // $XDG_CONFIG_HOME/aa/config.toml
  for (const auto& [name, text] : deep_texts(15'000)) files[name + "-config/aa/config.toml"] = text;
  // A float array is no depth, however long.
  std::string floats = "save = true\nx = [";
  for (std::size_t i = 0; i < 10'000; ++i) floats += "1.5, ";
  files["floats-config/aa/config.toml"] = floats + "]\n";
  files["c1/tips.toml"] = tip_head + "text = \"Breathe \\u009B2J out.\"\n";
  files["c1-raw/tips.toml"] = tip_head +
                              "text = \"Breathe \xc2\x9b"
                              "2J out.\"\n";
  files["bidi/tips.toml"] = tip_head +
                            "text = \"Breathe \xe2\x80\xae"
                            "out.\"\n";
  files["isolate/tips.toml"] = tip_head + "text = \"Breathe \\u2066out.\"\n";
  files["line-separator/tips.toml"] = tip_head + "text = \"Breathe\\u2028out.\"\n";
  files["zero-width/tips.toml"] = tip_head + "text = \"\xe2\x80\x8b\"\n";
  files["percent/tips.toml"] = tip_head + "text = \"%\"\n";
  files["escape-id/tips.toml"] = "[[tip]]\nid = \"a\\u001B]0;owned\\u0007\\u202E\"\n";
  files["escape-key/tips.toml"] = tip_head + "text = \"T.\"\n\"\\u001B[2J\xe2\x80\xae\" = 1\n";
  files["markup/tips.toml"] =
      tip_head + "text = \"<script>alert(1)</script> and [x](javascript:alert(1)) and <javascript:y>\"\n";
  // Every built-in slug, which the built-in checklist refers to.
  std::string& sections = files["markup/sections.toml"];
  for (const aa::Section& section : aa::builtin_content().sections) {
    sections += fmt::format(
        "[[section]]\nslug = \"{}\"\ntitle = \"<img src=x onerror=alert(1)>\"\n"
        "paragraphs = [\"[a](javascript:a) <b>b</b>\", \"- <i>item</i> [c](javascript:c)\"]\n",
        section.slug);
  }
  files["markup/faq.toml"] =
      "[[question]]\nid = \"q\"\nquestion = \"<q>?</q>\"\nanswer = \"[d](javascript:d) <a href=x>e</a>\"\n"
      "see = [\"support\"]\n";
  return files;
}

void add_text_rows(std::vector<Row>& table) {
  const std::string too_deep = ": nested more than 64 levels deep\\n";
  const std::map<std::string, std::string> deep_columns = {
      {"deep-header", "1:129"}, {"deep-key", "1:130"}, {"deep-arrays", "1:69"}, {"deep-inline", "1:197"}};
  for (const auto& [dir, at] : deep_columns) {
    table.push_back({"aa-tip --content-dir \"$CONTENT/" + dir + "\"", 65,
                     "aa-tip: error: [^\\n]*/" + dir + "/tips\\.toml:" + at + too_deep});
    table.push_back({"aa-check --answers 1,2,3,4",
                     65,
                     "aa-check: error: [^\\n]*/" + dir + "-config/aa/config\\.toml:" + at + too_deep,
                     Stdout::empty,
                     {{"XDG_CONFIG_HOME", "$CONTENT/" + dir + "-config"}}});
  }
  // ... and its key, which no version knows, gets its one warning.
  table.push_back({"aa-check --answers 1,2,3,4",
                   0,
                   "aa-check: warning: [^\\n]*/floats-config/aa/config\\.toml:2: unknown setting 'x' \\(ignored\\)\\n",
                   Stdout::some,
                   {{"XDG_CONFIG_HOME", "$CONTENT/floats-config"}, {"XDG_DATA_HOME", "$CONTENT/floats-data"}}});
  // Content refuses what a terminal would act on, naming it.
  for (const auto& [dir, code] :
       std::map<std::string, std::string>{{"c1", "009B"}, {"c1-raw", "009B"}, {"bidi", "202E"}, {"isolate", "2066"}}) {
    table.push_back({"aa-tip --content-dir \"$CONTENT/" + dir + "\"", 65,
                     "aa-tip: error: [^\\n]*tips\\.toml:5:8: tip 'a': 'text' has the control character U\\+" + code +
                         "[^\\n]*\\n"});
  }
  table.push_back({"aa-tip --content-dir \"$CONTENT/line-separator\"", 65,
                   "aa-tip: error: [^\\n]*tips\\.toml:5:8: tip 'a': 'text' must be one line[^\\n]*\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/zero-width\"", 65,
                   "aa-tip: error: [^\\n]*tips\\.toml:5:8: tip 'a': 'text' is empty\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/percent\"", 65,
                   "aa-tip: error: [^\\n]*tips\\.toml:5:8: tip 'a': 'text' is only '%'[^\\n]*\\n"});
  // Quoted names are escaped: the only control byte on stderr is the final newline.
  table.push_back(
      {"aa-tip --content-dir \"$CONTENT/escape-id\"", 65,
       "aa-tip: error: [^\\n]*tips\\.toml:2:6: tip 'a\\\\x1b\\]0;owned\\\\x07\\\\u\\{202e\\}'[^\\n\\x1b]*\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/escape-key\"", 65,
                   "aa-tip: error: [^\\n]*tips\\.toml:6:1: tip 'a' has unknown key '\\\\x1b\\[2J\\\\u\\{202e\\}'\\n"});
  table.push_back(
      {"aa-read $'\\xe2\\x80\\xaesigns'", 1, "aa-read: error: no section '\\\\u\\{202e\\}signs'[^\\n]*\\n"});
  table.push_back(
      {"aa-tip --id $'\\xc2\\x9b"
       "31m'",
       1, "aa-tip: error: no tip '\\\\u\\{009b\\}31m'[^\\n]*\\n"});
  table.push_back({"aa-faq $'\\xe2\\x80\\xa8'", 1, "aa-faq: error: [^\\n\\x1b]*\\\\u\\{2028\\}[^\\n]*\\n"});
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
  table.push_back({two_tips +
                       "test \"$(aa-tip --content-dir \"$CONTENT/two-tips\" --daily --count 1000 | uniq | wc -l)\" "
                       "= 1000",
                   0, quiet});
  table.push_back({two_tips + "aa-tip --content-dir \"$CONTENT/two-tips\" --date 2026-01-01 --count 100000 | tail -n 1",
                   0, quiet, Stdout::some});
  // Names at the length where suggestions stop being looked for, and past it.
  table.push_back({"aa-tip --id \"" + std::string(200, 'b') + "\"", 1, "aa-tip: error: no tip 'b+\\.\\.\\.'.*\\n"});
  table.push_back({"aa-tip --category \"" + std::string(201, 'c') + "\"", 1, "aa-tip: error: no category .*\\n"});
  // A needle that nearly matches everywhere.
  table.push_back({"aa-read --search \"$(printf 'e%.0s' {1..100000})x\"", 1, "aa-read: error: [^\\n]{1,500}\\n"});
  return table;
}

// ---- Option mistakes, in our words ----------------------------------------
// What a person mistypes on the command line: one line in our words with
// the way to the help, whatever the mistake holds.
std::vector<Row> option_mistake_rows() {
  std::vector<Row> table;
  for (const std::string name : {"aa-tip", "aa-read", "aa-faq", "aa-check"}) {
    const std::string help = " \\(try '" + name + " --help'\\)\\n";
    const std::string error = name + ": error: ";
    table.push_back({name + " --colr never", 2, error + "unknown option '--colr'; did you mean '--color'\\?" + help});
    table.push_back({name + " --width", 2, error + "--width needs an N" + help});
    table.push_back(
        {name + " --no-pager=perhaps", 2, error + "--no-pager takes no value, but was given 'perhaps'" + help});
    table.push_back({name + " --format json --json", 2, error + "--format and --json cannot be used together" + help});
    // Huge, control characters, not UTF-8: quoted short and escaped.
    table.push_back({name + " --\"" + x100k() + "\"", 2, error + "unknown option '--x+\\.\\.\\.'" + help});
    table.push_back({name + " $'--\\x1b[2J'", 2, error + "unknown option '--\\\\x1b\\[2J'" + help});
    table.push_back({name + " $'--\\xff'", 2, error + "unknown option '--\\\\xff'" + help});
    table.push_back({name + " --width $'\\x1b[2J'", 2, error + "--width: '\\\\x1b\\[2J' is not [^\\n]+" + help});
  }
  table.push_back(
      {"aa-tip one two", 2, "aa-tip: error: aa-tip takes no arguments, but was given 'one' and 'two' .*\\n"});
  table.push_back({"aa-tip --category", 2, "aa-tip: error: --category needs a NAME .*\\n"});
  table.push_back({"aa-read --all 1", 2, "aa-read: error: --all cannot be used with a SECTION .*\\n"});
  table.push_back({"aa-check --yes", 2, "aa-check: error: --yes only works with --forget or --delete .*\\n"});
  // Given twice, the last one wins.
  table.push_back({"aa-tip --count 0 --count 2", 2, "aa-tip: error: --count: '0' [^\\n]+\\n"});
  table.push_back({"aa-tip --date nonsense --date 2026-01-01", 2, error_line});
  table.push_back({"aa-read --width 0 --width 40 1", 2, error_line});
  table.push_back({"aa-read --format yaml --format json 1", 2, error_line});
  table.push_back({"aa-tip --count 3 --count 2 --daily | wc -l | grep -qx 2", 0, quiet});
  return table;
}

// ---- What a person writes: folders, limits, the writer and the reader --------
// Each row keeps its stores in a folder of its own under $CONTENT.
std::vector<Row> trust_rows() {
  const std::string entry_line =
      "printf '{\"id\":1,\"time\":\"2026-03-01T21:14:05+01:00\",\"prompt\":null,\"text\":\"%s\"}\\n' ";
  const auto store_in = [](const std::string& name) {
    return "mkdir -p \"$CONTENT/" + name + "/aa\" && chmod 700 \"$CONTENT/" + name + "\" \"$CONTENT/" + name +
           "/aa\" && export XDG_DATA_HOME=\"$CONTENT/" + name + "\" && ";
  };
  const std::string unsafe =
      "the folder [^\\n]*/open can be written by other users \\(mode 0777\\), so it is "
      "not safe for private files\\n";
  std::vector<Row> table;
  // A folder above a store that others can write, or that belongs to another.
  const std::string open_data =
      "mkdir -p \"$CONTENT/open/data\" && chmod 777 \"$CONTENT/open\" && "
      "export XDG_DATA_HOME=\"$CONTENT/open/data\" && ";
  table.push_back(
      {open_data + "echo words | aa-journal", 74, "aa-journal: error: cannot save your entry to [^\\n]*: " + unsafe});
  table.push_back({open_data + "aa-journal --list", 74, "aa-journal: error: cannot read [^\\n]*: " + unsafe});
  table.push_back({open_data + "aa-check --answers 1,2,3,4 --save", 74,
                   "aa-check: error: cannot save your result to [^\\n]*: " + unsafe, Stdout::some});
  table.push_back({open_data + "aa-check --forget --yes", 74, "aa-check: error: cannot delete [^\\n]*: " + unsafe});
  table.push_back(
      {"mkdir -p \"$CONTENT/alien\" && chown 65534 \"$CONTENT/alien\" && export HOME=\"$CONTENT/alien\" && "
       "echo words | aa-journal; status=$?; test -z \"$(ls -A \"$HOME\")\" && exit $status",
       74, "aa-journal: error: [^\\n]*/alien belongs to another user \\(uid 65534\\)[^\\n]*\\n"});
  // Folders made 0700 whatever the umask.
  table.push_back(
      {"export XDG_DATA_HOME=\"$CONTENT/masked/share\" && umask 777 && echo words | aa-journal >/dev/null && "
       "umask 022 && test \"$(stat -c %a \"$CONTENT/masked/share\" \"$CONTENT/masked/share/aa\")\" = "
       "\"$(printf '700\\n700')\"",
       0, quiet});
  // Limits: the file-size limit is a message, never SIGXFSZ.
  table.push_back({store_in("fsize") + entry_line +
                       "\"$(head -c 3000 /dev/zero | tr '\\0' x)\" > \"$XDG_DATA_HOME/aa/journal.jsonl\" && "
                       "ulimit -f 1 && echo words | aa-journal",
                   74, "aa-journal: error: cannot save your entry to [^\\n]*: File too large\\n"});
  // Saved, but not said: the error says it was saved.
  table.push_back({store_in("full") + "echo words | aa-journal >/dev/full", 74,
                   "aa-journal: error: write error: No space left on device \\(entry 1 was saved all the same\\)\\n"});
  table.push_back({store_in("closed") + "echo words | aa-journal >/dev/null && aa-journal --delete 1 --yes >&-", 74,
                   "aa-journal: error: write error: Bad file descriptor \\(entry 1 was deleted all the same\\)\\n"});
  // The writer and the reader agree: the last id, odd time zones, a byte-order mark.
  table.push_back({store_in("last-id") +
                       "echo '{\"retired\": 18446744073709551615}' > \"$XDG_DATA_HOME/aa/journal.jsonl\" && "
                       "echo words | aa-journal",
                   65, "aa-journal: error: [^\\n]*used the last id there is \\(18446744073709551615\\)\\n"});
  for (const char* zone : {"UTC+24", "UTC-24", "XXX+1:00:30"}) {
    table.push_back({store_in(std::string("zone") + zone) + "echo words | TZ=" + zone +
                         " aa-journal >/dev/null && TZ=" + zone + " aa-journal --list",
                     0, quiet, Stdout::some});
  }
  table.push_back({store_in("bom") + "printf '\\357\\273\\277words' | aa-journal >/dev/null && aa-journal --list "
                                     "--json | grep -q '\"text\": \"words\"'",
                   0, quiet});
  // Many bad lines: a few warnings and a count.
  table.push_back(
      {store_in("bad-lines") +
           "printf 'not an entry\\n%.0s' $(seq 1000) > \"$XDG_DATA_HOME/aa/journal.jsonl\" && "
           "echo '{\"id\":1,\"time\":\"2026-03-01T21:14:05+01:00\",\"prompt\":null,\"text\":\"Kept.\"}' >> "
           "\"$XDG_DATA_HOME/aa/journal.jsonl\" && aa-journal --list",
       0,
       "(aa-journal: warning: [^\\n]*\\n){10}aa-journal: warning: [^\\n]*\\.\\.\\. and 990 more such lines, "
       "skipped and left as they are\\n",
       Stdout::some});
  // Leftovers and kept drafts go with --forget.
  table.push_back({store_in("leftovers") +
                       "touch \"$XDG_DATA_HOME/aa/.journal.jsonl.1-0.tmp\" \"$XDG_DATA_HOME/aa/journal-draft-x.txt\" "
                       "\"$XDG_DATA_HOME/aa/journal-draft-x.txt~\" && aa-journal --forget --yes | grep -q 'Deleted 3 "
                       "other files' && "
                       "test -z \"$(ls -A \"$XDG_DATA_HOME/aa\")\"",
                   0, quiet});
  return table;
}

// ---- aa-check's history: imports that disagree with their answers or
// repeat themselves, and byte order marks. Each row that may write keeps
// its history in a folder of its own under $CONTENT.
std::vector<Row> history_rows() {
  // The answers 1,2,3,4 as the built-in checklist scores them, changed by `change`.
  const auto export_of = [](const std::function<void(nlohmann::json&)>& change, int copies = 1) {
    nlohmann::json record = {{"date", "2020-03-01"},
                             {"time", "2020-03-01T09:00:00+01:00"},
                             {"answers",
                              {{{"id", "dependence"}, {"sign", "Emotional dependence"}, {"value", 1}},
                               {{"id", "overanalysing"}, {"sign", "Over-analysing"}, {"value", 2}},
                               {{"id", "space"}, {"sign", "Fear of space"}, {"value", 3}},
                               {{"id", "change"}, {"sign", "Sensitivity to change"}, {"value", 4}}}},
                             {"total", 10},
                             {"max", 16},
                             {"stand_out", {"space", "change"}},
                             {"read_next", nlohmann::json::array({"secure", "strategies", "safety", "calming"})}};
    change(record);
    return nlohmann::json{{"results", std::vector<nlohmann::json>(copies, record)}}.dump(2);
  };
  const auto unchanged = [](nlohmann::json&) {};
  const auto data = [](const std::string& name) {
    return std::map<std::string, std::optional<std::string>>{{"XDG_DATA_HOME", "$CONTENT/" + name}};
  };
  const std::string refused = "aa-check: error: stdin: line 3: result 1: ";
  const std::string nothing = "; nothing was imported\\n";
  std::vector<Row> table;
  table.push_back({"aa-check --import -", 65, refused + "'total' is 99, but its answers add up to 10" + nothing,
                   Stdout::empty, data("import-total"), export_of([](auto& r) { r["total"] = 99; })});
  table.push_back({"aa-check --import -", 65,
                   refused + "'max' is 4, but its answers that apply make at most 16" + nothing, Stdout::empty,
                   data("import-max"), export_of([](auto& r) { r["max"] = 4; })});
  table.push_back({"aa-check --import -", 65, refused + "'stand_out' is \\[change\\], [^\\n]+" + nothing, Stdout::empty,
                   data("import-stand-out"),
                   export_of([](auto& r) { r["stand_out"] = nlohmann::json::array({"change"}); })});
  table.push_back({"aa-check --import -", 65, refused + "answer 4: 'other' is not an item of the checklist" + nothing,
                   Stdout::empty, data("import-item"), export_of([](auto& r) { r["answers"][3]["id"] = "other"; })});
  // A result twice in the file: one is kept, and the message says why not both.
  table.push_back({"aa-check --import - | grep -qx 'Imported 1 result, skipped 1 duplicate within the file\\.'", 0,
                   quiet, Stdout::empty, data("import-duplicate"), export_of(unchanged, 2)});
  // A byte order mark only at the very start of answers or of an import.
  table.push_back({"aa-check",
                   0,
                   quiet,
                   Stdout::some,
                   {},
                   "\xEF\xBB\xBF"
                   "1\n2\n3\n4\n"});
  table.push_back({"aa-check",
                   2,
                   "aa-check: error: .*\\n",
                   Stdout::empty,
                   {},
                   "1\n\xEF\xBB\xBF"
                   "2\n3\n4\n"});
  table.push_back({"aa-check --import - | grep -qx 'Imported 1 result\\.'", 0, quiet, Stdout::empty, data("import-bom"),
                   "\xEF\xBB\xBF" + export_of(unchanged)});
  table.push_back({"aa-check --import -", 65, "aa-check: error: stdin: line 2: not valid JSON[^\\n]*" + nothing,
                   Stdout::empty, data("import-late-bom"), "\n\xEF\xBB\xBF" + export_of(unchanged)});
  // Nothing to show is exit 1, with nothing on stdout, whatever the format.
  table.push_back({"aa-check --history --format markdown", 1,
                   "aa-check: error: no saved results yet; 'aa-check --save' keeps one\\n", Stdout::empty,
                   data("no-history")});
  return table;
}

// ---- Personal tips, aa-content and byte-order marks ----------------------
// A broken personal tips file costs its own tips, never the tip of the day;
// aa-content refuses an empty folder name and a folder with nothing to check.
std::vector<Row> tips_content_rows() {
  // A folder of its own for each row, removed when the row ends.
  const std::string scratch = "d=$(mktemp -d) && trap 'rm -rf \"$d\"' EXIT && ";
  const std::string personal = scratch + "mkdir -p \"$d/aa/tips\" && export XDG_DATA_HOME=\"$d\" && ";
  const std::string left_out = "; its tips are left out\\n";
  const std::string bom = "\\xef\\xbb\\xbf";
  const std::string tip = "[[tip]]\\nid = \"b\"\\ncategory = \"c\"\\nsection = \"support\"\\ntext = \"T.\"\\n";
  std::vector<Row> table;
  for (const std::string mode : {"--daily", "", "--list", "--date 2026-12-11", "--count 3", "--format json"}) {
    table.push_back({personal + "printf '[[tip]]\\nid = 3\\n' > \"$d/aa/tips/bad.toml\" && aa-tip " + mode, 0,
                     "aa-tip: warning: [^\\n]*/bad\\.toml:1:1: [^\\n]+" + left_out, Stdout::some});
  }
  table.push_back({personal + "mkfifo \"$d/aa/tips/pipe.toml\" && aa-tip --daily", 0,
                   "aa-tip: warning: cannot read [^\\n]*/pipe\\.toml: it is a FIFO, not a regular file" + left_out,
                   Stdout::some});
  table.push_back({personal + "mkdir \"$d/aa/tips/folder.toml\" && aa-tip --daily", 0,
                   "aa-tip: warning: cannot read [^\\n]*/folder\\.toml: [^\\n]+" + left_out, Stdout::some});
  table.push_back({personal + "ln -s \"$d/nowhere\" \"$d/aa/tips/dangling.toml\" && aa-tip --daily", 0,
                   "aa-tip: warning: cannot read [^\\n]*/dangling\\.toml: [^\\n]+" + left_out, Stdout::some});
  table.push_back(
      {personal + "truncate -s 17M \"$d/aa/tips/huge.toml\" && aa-tip --daily", 0,
       "aa-tip: warning: cannot read [^\\n]*/huge\\.toml: it is larger than 16 MiB, the most this file may hold" +
           left_out,
       Stdout::some});
  table.push_back({scratch + "mkdir -p \"$d/aa\" && : > \"$d/aa/tips\" && XDG_DATA_HOME=\"$d\" aa-tip --daily", 0,
                   "aa-tip: warning: cannot read personal tips folder [^\\n]*: Not a directory" + left_out,
                   Stdout::some});
  // An empty folder name; a folder with no content file to check.
  for (const std::string command : {"aa-content dump ''", "aa-content check ''", "aa content dump ''"}) {
    table.push_back({command, 2, "aa-content: error: [^\\n]*must not be empty[^\\n]*\\n"});
  }
  table.push_back({scratch + "aa-content check \"$d\"", 1, "aa-content: error: no content files found in [^\\n]+\\n"});
  table.push_back({scratch + "aa-content check --tips \"$d\"", 1,
                   "aa-content: error: no tips files \\(\\*\\.toml\\) found in [^\\n]+\\n"});
  // A byte-order mark at the very start is not text; a second one is.
  table.push_back({scratch + "printf '" + bom + tip + "' > \"$d/tips.toml\" && aa-tip --content-dir \"$d\" --id b", 0,
                   quiet, Stdout::some});
  table.push_back(
      {scratch + "printf '" + bom + tip + "' > \"$d/tips.toml\" && aa-content check \"$d\"", 0, quiet, Stdout::some});
  table.push_back(
      {personal + "printf '" + bom + tip + "' > \"$d/aa/tips/mine.toml\" && aa-tip --id b", 0, quiet, Stdout::some});
  table.push_back({scratch + "printf '" + bom + bom + tip + "' > \"$d/tips.toml\" && aa-content check \"$d\"", 65,
                   "aa-content: error: [^\\n]*tips\\.toml:1:1: [^\\n]+\\naa-content: 1 problem in 1 content file\\n"});
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
    table.push_back(
        {command + " --content-dir \"$CONTENT/none\"", 2, name + ": error: content directory .*no such directory\\n"});
    table.push_back(
        {command + " --content-dir \"$CONTENT/not-toml\"", 65, name + ": error: .*tips\\.toml:1:[0-9]+: .*\\n"});
    table.push_back({command,
                     65,
                     name + ": error: .*tips\\.toml:1:1: no \\[\\[tip\\]\\] tables\\n",
                     Stdout::empty,
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
    // Completion scripts and the names they ask for.
    table.push_back({command + " --completions tcsh", 2, error_line});
    table.push_back({command + " --completions", 2, error_line});
    table.push_back(
        {command + " --completions bash > /dev/full", 74, name + ": error: write error: No space left on device\\n"});
    table.push_back({command + " --completions zsh >&-", 74, name + ": error: write error: Bad file descriptor\\n"});
    table.push_back({command + " --completions fish | head -c 1 >/dev/null; exit ${PIPESTATUS[0]}", 0, quiet});
    table.push_back({command + " --completion-names nosuch", 2, error_line});
    table.push_back({command + " --completion-names tips --content-dir \"$CONTENT/not-toml\"", 65,
                     name + ": error: .*tips\\.toml:1:[0-9]+: .*\\n"});
    table.push_back({command + " --completion-names sections --content-dir \"$CONTENT/none\"", 2,
                     name + ": error: content directory .*no such directory\\n"});
  }
  // Formats, each with a reader that goes away after one byte.
  for (const std::string& command : {std::string("aa-tip --list"), std::string("aa-read --all"),
                                     std::string("aa-faq --all"), std::string("aa-check --answers 4,4,4,4")}) {
    for (const char* format : {"text", "markdown", "json"}) {
      table.push_back({command + " --format " + format + " | head -c 1 >/dev/null; exit ${PIPESTATUS[0]}", 0, quiet,
                       Stdout::empty});
    }
  }
  table.push_back({"aa-tip --list --format fortune | head -c 1 >/dev/null; exit ${PIPESTATUS[0]}", 0, quiet});
  // A format that does not fit what is asked for: one rule, the same words.
  for (const std::string& refused : {std::string("aa-tip --search partner --format markdown"),
                                     std::string("aa-tip --search partner --format fortune"),
                                     std::string("aa-read --search partner --format markdown"),
                                     std::string("aa-faq --search help --format markdown"),
                                     std::string("aa-check --forget --yes --format markdown")}) {
    const std::string name = refused.substr(0, refused.find(' '));
    table.push_back(
        {refused, 2, name + ": error: --format [a-z]+ does not apply to --[a-z-]+, which prints text or json\\n"});
  }

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
  table.push_back({"aa-read s", 1, "aa-read: error: .*\\n"});  // signs, strategies, support, summary, safety, secure
  table.push_back({"aa-read \"\"", 1, "aa-read: error: .*\\n"});
  table.push_back({"aa-read \"" + x100k() + "\"", 1, "aa-read: error: [^\\n]{1,500}\\n"});
  table.push_back({"aa-read $'\\xff\\xfe'", 1, "aa-read: error: .*\\\\xff.*\\n"});
  table.push_back({"aa-read signs nosuch", 1, "aa-read: error: .*nosuch.*\\n"});
  table.push_back({"aa-read --search zzzzqqq", 1, error_line});
  table.push_back({"aa-read --search \"" + x100k() + "\"", 1, "aa-read: error: [^\\n]{1,500}\\n"});
  table.push_back({"aa-read --search $'\\xff'", 1, error_line});
  table.push_back({"aa-faq 99", 1, "aa-faq: error: .*\\n"});
  table.push_back({"aa-faq nosuch", 1, "aa-faq: error: .*\\n"});
  table.push_back({"aa-faq \"" + x100k() + "\"", 1, "aa-faq: error: [^\\n]{1,500}\\n"});
  table.push_back({"aa-faq --search zzzzqqq", 1, error_line});

  // aa-check: answers by option and stdin.
  for (const char* bad :
       {"1,2,3", "1,2,3,4,0", "1,2,3,5", "1,2,3,-1", "a,b,c,d", "1,,2,3", "\"\"", "1.5,2,3,4", "$'1,2,3,\\xff'"}) {
    table.push_back({std::string("aa-check --answers ") + bad, 2, "aa-check: error: .*\\n"});
  }
  table.push_back({"aa-check", 2, "aa-check: error: .*\\n", Stdout::empty, {}, "1 2 3"});
  table.push_back({"aa-check", 2, "aa-check: error: .*\\n", Stdout::empty, {}, std::string("1,2\0,3,4", 8)});
  table.push_back({"aa-check", 2, "aa-check: error: .*\\n", Stdout::empty, {}, std::string(1 << 20, '1')});
  table.push_back({"aa-check", 0, quiet, Stdout::some, {}, "1\n2\n3\n4\n"});
  table.push_back({"aa-check --answers 1,2,3,4 --save",
                   74,
                   "aa-check: error: .*\\n",
                   Stdout::some,
                   {{"HOME", std::nullopt}, {"XDG_DATA_HOME", std::nullopt}}});
  table.push_back({"aa-check --answers 1,2,3,4 --save",
                   74,
                   "aa-check: error: .*file-not-dir.*\\n",
                   Stdout::some,
                   {{"XDG_DATA_HOME", "$CONTENT/good/tips.toml/file-not-dir"}}});

  // Every kind of broken content file, through each loader.
  for (const char* dir :
       {"wrong-shape", "wrong-type", "missing-key", "duplicate", "dangling", "nested", "invalid-utf8"}) {
    table.push_back({std::string("aa-tip --content-dir \"$CONTENT/") + dir + "\"", 65,
                     "aa-tip: error: [^\\n]*tips\\.toml:[0-9]+:[0-9]+: [^\\n]+\\n"});
  }
  table.push_back(
      {"aa-faq --content-dir \"$CONTENT/dangling-faq\"", 65, "aa-faq: error: .*faq\\.toml:5:8: .*nowhere.*\\n"});
  table.push_back({"aa-check --answers 1 --content-dir \"$CONTENT/bad-checklist\"", 65,
                   "aa-check: error: .*checklist\\.toml:1:1: .*\\n"});
  table.push_back(
      {"aa-read --content-dir \"$CONTENT/bad-sections\"", 65, "aa-read: error: .*sections\\.toml:2:8: .*\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/dangling-link\"", 74,
                   "aa-tip: error: cannot read .*tips\\.toml: No such file or directory\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/dir-not-file\"", 74,
                   "aa-tip: error: cannot read .*tips\\.toml: it is a directory, not a regular file\\n"});
  table.push_back(
      {"aa-tip --content-dir \"$CONTENT/unclassifiable\"", 65, "aa-tip: error: .*tips\\.toml:5:16: .*'é'.*\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/line-ending-backslash\"", 0, quiet, Stdout::some});
  table.push_back({"aa-tip --content-dir \"$CONTENT/good\"", 0, quiet, Stdout::some});

  // ---- Files we read and write (the trust rules of conventions.md) ----
  // Content files: regular files only, opened without blocking, within the limit.
  const std::string cannot_read_tips = "aa-tip: error: cannot read [^\\n]*/tips\\.toml: ";
  // Ten megabytes of comments are within the limit: read, and found to hold no tips.
  table.push_back({"aa-tip --content-dir \"$CONTENT/huge\"", 65,
                   "aa-tip: error: [^\\n]*/tips\\.toml:1:1: no \\[\\[tip\\]\\] tables\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/sparse-1g\"", 74,
                   cannot_read_tips + "it is larger than 16 MiB, the most this file may hold\\n"});
  table.push_back(
      {"aa-tip --content-dir \"$CONTENT/fifo\"", 74, cannot_read_tips + "it is a FIFO, not a regular file\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/dev-zero\"", 74,
                   cannot_read_tips + "it is a character device, not a regular file\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/proc-mem\"", 74, cannot_read_tips + "Input/output error\\n"});
  table.push_back({"aa-tip --content-dir \"$CONTENT/good/tips.toml\"", 2,
                   "aa-tip: error: content directory .*: not a directory\\n"});
  // The configuration file, by the same rules.
  table.push_back({"aa-check --answers 1,2,3,4",
                   74,
                   "aa-check: error: cannot read [^\\n]*/config\\.toml: it is a FIFO, not a regular file\\n",
                   Stdout::empty,
                   {{"XDG_CONFIG_HOME", "$CONTENT/fifo-config"}}});
  table.push_back(
      {"aa-check --answers 1,2,3,4",
       74,
       "aa-check: error: cannot read [^\\n]*/config\\.toml: it is larger than 64 KiB, the most this file may hold\\n",
       Stdout::empty,
       {{"XDG_CONFIG_HOME", "$CONTENT/huge-config"}}});
  // Seeing and deleting your own data need no content, broken or not.
  const std::string none_yet = "aa-check: error: no saved results yet; 'aa-check --save' keeps one\\n";
  table.push_back({"aa-check --history", 1, none_yet, Stdout::empty, {{"AA_CONTENT_DIR", "$CONTENT/none"}}});
  table.push_back({"aa-check --history --content-dir \"$CONTENT/not-toml\"", 1, none_yet, Stdout::empty});
  table.push_back({"aa-check --forget --yes", 0, quiet, Stdout::some, {{"AA_CONTENT_DIR", "$CONTENT/empty"}}});
  // A relative XDG_DATA_HOME or HOME names no place: saving is refused.
  table.push_back({"aa-check --answers 1,2,3,4 --save",
                   74,
                   "aa-check: error: [^\\n]*neither XDG_DATA_HOME nor HOME is set to an absolute path\\n",
                   Stdout::some,
                   {{"XDG_DATA_HOME", "relative/data"}, {"HOME", "relative-home"}}});
  for (Row& row : linear_cost_rows()) table.push_back(std::move(row));
  for (Row& row : option_mistake_rows()) table.push_back(std::move(row));
  for (Row& row : trust_rows()) table.push_back(std::move(row));
  for (Row& row : history_rows()) table.push_back(std::move(row));
  for (Row& row : tips_content_rows()) table.push_back(std::move(row));
  add_text_rows(table);
  return table;
}

// The files behind the rows above that a plain write cannot make.
void make_special_files(const aa::test::TempDir& dir) {
  const std::string& content = dir.path();
  std::filesystem::create_directories(content + "/fifo");
  REQUIRE(::mkfifo((content + "/fifo/tips.toml").c_str(), 0600) == 0);
  std::filesystem::create_directories(content + "/fifo-config/aa");
  REQUIRE(::mkfifo((content + "/fifo-config/aa/config.toml").c_str(), 0600) == 0);
  std::filesystem::create_directories(content + "/dev-zero");
  std::filesystem::create_symlink("/dev/zero", content + "/dev-zero/tips.toml");
  std::filesystem::create_directories(content + "/proc-mem");
  std::filesystem::create_symlink("/proc/self/mem", content + "/proc-mem/tips.toml");
  std::filesystem::create_directories(content + "/sparse-1g");
  // Sparse: a gigabyte that takes no room.
  std::filesystem::resize_file(dir.write("sparse-1g/tips.toml", ""), 1ull << 30);
}

// Standard streams in trouble: every command, on each of its kinds of
// path, with stdout or stderr closed, stderr full, or stderr a pipe nobody
// reads. The exit status is the path's own, whatever stderr does; a closed
// stdout is a write error on a path that writes; never a crash (134, 139).
std::vector<Row> stream_rows() {
  struct Paths {
    std::string success, error, usage, warns;  // warns: on a terminal with PAGER=nosuch
    int error_status;
  };
  const std::vector<Paths> commands = {
      {"aa-tip", "aa-tip --id nosuch", "aa-tip --bogus", "aa-tip -n 10", 1},
      {"aa-read 1", "aa-read nosuch", "aa-read --bogus", "aa-read --all", 1},
      {"aa-faq 1", "aa-faq nosuch", "aa-faq --bogus", "aa-faq --all", 1},
      {"aa-check --answers 1,2,3,4", "aa-check --answers 1 --content-dir \"$CONTENT/bad-checklist\"",
       "aa-check --bogus", "aa-check --answers 1,2,3,4", 65},
  };
  // A pipe whose reader has gone: a FIFO opened for reading and writing,
  // opened again for writing on 6, then closed on 5.
  const std::string dead_pipe = "f=$(mktemp -u) && mkfifo \"$f\" && exec 5<>\"$f\" 6>\"$f\" 5<&- && rm \"$f\" && ";
  struct Trouble {
    std::string before, after;
    bool stdout_closed, stderr_works;
  };
  const std::vector<Trouble> troubles = {
      {"", " >&-", true, true},           {"", " 2>&-", false, false},        {"", " >&- 2>&-", true, false},
      {"", " 2>/dev/full", false, false}, {dead_pipe, " 2>&6", false, false},
  };
  const std::map<std::string, std::optional<std::string>> pager_not_found = {{"PAGER", "nosuch-pager"},
                                                                             {"TERM", "xterm"}};
  std::vector<Row> table;
  for (const Paths& paths : commands) {
    const std::string name = paths.success.substr(0, paths.success.find(' '));
    const std::string write_error = name + ": error: write error: Bad file descriptor\\n";
    // The warning itself, when stderr works: this path does warn.
    table.push_back({paths.warns, 0,
                     "sh: [^\\n]*nosuch-pager: not found\\n" + name +
                         ": warning: pager 'nosuch-pager' could not run; showing the text directly\\n",
                     Stdout::some, pager_not_found, "", true});
    for (const Trouble& trouble : troubles) {
      const int written_status = trouble.stdout_closed ? 74 : 0;
      const Stdout written_out = trouble.stdout_closed ? Stdout::empty : Stdout::some;
      const std::string written_err = trouble.stderr_works ? write_error : quiet;
      const std::string failed_err = trouble.stderr_works ? error_line : quiet;
      table.push_back({trouble.before + paths.success + trouble.after, written_status, written_err, written_out});
      table.push_back({trouble.before + paths.error + trouble.after, paths.error_status, failed_err});
      table.push_back({trouble.before + paths.usage + trouble.after, 2, failed_err});
      table.push_back({trouble.before + paths.warns + trouble.after, written_status, written_err, written_out,
                       pager_not_found, "", true});
    }
  }
  // aa-check warns about a history line that is not a record, on any output.
  const std::map<std::string, std::optional<std::string>> bad_history = {{"XDG_DATA_HOME", "$CONTENT/bad-history"}};
  const std::string history_warning = "aa-check: warning: [^\\n]*checks\\.jsonl:1: not a saved result[^\\n]*\\n";
  table.push_back({"aa-check --history", 0, history_warning, Stdout::some, bad_history});
  for (const Trouble& trouble : troubles) {
    const std::string err =
        !trouble.stderr_works ? quiet : history_warning + "aa-check: error: write error: Bad file descriptor\\n";
    table.push_back({trouble.before + "aa-check --history" + trouble.after, trouble.stdout_closed ? 74 : 0, err,
                     trouble.stdout_closed ? Stdout::empty : Stdout::some, bad_history});
  }
  return table;
}

}  // namespace

TEST_CASE("the bad-input matrix") {
  aa::test::TempDir content;
  for (const auto& [name, text] : content_files()) content.write(name, text);
  for (const auto& [name, text] : text_files()) content.write(name, text);
  std::filesystem::create_directories(content.path() + "/dangling-link");
  std::filesystem::create_symlink(content.path() + "/missing", content.path() + "/dangling-link/tips.toml");
  std::filesystem::create_directories(content.path() + "/dir-not-file/tips.toml");
  make_special_files(content);

  std::vector<Row> table = rows();
  CHECK(table.size() >= 60);
  for (Row& row : stream_rows()) table.push_back(std::move(row));
  const std::string path = std::string(AA_TOOLS_DIR) + ":/usr/bin:/bin";
  for (const Row& row : table) {
    aa::test::RunOptions options;
    options.env = {{"PATH", path}, {"CONTENT", content.path()}, {"HOME", content.path()}};
    for (const auto& [name, value] : row.env) {
      options.env[name] = value;
      if (value && value->starts_with("$CONTENT")) options.env[name] = content.path() + value->substr(8);
    }
    options.stdin_text = row.stdin_text;
    options.terminal = row.terminal;
    options.rows = 5;
    const auto result = aa::test::run({"/bin/bash", "-c", row.shell}, options);
    CAPTURE(row.shell.substr(0, 120));
    CAPTURE(result.err.substr(0, 300));
    CHECK(result.status == row.status);
    CHECK(std::regex_match(result.err, std::regex(row.stderr_pattern)));
    if (row.out == Stdout::empty) CHECK(result.out.empty());
    if (row.out == Stdout::some) CHECK_FALSE(result.out.empty());
  }
}

TEST_CASE("a closed stdin or stderr is held by /dev/null, so no file the command opens takes its place") {
  aa::test::TempDir dir;
  // The pager looks at the command (its parent) while it runs.
  const std::string pager =
      dir.write("pager.sh",
                "#!/bin/sh\nfor fd in 0 1 2; do echo \"fd $fd: $(readlink /proc/$1/fd/$fd)\"; done\ncat >/dev/null\n");
  std::filesystem::permissions(pager, std::filesystem::perms::owner_all);
  aa::test::RunOptions options{.env = {{"PAGER", "sh '" + pager + "' $PPID"}, {"TERM", "xterm"}}, .terminal = true};
  const auto result =
      aa::test::run({"/bin/bash", "-c", "exec \"$0\" --all <&- 2>&-", aa::test::command("aa-read")}, options);
  CAPTURE(result.out);
  CHECK(result.status == 0);
  CHECK(result.out.find("fd 0: /dev/null") != std::string::npos);
  CHECK(result.out.find("fd 1: /dev/pts/") != std::string::npos);
  CHECK(result.out.find("fd 2: /dev/null") != std::string::npos);
}

// ---- Deep nesting, control characters and markup -------------------------

TEST_CASE("markdown output shows content's HTML and links as text, in every command") {
  aa::test::TempDir content;
  for (const auto& [name, text] : text_files()) content.write(name, text);
  aa::test::RunOptions options;
  options.env = {{"PATH", std::string(AA_TOOLS_DIR) + ":/usr/bin:/bin"},
                 {"AA_CONTENT_DIR", content.path() + "/markup"}};
  for (const char* command : {"aa-tip --list", "aa-read --all", "aa-read --list", "aa-faq --all", "aa-faq --list"}) {
    for (const char* width : {"", " --width 20"}) {
      const std::string shell = std::string(command) + width + " --format markdown";
      CAPTURE(shell);
      const auto result = aa::test::run({"/bin/bash", "-c", shell}, options);
      CAPTURE(result.out);
      CHECK(result.status == 0);
      CHECK(result.err.empty());
      CHECK(result.out.find("&lt;") != std::string::npos);
      // No raw '<' (a tag or an autolink), and no "](" that would make a link.
      CHECK(result.out.find('<') == std::string::npos);
      for (std::size_t at = result.out.find("]("); at != std::string::npos; at = result.out.find("](", at + 1)) {
        CHECK(result.out[at - 1] == '\\');
      }
    }
  }
}

TEST_CASE("JSON output writes what a terminal would act on as \\u escapes") {
  // The history is a file a person may edit; its signs come back in JSON.
  aa::test::TempDir home;
  const std::string sign =
      "Sign \xe2\x80\xae"
      "evil \xc2\x9b"
      "2J \xe2\x80\xa8 \x7f";
  const nlohmann::json record = {{"date", "2026-01-02"},
                                 {"answers", {{{"id", "dependence"}, {"sign", sign}, {"value", 3}}}},
                                 {"total", 3},
                                 {"max", 4},
                                 {"stand_out", nlohmann::json::array()},
                                 {"read_next", nlohmann::json::array()}};
  home.write("data/aa/checks.jsonl", record.dump(-1, ' ', false) + "\n");
  std::filesystem::permissions(home.path() + "/data/aa", std::filesystem::perms::owner_all);
  std::filesystem::permissions(home.path() + "/data/aa/checks.jsonl",
                               std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  aa::test::RunOptions options;
  options.env = {{"PATH", std::string(AA_TOOLS_DIR) + ":/usr/bin:/bin"},
                 {"XDG_DATA_HOME", home.path() + "/data"},
                 {"XDG_CONFIG_HOME", home.path() + "/config"},
                 {"HOME", home.path()}};
  const auto result = aa::test::run({"/bin/bash", "-c", "aa-check --history --json"}, options);
  CAPTURE(result.out);
  CAPTURE(result.err);
  CHECK(result.status == 0);
  for (const char* raw : {"\xe2\x80\xae", "\xc2\x9b", "\xe2\x80\xa8", "\x7f"}) {
    CHECK(result.out.find(raw) == std::string::npos);
  }
  const nlohmann::json json = nlohmann::json::parse(result.out)["results"];
  REQUIRE(json.is_array());
  // Kept or skipped as a bad record, it is never shown raw; kept, it reads back the same.
  if (json.size() == 1) {
    CHECK(result.out.find("\\u202e") != std::string::npos);
    CHECK(json[0]["answers"][0]["sign"] == sign);
  }
}
