// SPDX-License-Identifier: MIT
// aa-journal --edit ID and --tag, end to end through the built binary.
// Every test keeps its journal in a temporary directory.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "aa/io/age.hpp"
#include "files.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;
using aa::test::slurp;

namespace {

std::vector<std::string> journal(std::vector<std::string> args) {
  args.insert(args.begin(), command("aa-journal"));
  return args;
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

struct Home {
  aa::test::TempDir dir;
  std::string data() const { return dir.path() + "/data"; }
  std::string folder() const { return data() + "/aa"; }
  std::string file() const { return folder() + "/journal.jsonl"; }
  RunOptions options(RunOptions base = {}) const {
    base.env["XDG_DATA_HOME"] = data();
    base.env["HOME"] = dir.path() + "/home";
    base.env["VISUAL"] = std::nullopt;
    base.env["EDITOR"] = std::nullopt;
    return base;
  }
  RunOptions piping(std::string text) const {
    RunOptions base;
    base.stdin_text = std::move(text);
    return options(base);
  }
  // On a terminal, with `editor` as EDITOR (none: typed at the terminal).
  RunOptions typing(std::vector<std::string> keys, std::optional<std::string> editor = std::nullopt) const {
    RunOptions base;
    base.terminal = true;
    base.keys = std::move(keys);
    base = options(base);
    base.env["EDITOR"] = editor;
    return base;
  }
  // An executable script in the home; its path.
  std::string script(const std::string& name, const std::string& body) const {
    const std::string path = dir.write(name, "#!/bin/sh\n" + body);
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return path;
  }
  nlohmann::json entries() const { return nlohmann::json::parse(run(journal({"--list", "--json"}), options()).out); }
  // Three entries, for prompts quiet-day, none and none; the second tagged.
  void three() const {
    REQUIRE(run(journal({"--prompt-id", "quiet-day"}), piping("First.\n")).status == 0);
    REQUIRE(run(journal({"--no-prompt", "--tag", "work"}), piping("Second, line one.\nline two\n")).status == 0);
    REQUIRE(run(journal({"--no-prompt"}), piping("Third.\n")).status == 0);
  }
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder())) {
      names.push_back(entry.path().filename().string());
    }
    return names;
  }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return lines;
}

ino_t inode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_ino;
}

void check_is_error(const RunResult& result, int status, std::string_view part = "") {
  CAPTURE(result.err);
  CHECK(result.status == status);
  CHECK(result.out.empty());
  CHECK(result.err.starts_with("aa-journal: error: "));
  CHECK(aa::test::count_lines(result.err) == 1);
  CHECK(has(result.err, part));
}

}  // namespace

TEST_CASE("--edit on a terminal opens the entry in the editor and replaces it on its line, atomically") {
  Home home;
  home.three();
  const std::string before = slurp(home.file());
  const ino_t inode = inode_of(home.file());
  const auto old = home.entries();
  // The editor sees the entry's text first, then the edit's template with
  // the prompt; it notes where its draft is and changes the first line.
  const std::string editor =
      home.script("editor.sh",
                  "test \"$(stat -c %a \"$1\")\" = 600 || exit 3\n"
                  "head -n 1 \"$1\" | grep -qx 'First.' || exit 4\n"
                  "grep -q '^# Prompt: ' \"$1\" || exit 5\n"
                  "grep -q '^# Edit your entry above' \"$1\" || exit 6\n"
                  "echo \"$1\" > \"$(dirname \"$0\")/draft-path\"\n"
                  "{ echo 'First, edited.'; tail -n +2 \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n");
  const auto edited = run(journal({"--edit", "1"}), home.typing({}, editor));
  CAPTURE(edited.out);
  CHECK(edited.status == 0);
  CHECK(has(edited.out, "Saved your changes to entry 1."));
  const auto after = home.entries();
  REQUIRE(after.size() == 3);
  CHECK(after[0]["id"] == 1);
  CHECK(after[0]["text"] == "First, edited.");
  CHECK(after[0]["time"] == old[0]["time"]);
  CHECK(after[0]["prompt"] == "quiet-day");
  // The other lines are the same bytes; the file is a new one, renamed in.
  const auto lines_before = lines_of(before), lines_after = lines_of(slurp(home.file()));
  REQUIRE(lines_after.size() == 3);
  CHECK(lines_after[1] == lines_before[1]);
  CHECK(lines_after[2] == lines_before[2]);
  CHECK(inode_of(home.file()) != inode);
  CHECK(aa::test::mode_of(home.file()) == 0600);
  // The draft and any temporary file are gone.
  const std::string draft = slurp(home.dir.path() + "/draft-path");
  CHECK(draft.starts_with(home.folder() + "/journal-draft-"));
  CHECK(home.files() == std::vector<std::string>{"journal.jsonl"});
}

TEST_CASE("--edit in a pipe reads the new text from stdin, JSON says what was saved") {
  Home home;
  home.three();
  const auto edited = run(journal({"--edit", "2", "--json"}), home.piping("Second, rewritten.\n"));
  CAPTURE(edited.err);
  CHECK(edited.status == 0);
  const auto json = nlohmann::json::parse(edited.out);
  CHECK(json["edited"]["id"] == 2);
  CHECK(json["edited"]["text"] == "Second, rewritten.");
  CHECK(json["edited"]["tags"] == nlohmann::json({"work"}));  // kept, as no --tag was given
  CHECK(json["changed"] == true);
  CHECK(json["file"] == home.file());
  CHECK(home.entries()[1]["text"] == "Second, rewritten.");
}

TEST_CASE("an unchanged edit saves nothing and says so, an emptied one deletes nothing and says how to") {
  Home home;
  home.three();
  const std::string before = slurp(home.file());
  const ino_t inode = inode_of(home.file());

  // The editor leaves the draft as it was.
  const auto same = run(journal({"--edit", "2"}), home.typing({}, std::string("true")));
  CHECK(same.status == 0);
  CHECK(has(same.out, "Entry 2 is unchanged: nothing was saved."));
  const auto piped = run(journal({"--edit", "2"}), home.piping("Second, line one.\nline two\n"));
  CHECK(piped.status == 0);
  CHECK(piped.out == "Entry 2 is unchanged: nothing was saved.\n");
  const auto json =
      nlohmann::json::parse(run(journal({"--edit", "2", "--json"}), home.piping("Second, line one.\nline two\n")).out);
  CHECK(json["changed"] == false);
  CHECK(slurp(home.file()) == before);
  CHECK(inode_of(home.file()) == inode);

  // Emptied: in the editor, or from an empty pipe.
  const std::string emptying = home.script("empty.sh", ": > \"$1\"\n");
  for (const RunOptions& how : {home.typing({}, emptying), home.piping("\n \n")}) {
    const auto emptied = run(journal({"--edit", "2"}), how);
    CHECK(emptied.status == 1);
    CHECK(has(emptied.err, "The entry is empty: entry 2 is kept as it was; to delete it: aa-journal --delete 2"));
    CHECK(slurp(home.file()) == before);
  }
  CHECK(home.files() == std::vector<std::string>{"journal.jsonl"});
}

TEST_CASE("--edit of an unknown id is the error --show gives, a bad id is a usage error") {
  Home home;
  home.three();
  const auto shown = run(journal({"--show", "9"}), home.options());
  const auto edited = run(journal({"--edit", "9"}), home.piping("text\n"));
  check_is_error(edited, 1, "there is no entry 9");
  CHECK(edited.err == shown.err);
  check_is_error(run(journal({"--edit", "x"}), home.piping("text\n")), 2, "'x' is not an entry id");
  check_is_error(run(journal({"--edit", "1", "--prompt-id", "quiet-day"}), home.piping("t\n")), 2);
  check_is_error(run(journal({"--edit", "1", "--list"}), home.options()), 2);
}

TEST_CASE("a failed editor keeps the draft and names the command that saves it as the edit") {
  Home home;
  home.three();
  const std::string before = slurp(home.file());
  const std::string failing = home.script("failing.sh", "echo 'Added line' > \"$1\"\nexit 3\n");
  const auto failed = run(journal({"--edit", "3"}), home.typing({}, failing));
  CHECK(failed.status == 74);
  CHECK(has(failed.err, "exited with status 3"));
  CHECK(has(failed.err, "to save it: aa-journal --edit 3 --draft " + home.folder() + "/journal-draft-"));
  CHECK(slurp(home.file()) == before);
  std::string draft;
  for (const std::string& name : home.files()) {
    if (name != "journal.jsonl") draft = home.folder() + "/" + name;
  }
  REQUIRE(!draft.empty());
  const auto saved = run(journal({"--edit", "3", "--draft", draft}), home.options());
  CAPTURE(saved.err);
  CHECK(saved.status == 0);
  CHECK(home.entries()[2]["text"] == "Added line");
  CHECK(home.entries()[2]["id"] == 3);
  CHECK_FALSE(std::filesystem::exists(draft));
}

TEST_CASE("Ctrl-C while typing an edit at the terminal saves nothing and exits 130") {
  Home home;
  home.three();
  const std::string before = slurp(home.file());
  const auto stopped = run(journal({"--edit", "1"}), home.typing({"Half a line\n", "\x03"}));
  CHECK(stopped.status == 130);
  CHECK(has(stopped.err, "Stopped: nothing was saved."));
  CHECK(slurp(home.file()) == before);
  // Typed to the end, it replaces the text; what it replaces is shown first.
  const auto typed = run(journal({"--edit", "1"}), home.typing({"Typed anew\n", "\x04"}));
  CHECK(typed.status == 0);
  CHECK(has(typed.err, "First."));
  CHECK(home.entries()[0]["text"] == "Typed anew");
}

TEST_CASE("while the editor is open, an entry saved by another run stays, an edit made by another is not lost") {
  Home home;
  home.three();
  // The editor saves a new entry from another run, then edits.
  const std::string appending =
      home.script("appending.sh", "echo 'Written meanwhile.' | '" + command("aa-journal") +
                                      "' --no-prompt > /dev/null || exit 9\n"
                                      "{ echo 'Mine.'; tail -n +2 \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n");
  const auto edited = run(journal({"--edit", "2"}), home.typing({}, appending));
  CAPTURE(edited.err);
  CHECK(edited.status == 0);
  auto entries = home.entries();
  REQUIRE(entries.size() == 4);
  CHECK(entries[1]["text"] == "Mine.\nline two");
  CHECK(entries[3]["text"] == "Written meanwhile.");
  CHECK(entries[3]["id"] == 4);

  // Another run edits the same entry meanwhile: ours is refused, its text kept.
  const std::string racing =
      home.script("racing.sh", "echo 'Theirs.' | '" + command("aa-journal") +
                                   "' --edit 2 > /dev/null || exit 9\n"
                                   "{ echo 'Ours.'; tail -n +2 \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n");
  const auto refused = run(journal({"--edit", "2"}), home.typing({}, racing));
  CHECK(refused.status == 74);
  CHECK(has(refused.err, "another run changed it"));
  CHECK(has(refused.err, "aa-journal --edit 2 --draft "));
  CHECK(home.entries()[1]["text"] == "Theirs.");
}

TEST_CASE("an exercise's entry: the text may change, its answers are kept as they were") {
  Home home;
  REQUIRE(run(journal({"--no-prompt"}), home.piping("Plain.\n")).status == 0);
  const std::string exercise =
      R"({"id":2,"time":"2026-03-01T21:14:05+01:00","prompt":null,"text":"Check-in\nStrength: 6",)"
      R"("tags":["calm"],"exercise":{"id":"check-in","steps":[{"step":"strength","value":6}]}})";
  aa::test::write_private_file(home.file(), slurp(home.file()) + exercise + "\n");
  // The editor's template says so.
  const std::string editor = home.script(
      "editor.sh", "grep -q 'its answers are kept as they were' \"$1\" || exit 4\necho 'A note' > \"$1\"\n");
  const auto edited = run(journal({"--edit", "2"}), home.typing({}, editor));
  CAPTURE(edited.err);
  CHECK(edited.status == 0);
  const auto line = nlohmann::json::parse(lines_of(slurp(home.file()))[1]);
  CHECK(line["text"] == "A note");
  CHECK(line["tags"] == nlohmann::json({"calm"}));
  CHECK(line["exercise"] == nlohmann::json::parse(exercise)["exercise"]);
  CHECK(line["time"] == "2026-03-01T21:14:05+01:00");
}

TEST_CASE("an encrypted journal is edited encrypted: nothing in plain text beside it") {
  Home home;
  constexpr int quick = 10;  // a low scrypt work factor, kept when the file is rewritten
  const std::string sealed = home.file() + ".age";
  aa::test::write_private_file(
      sealed,
      aa::age::encrypt("{\"id\":1,\"time\":\"2026-12-01T09:00:00+00:00\",\"prompt\":null,\"text\":\"first\"}\n"
                       "{\"id\":2,\"time\":\"2026-12-02T09:00:00+00:00\",\"prompt\":null,\"text\":\"second\"}\n",
                       "correct horse", quick));
  RunOptions piped = home.piping("second, edited\n");
  piped.env["AA_PASSPHRASE_COMMAND"] = "echo 'correct horse'";
  const auto edited = run(journal({"--edit", "2", "--tag", "walk"}), piped);
  CAPTURE(edited.err);
  CHECK(edited.status == 0);
  const std::string plain = aa::age::decrypt(slurp(sealed), "correct horse");
  CHECK(plain ==
        "{\"id\":1,\"time\":\"2026-12-01T09:00:00+00:00\",\"prompt\":null,\"text\":\"first\"}\n"
        "{\"id\":2,\"time\":\"2026-12-02T09:00:00+00:00\",\"prompt\":null,\"text\":\"second, edited\","
        "\"tags\":[\"walk\"]}\n");
  CHECK(home.files() == std::vector<std::string>{"journal.jsonl.age"});

  // In the editor, the draft is in memory.
  const std::string noted = home.dir.path() + "/draft-path";
  const std::string editor = home.script("editor.sh", "echo \"$1\" > " + noted + "\necho 'in memory' > \"$1\"\n");
  aa::test::TempDir runtime;
  RunOptions typing = home.typing({}, editor);
  typing.env["AA_PASSPHRASE_COMMAND"] = "echo 'correct horse'";
  typing.env["XDG_RUNTIME_DIR"] = runtime.path();  // on a disk: passed over for /dev/shm
  const auto in_editor = run(journal({"--edit", "1"}), typing);
  CAPTURE(in_editor.out);
  CHECK(in_editor.status == 0);
  CHECK(slurp(noted).starts_with("/dev/shm/aa-"));
  CHECK(has(aa::age::decrypt(slurp(sealed), "correct horse"), "\"text\":\"in memory\""));
  CHECK(home.files() == std::vector<std::string>{"journal.jsonl.age"});
  // A wrong passphrase changes nothing.
  RunOptions wrong = home.piping("no\n");
  wrong.env["AA_PASSPHRASE_COMMAND"] = "echo 'wrong'";
  CHECK(run(journal({"--edit", "1"}), wrong).status == 77);
  CHECK(has(aa::age::decrypt(slurp(sealed), "correct horse"), "\"text\":\"in memory\""));
}

TEST_CASE("--tag when writing: repeated or joined by commas, lower-cased, each once, a bad tag saves nothing") {
  Home home;
  const auto saved = run(journal({"--no-prompt", "--tag", "Work", "-t", "sleep,work", "--json"}), home.piping("x\n"));
  CAPTURE(saved.err);
  CHECK(saved.status == 0);
  CHECK(nlohmann::json::parse(saved.out)["saved"]["tags"] == nlohmann::json({"work", "sleep"}));
  CHECK(has(slurp(home.file()), R"("tags":["work","sleep"])"));
  // An entry without tags keeps no "tags" on its line.
  REQUIRE(run(journal({"--no-prompt"}), home.piping("y\n")).status == 0);
  CHECK(lines_of(slurp(home.file()))[1].find("tags") == std::string::npos);

  const std::string before = slurp(home.file());
  check_is_error(run(journal({"--no-prompt", "--tag", "a b"}), home.piping("z\n")), 2, "'a b' is not a tag");
  check_is_error(run(journal({"--no-prompt", "--tag", "ok,"}), home.piping("z\n")), 2, "'' is not a tag");
  check_is_error(run(journal({"--no-prompt", "--tag", ""}), home.piping("z\n")), 2, "'' is not a tag");
  check_is_error(run(journal({"--no-prompt", "--tag", std::string(41, 'a')}), home.piping("z\n")), 2, "not a tag");
  check_is_error(run(journal({"--prompt", "--tag", "a"}), home.options()), 2);
  check_is_error(run(journal({"--show", "1", "--tag", "a"}), home.options()), 2);
  CHECK(slurp(home.file()) == before);
}

TEST_CASE("--tag filters --list and --search: entries with every tag given") {
  Home home;
  REQUIRE(run(journal({"--no-prompt", "--tag", "work,sleep"}), home.piping("Slept badly before work.\n")).status == 0);
  REQUIRE(run(journal({"--no-prompt", "--tag", "work"}), home.piping("A calm day at work.\n")).status == 0);
  REQUIRE(run(journal({"--no-prompt"}), home.piping("Work was calm.\n")).status == 0);

  const auto ids = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    std::vector<int> out;
    for (const auto& entry : nlohmann::json::parse(run(journal(args), home.options()).out)) out.push_back(entry["id"]);
    return out;
  };
  CHECK(ids({"--list", "--tag", "work"}) == std::vector<int>{1, 2});
  CHECK(ids({"--list", "--tag", "work", "--tag", "sleep"}) == std::vector<int>{1});
  CHECK(ids({"--list", "--tag", "WORK,sleep"}) == std::vector<int>{1});
  CHECK(ids({"--list", "--tag", "work", "--last", "1"}) == std::vector<int>{2});
  CHECK(ids({"--search", "work", "--tag", "work"}) == std::vector<int>{1, 2});

  const auto search = run(journal({"--search", "calm", "--tag", "work"}), home.options());
  CHECK(search.status == 0);
  CHECK(search.out == "2:A calm day at work.\n");

  const auto none = run(journal({"--list", "--tag", "calm"}), home.options());
  check_is_error(none, 1, "no entries tagged calm; 'aa-journal --list' shows them all");
  const auto none_json = run(journal({"--list", "--tag", "calm", "--json"}), home.options());
  CHECK(none_json.status == 1);
  CHECK(none_json.out == "[]\n");
  check_is_error(run(journal({"--list", "--tag", "work", "--from", "2999-01-01"}), home.options()), 1,
                 "no entries tagged work and written from 2999-01-01 on");
  check_is_error(run(journal({"--search", "calm", "--tag", "sleep"}), home.options()), 1,
                 "no entry tagged sleep contains 'calm'");
  check_is_error(run(journal({"--list", "--tag", "a b"}), home.options()), 2, "'a b' is not a tag");
}

TEST_CASE("tags are shown in text, Markdown and JSON, escaped as the rest, completion offers them") {
  Home home;
  REQUIRE(run(journal({"--no-prompt", "--tag", "work,<b>"}), home.piping("Tagged.\n")).status == 0);
  REQUIRE(run(journal({"--no-prompt", "--tag", "work"}), home.piping("Also.\n")).status == 0);
  const auto text = run(journal({"--show", "1"}), home.options());
  CHECK(lines_of(text.out)[0].ends_with(" · #work #<b>"));
  const auto markdown = run(journal({"--show", "1", "--format", "markdown"}), home.options());
  CHECK(has(markdown.out, "\nTags: work, &lt;b&gt;\n"));
  CHECK_FALSE(has(markdown.out, "<b>"));
  const auto json = nlohmann::json::parse(run(journal({"--list", "--json"}), home.options()).out);
  CHECK(json[0]["tags"] == nlohmann::json({"work", "<b>"}));
  CHECK(json[1]["tags"] == nlohmann::json({"work"}));

  const auto names = run(journal({"--completion-names", "tags"}), home.options());
  CHECK(names.status == 0);
  CHECK(names.out == "work\t2 entries\n<b>\t1 entry\n");
}

TEST_CASE("--edit keeps the tags unless --tag gives others, --tag '' takes them away") {
  Home home;
  home.three();
  REQUIRE(run(journal({"--edit", "2", "--tag", "sleep", "--tag", "calm"}), home.piping("Second.\n")).status == 0);
  CHECK(home.entries()[1]["tags"] == nlohmann::json({"sleep", "calm"}));
  // The text as it was, new tags: a change, saved.
  const auto retagged = run(journal({"--edit", "2", "--tag", "work"}), home.piping("Second.\n"));
  CHECK(retagged.out == "Saved your changes to entry 2.\n");
  CHECK(home.entries()[1]["tags"] == nlohmann::json({"work"}));
  REQUIRE(run(journal({"--edit", "2", "--tag", ""}), home.piping("Second.\n")).status == 0);
  CHECK(home.entries()[1]["tags"] == nlohmann::json::array());
  CHECK_FALSE(has(lines_of(slurp(home.file()))[1], "tags"));
}
