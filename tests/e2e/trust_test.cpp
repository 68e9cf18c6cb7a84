// SPDX-License-Identifier: MIT
// What a person writes is never lost, left behind, redirected or unreadable:
// kept drafts, signals, leftovers, the folders above a store, the writer and
// the reader, and limits. End to end through the built commands.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "files.hpp"
#include "process.hpp"

using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;
using aa::test::slurp;

namespace {

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

const std::string tools_path = std::string(AA_TOOLS_DIR) + ":/usr/bin:/bin";

// A home of its own for each test, with the journal and history in it.
struct Home {
  aa::test::TempDir dir;
  std::string home() const { return dir.path() + "/home"; }
  std::string folder() const { return home() + "/.local/share/aa"; }
  std::string journal() const { return folder() + "/journal.jsonl"; }
  RunOptions options(RunOptions base = {}) const {
    base.env["HOME"] = home();
    if (!base.env.contains("PATH")) base.env["PATH"] = tools_path;
    base.env["VISUAL"] = std::nullopt;
    base.env["EDITOR"] = std::nullopt;
    return base;
  }
  RunOptions with_editor(const std::string& editor) const {
    RunOptions base;
    base.terminal = true;
    base = options(base);
    base.env["EDITOR"] = editor;
    return base;
  }
  // Runs a bash command line, the commands on PATH.
  RunResult sh(const std::string& line, RunOptions base = {}) const {
    return run({"/bin/bash", "-c", line}, options(std::move(base)));
  }
  std::string script(const std::string& name, const std::string& body) const {
    const std::string path = dir.write(name, "#!/bin/sh\n" + body);
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return path;
  }
  // The names in the journal's folder.
  std::set<std::string> files() const {
    std::set<std::string> names;
    if (!std::filesystem::exists(folder())) return names;
    for (const auto& entry : std::filesystem::directory_iterator(folder())) {
      names.insert(entry.path().filename().string());
    }
    return names;
  }
  nlohmann::json entries() const { return nlohmann::json::parse(sh("aa-journal --list --json").out); }
};

// The shell lines an editor script runs to end its aa-journal with `signal`,
// found by walking up from the editor, since sh may run in between.
std::string kill_aa_journal(const std::string& signal) {
  return "p=$PPID\n"
         "while [ \"$(cat /proc/$p/comm)\" != aa-journal ]; do p=$(awk '{print $4}' /proc/$p/stat); done\n"
         "kill -" +
         signal + " $p\nsleep 2\n";
}

// The command a message gives to save a kept draft: what follows "to save it: ".
std::string save_command(const std::string& err) {
  const std::size_t at = err.find("to save it: ");
  REQUIRE(at != std::string::npos);
  const std::size_t start = at + std::string("to save it: ").size();
  return err.substr(start, err.find('\n', start) - start);
}

// The one draft in the journal's folder.
std::string only_draft(const Home& home) {
  std::vector<std::string> drafts;
  for (const std::string& name : home.files()) {
    if (name.starts_with("journal-draft-")) drafts.push_back(home.folder() + "/" + name);
  }
  REQUIRE(drafts.size() == 1);
  return drafts[0];
}

std::string journal_line(int id, const std::string& text) {
  return nlohmann::json{{"id", id}, {"time", "2026-03-01T21:14:05+01:00"}, {"prompt", nullptr}, {"text", text}}.dump() +
         "\n";
}

// Runs `args` with the home's environment, and sends it `signal` after
// `delay`; waits for it to end.
void signal_after(const Home& home, const std::vector<std::string>& args, int signal, std::chrono::microseconds delay) {
  std::vector<std::string> env = {"HOME=" + home.home(), "PATH=" + tools_path};
  // Blocked across the fork: the child sets the test runner's handlers back
  // to the defaults before a signal can reach one.
  sigset_t ending, saved;
  sigemptyset(&ending);
  for (int each : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&ending, each);
  ::sigprocmask(SIG_BLOCK, &ending, &saved);
  const pid_t child = ::fork();
  if (child == 0) {
    for (int each : {SIGINT, SIGTERM, SIGHUP}) std::signal(each, SIG_DFL);
    ::sigprocmask(SIG_SETMASK, &saved, nullptr);
    const int null = ::open("/dev/null", O_RDWR);
    for (int fd : {0, 1, 2}) ::dup2(null, fd);
    std::vector<char*> argv, envp;
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    for (std::string& variable : env) envp.push_back(variable.data());
    envp.push_back(nullptr);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::sigprocmask(SIG_SETMASK, &saved, nullptr);
  REQUIRE(child > 0);
  std::this_thread::sleep_for(delay);
  ::kill(child, signal);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
}

}  // namespace

// ---- 1. What the editor saved is never thrown away ---------------------------

TEST_CASE("a hang-up or termination while the editor runs keeps what it saved, with the command that saves it") {
  for (const std::string signal : {"HUP", "TERM"}) {
    CAPTURE(signal);
    Home home;
    const std::string editor =
        home.script("editor.sh", "printf '#1 thing\\n#calm\\nWritten before the line dropped.\\n' >> \"$1\"\n" +
                                     kill_aa_journal(signal));
    const RunResult stopped =
        run({aa::test::command("aa-journal"), "--prompt-id", "quiet-day"}, home.with_editor(editor));
    CAPTURE(stopped.err);
    CHECK(stopped.status == 128 + (signal == "HUP" ? SIGHUP : SIGTERM));
    CHECK(has(stopped.err, "aa-journal: stopped: nothing was saved; what you wrote is kept in " + home.folder()));
    const std::string draft = only_draft(home);
    CHECK(has(slurp(draft), "Written before the line dropped."));
    CHECK(aa::test::mode_of(draft) == 0600);
    // The command it gives saves the entry, without the template's lines and
    // with the person's own '#' lines, and the draft goes.
    const std::string command = save_command(stopped.err);
    CHECK(has(command, "--prompt-id quiet-day --draft "));
    const RunResult saved = home.sh(command);
    CAPTURE(saved.err);
    CHECK(saved.status == 0);
    CHECK(has(saved.out, "Saved entry 1"));
    const auto entries = home.entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0]["text"] == "#1 thing\n#calm\nWritten before the line dropped.");
    CHECK(entries[0]["prompt"] == "quiet-day");
    CHECK(home.files() == std::set<std::string>{"journal.jsonl"});
  }
}

TEST_CASE("a signal while the editor runs, before it wrote anything, leaves no draft") {
  for (const std::string signal : {"HUP", "TERM", "INT"}) {
    CAPTURE(signal);
    Home home;
    const std::string editor = home.script("editor.sh", kill_aa_journal(signal));
    const RunResult stopped = run({aa::test::command("aa-journal")}, home.with_editor(editor));
    // Ctrl-C belongs to the editor while it runs: SIGINT leaves aa-journal
    // waiting for it, and then there is nothing to save.
    if (signal == "INT") {
      CHECK(stopped.status == 1);
    } else {
      CHECK(stopped.status == 128 + (signal == "HUP" ? SIGHUP : SIGTERM));
    }
    CHECK_FALSE(has(stopped.err, "kept"));
    CHECK(home.files().empty());
  }
}

TEST_CASE("a draft that cannot be saved stays where it is, named, with the command that saves it") {
  struct Case {
    std::string name, editor_writes, before;
    int status;
    std::string reason;
    std::string fix;  // what puts it right before the saving command runs
  };
  const std::vector<Case> cases = {
      {"too large", "head -c 143360 /dev/zero | tr '\\0' x >> \"$1\"\n", "", 74, "larger than 128 KiB",
       "truncate -s 1000 \"$DRAFT\""},
      {"not UTF-8", "printf 'Caf\\351\\n' >> \"$1\"\n", "", 2, "not valid UTF-8", "printf 'Cafe.\\n' > \"$DRAFT\""},
      {"a control character", "printf 'a\\033[2Jb\\n' >> \"$1\"\n", "", 2, "control character U+001B",
       "printf 'Fine.\\n' > \"$DRAFT\""},
      {"a file too large for the process", "printf 'Worth keeping.\\n' >> \"$1\"\n", "ulimit -f 1; ", 74,
       "File too large", ""},
      {"the last id used", "printf 'Worth keeping.\\n' >> \"$1\"\n", "", 65, "used the last id there is",
       "printf '' > \"$JOURNAL\""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Home home;
    if (c.name == "a file too large for the process") {
      aa::test::write_private_file(home.journal(), journal_line(1, std::string(3000, 'a')));
    }
    if (c.name == "the last id used") {
      aa::test::write_private_file(home.journal(), "{\"retired\": 18446744073709551615}\n");
    }
    const std::string editor = home.script("editor.sh", c.editor_writes);
    RunOptions options = home.with_editor(editor);
    const RunResult failed =
        run({"/bin/bash", "-c", c.before + "exec \"$0\"", aa::test::command("aa-journal")}, options);
    CAPTURE(failed.err);
    CHECK(failed.status == c.status);
    CHECK(failed.err.starts_with("aa-journal: error: "));
    CHECK(aa::test::count_lines(failed.err) == 1);
    CHECK(has(failed.err, c.reason));
    CHECK(has(failed.err, "what you wrote is kept in " + home.folder() + "/journal-draft-"));
    const std::string draft = only_draft(home);
    CHECK(slurp(draft).size() > 100);
    // Put right, the command saves it.
    RunOptions fixing;
    fixing.env["DRAFT"] = draft;
    fixing.env["JOURNAL"] = home.journal();
    if (!c.fix.empty()) REQUIRE(home.sh(c.fix, fixing).status == 0);
    const RunResult saved = home.sh(save_command(failed.err));
    CAPTURE(saved.err);
    CHECK(saved.status == 0);
    CHECK_FALSE(std::filesystem::exists(draft));
  }
}

TEST_CASE("a signal while the entry waits for the lock keeps the draft, and says how to save it") {
  Home home;
  aa::test::write_private_file(home.journal(), journal_line(1, "first"));
  const std::string editor = home.script("editor.sh", "printf 'Waiting for the lock.\\n' >> \"$1\"\n");
  // Another program holds the journal's lock; once aa-journal says it
  // waits for it, it is ended.
  const std::string line =
      "flock \"$JOURNAL\" sleep 10 & holder=$!; sleep 0.3; exec 3<&0; \"$0\" <&3 2>\"$ERR\" & pid=$!; "
      "for i in $(seq 100); do grep -q waiting \"$ERR\" && break; sleep 0.1; done; "
      "kill -TERM $pid; wait $pid; status=$?; kill $holder; exit $status";
  RunOptions options = home.with_editor(editor);
  options.env["JOURNAL"] = home.journal();
  const std::string err_file = home.dir.path() + "/err";
  options.env["ERR"] = err_file;
  const RunResult result = run({"/bin/bash", "-c", line, aa::test::command("aa-journal")}, options);
  const std::string err = slurp(err_file);
  CAPTURE(err);
  CHECK(result.status == 128 + SIGTERM);
  CHECK(has(err, "waiting for another program to finish with"));
  CHECK(has(err, "aa-journal: stopped: nothing was saved; what you wrote is kept in"));
  const std::string draft = only_draft(home);
  CHECK(has(slurp(draft), "Waiting for the lock."));
  CHECK(aa::test::count_lines(slurp(home.journal())) == 1);
  CHECK(home.sh(save_command(err)).status == 0);
  CHECK(home.entries().size() == 2);
}

// ---- 2. Nothing is left behind ---------------------------------------------

TEST_CASE("a deletion ended by a signal at any moment leaves the journal whole and no copy of it") {
  Home home;
  std::string original;
  constexpr int entries = 1000;
  for (int id = 1; id <= entries; ++id) original += journal_line(id, std::string(200, 'a' + id % 26));
  // How long a deletion takes here, so that the signals fall all through it.
  // The longest of three, since the machine may be busy.
  std::chrono::microseconds took{0};
  for (int round = 0; round < 3; ++round) {
    aa::test::write_private_file(home.journal(), original);
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(home.sh(fmt::format("aa-journal --delete {} --yes", entries)).status == 0);
    took =
        std::max(took, std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start));
  }
  int id = 1;
  std::set<std::string> outcomes;
  for (const int signal : {SIGTERM, SIGINT, SIGHUP}) {
    // From at once to well past the time a deletion takes.
    for (int step = 0; step <= 15; ++step, ++id) {
      CAPTURE(signal);
      CAPTURE(step);
      aa::test::write_private_file(home.journal(), original);
      signal_after(home, {aa::test::command("aa-journal"), "--delete", std::to_string(id), "--yes"}, signal,
                   took * step / 5);
      CHECK(home.files() == std::set<std::string>{"journal.jsonl"});
      const std::string now = slurp(home.journal());
      // The old journal, or the new one: never part of either.
      const bool old = now == original;
      const bool deleted = !has(now, fmt::format("{{\"id\":{},", id)) && aa::test::count_lines(now) == entries - 1 &&
                           now.ends_with('\n');
      CHECK((old || deleted));
      outcomes.insert(old ? "old" : "deleted");
    }
  }
  // The signals came both before and after the deletion was done.
  CHECK(outcomes.size() == 2);
}

TEST_CASE("what a killed rewrite left is swept by the next deletion, and --forget removes every file of the journal") {
  Home home;
  aa::test::write_private_file(home.journal(), journal_line(1, "one") + journal_line(2, "two"));
  const std::string leftover = home.folder() + "/.journal.jsonl.424242-0.tmp";
  aa::test::write_private_file(leftover, journal_line(1, "one"));
  CHECK(home.sh("aa-journal --delete 2 --yes").status == 0);
  CHECK(home.files() == std::set<std::string>{"journal.jsonl"});

  // Kept drafts, the backups editors make of them, and another leftover.
  const std::vector<std::string> others = {"journal-draft-abc123.txt", "journal-draft-abc123.txt~",
                                           ".journal-draft-abc123.txt.swp", "#journal-draft-abc123.txt#",
                                           ".journal.jsonl.424243-0.tmp"};
  for (const std::string& name : others) aa::test::write_private_file(home.folder() + "/" + name, "private words\n");
  const RunResult forgot = home.sh("aa-journal --forget --yes");
  CAPTURE(forgot.out);
  CHECK(forgot.status == 0);
  CHECK(has(forgot.out, "Deleted your journal"));
  CHECK(has(forgot.out, "Deleted 5 other files that held your writing"));
  for (const std::string& name : others) CHECK(has(forgot.out, home.folder() + "/" + name));
  CHECK(home.files().empty());

  // No journal, only a kept draft: asked about at the terminal, then removed.
  aa::test::write_private_file(home.folder() + "/journal-draft-zzz999.txt", "private words\n");
  RunOptions typing;
  typing.terminal = true;
  typing.keys = {"y\n"};
  const RunResult asked = run({aa::test::command("aa-journal"), "--forget"}, home.options(typing));
  CAPTURE(asked.err);
  CHECK(asked.status == 0);
  CHECK(has(asked.err, "1 other file in its folder holds your writing"));
  CHECK(has(asked.out, "journal-draft-zzz999.txt"));
  CHECK(home.files().empty());
  const auto json = nlohmann::json::parse(home.sh("aa-journal --forget --yes --json").out);
  CHECK(json["deleted"] == false);
  CHECK(json["also_deleted"].empty());
}

// ---- 3. Folders cannot redirect or take over -----------------------------

TEST_CASE("a folder above a store that others can write is refused, named, and nothing is written") {
  const std::vector<std::string> commands = {"echo words | aa-journal", "aa-journal --list",
                                             "aa-check --answers 1,2,3,4 --save", "aa-check --history"};
  for (const std::string above : {"home", "home/.local", "home/.local/share", "home/.local/share/aa"}) {
    for (const std::string& command : commands) {
      CAPTURE(above);
      CAPTURE(command);
      Home home;
      std::filesystem::create_directories(home.folder());
      std::filesystem::permissions(home.folder(), std::filesystem::perms::owner_all);
      const std::string folder = home.dir.path() + "/" + above;
      ::chmod(folder.c_str(), 0777);
      const RunResult refused = home.sh(command);
      CAPTURE(refused.err);
      CHECK(refused.status == 74);
      CHECK(has(refused.err, "the folder " + folder + " can be written by other users (mode 0777)"));
      CHECK(aa::test::count_lines(refused.err) == 1);
      CHECK(home.files().empty());
    }
  }
  // A sticky folder (as /tmp is) keeps what is ours in it: it is no danger.
  Home home;
  std::filesystem::create_directories(home.home());
  ::chmod(home.home().c_str(), 01777);
  CHECK(home.sh("echo words | aa-journal").status == 0);
  // A link on the way is followed to the folder it names, and that is checked.
  Home linked;
  const std::string open_folder = linked.dir.path() + "/open";
  std::filesystem::create_directories(open_folder + "/data");
  ::chmod(open_folder.c_str(), 0777);
  std::filesystem::create_directories(linked.home());
  std::filesystem::create_directory_symlink(open_folder + "/data", linked.home() + "/data");
  RunOptions data;
  data.env["XDG_DATA_HOME"] = linked.home() + "/data";
  const RunResult through_link = linked.sh("echo words | aa-journal", data);
  CHECK(through_link.status == 74);
  CHECK(has(through_link.err, "the folder " + open_folder + " can be written by other users"));
  CHECK_FALSE(std::filesystem::exists(open_folder + "/data/aa"));
}

TEST_CASE("run as root with another user's HOME, nothing is created under it") {
  REQUIRE_MESSAGE(::geteuid() == 0, "the suite runs as root (CI does): it gives a folder to another user");
  Home home;
  std::filesystem::create_directories(home.home());
  REQUIRE(::chown(home.home().c_str(), 65534, 65534) == 0);
  for (const std::string command :
       {"echo words | aa-journal", "aa-check --answers 1,2,3,4 --save", "aa-journal --forget --yes"}) {
    CAPTURE(command);
    const RunResult refused = home.sh(command);
    CAPTURE(refused.err);
    CHECK(refused.status == 74);
    CHECK(has(refused.err, "the folder " + home.home() + " belongs to another user (uid 65534)"));
    CHECK(std::filesystem::is_empty(home.home()));
  }
}

TEST_CASE("missing folders are made 0700 whatever the umask") {
  for (const std::string mask : {"0777", "0022", "0000"}) {
    CAPTURE(mask);
    Home home;
    std::filesystem::create_directories(home.home());
    const RunResult saved = home.sh("umask " + mask + " && echo words | aa-journal");
    CHECK(saved.status == 0);
    for (const std::string folder : {"/.local", "/.local/share", "/.local/share/aa"}) {
      CAPTURE(folder);
      CHECK(aa::test::mode_of(home.home() + folder) == 0700);
    }
    CHECK(aa::test::mode_of(home.journal()) == 0600);
  }
}

// ---- 4. What is saved can always be read back -----------------------------

TEST_CASE("whatever the time zone, a saved entry's time reads back") {
  for (const std::string zone : {"UTC+24", "UTC-24", "XXX+23:59:59", "UTC-14", "Asia/Kathmandu", "UTC+0:0:30"}) {
    CAPTURE(zone);
    Home home;
    RunOptions in_zone;
    in_zone.env["TZ"] = zone;
    REQUIRE(home.sh("echo words | aa-journal", in_zone).status == 0);
    const RunResult listed = home.sh("aa-journal --list --json", in_zone);
    CAPTURE(listed.err);
    CHECK(listed.err.empty());
    const auto entries = nlohmann::json::parse(listed.out);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0]["text"] == "words");
  }
}

TEST_CASE("a byte-order mark is not text, on stdin or in a draft") {
  Home home;
  CHECK(home.sh("printf '\\357\\273\\277First words.\\n' | aa-journal").status == 0);
  const std::string editor = home.script("editor.sh", "printf '\\357\\273\\277Second words.\\n' > \"$1\"\n");
  CHECK(run({aa::test::command("aa-journal")}, home.with_editor(editor)).status == 0);
  const auto entries = home.entries();
  REQUIRE(entries.size() == 2);
  CHECK(entries[0]["text"] == "First words.");
  CHECK(entries[1]["text"] == "Second words.");
}

TEST_CASE("when the store changed but the notice could not be written, stderr says it changed") {
  Home home;
  const RunResult saved = home.sh("echo words | aa-journal >/dev/full");
  CHECK(saved.status == 74);
  CHECK(saved.err == "aa-journal: error: write error: No space left on device (entry 1 was saved all the same)\n");
  CHECK(home.entries().size() == 1);
  const RunResult deleted = home.sh("aa-journal --delete 1 --yes >&-");
  CHECK(deleted.status == 74);
  CHECK(has(deleted.err, "(entry 1 was deleted all the same)"));
  CHECK(home.entries().empty());
}

// ---- 6. Limits give the right reason, never a signal ---------------------

TEST_CASE("a file-size limit is 'File too large', exit 74, never SIGXFSZ") {
  Home home;
  aa::test::write_private_file(home.journal(), journal_line(1, std::string(3000, 'a')));
  aa::test::write_private_file(home.folder() + "/checks.jsonl", std::string(3000, '\n'));
  for (const std::string command : {"echo words | aa-journal", "aa-check --answers 1,2,3,4 --save >/dev/null"}) {
    CAPTURE(command);
    const RunResult refused = home.sh("ulimit -f 1; " + command);
    CAPTURE(refused.err);
    CHECK(refused.status == 74);
    CHECK(has(refused.err, "File too large"));
  }
  CHECK(aa::test::count_lines(slurp(home.journal())) == 1);
}

TEST_CASE("a journal at its size limit can lose an entry, one past it can be forgotten at the terminal") {
  Home home;
  // The last entry holds the highest id, so the deletion leaves a retired line.
  std::string text;
  const std::size_t limit = 64 * 1024 * 1024;
  for (int id = 1; text.size() + 62000 < limit; ++id) text += journal_line(id, std::string(60000, 'a'));
  const int last = static_cast<int>(aa::test::count_lines(text)) + 1;
  text += journal_line(last, std::string(limit - text.size() - journal_line(last, "").size(), 'b'));
  REQUIRE(text.size() == limit);
  aa::test::write_private_file(home.journal(), text);
  // The sanitizer build reads 64 MiB of entries unoptimised: close to a
  // minute, where the release build takes a second or two.
  RunOptions patient;
  patient.timeout_seconds = 300;
  const RunResult deleted = home.sh(fmt::format("aa-journal --delete {} --yes", last), patient);
  CAPTURE(deleted.err);
  CHECK(deleted.status == 0);
  CHECK(std::filesystem::file_size(home.journal()) < limit);
  CHECK(home.sh("echo words | aa-journal", patient).out == fmt::format("Saved entry {} in your journal.\n", last + 1));

  // Past the limit: too large to read, deleted all the same once confirmed.
  std::filesystem::resize_file(home.journal(), limit + 1);
  RunOptions typing = patient;
  typing.terminal = true;
  typing.keys = {"y\n"};
  const RunResult forgot = run({aa::test::command("aa-journal"), "--forget"}, home.options(typing));
  CAPTURE(forgot.err);
  CHECK(forgot.status == 0);
  CHECK(has(forgot.err, "too large to count"));
  CHECK_FALSE(std::filesystem::exists(home.journal()));
}

TEST_CASE("many lines that are not entries get a few warnings and a count") {
  Home home;
  std::string text = journal_line(1, "kept");
  for (int i = 0; i < 200000; ++i) text += "not an entry\n";
  aa::test::write_private_file(home.journal(), text);
  const RunResult listed = home.sh("aa-journal --list");
  CHECK(listed.status == 0);
  CHECK(has(listed.out, "kept"));
  CHECK(aa::test::count_lines(listed.err) == 11);
  CHECK(has(listed.err, "... and 199,990 more such lines, skipped and left as they are\n"));
}

#if !defined(AA_TEST_UNDER_ASAN)  // AddressSanitizer reserves more address space than any limit leaves
TEST_CASE("out of memory is one line and exit 70 at every limit, never a signal") {
  Home home;
  std::string text;
  for (int id = 1; id <= 100000; ++id) text += journal_line(id, "entry text with some words");
  aa::test::write_private_file(home.journal(), text);
  for (const std::string command : {"aa-journal --list --json", "aa-journal --search words", "aa-journal --list"}) {
    for (int limit = 8000; limit <= 80000; limit += 3000) {
      CAPTURE(command);
      CAPTURE(limit);
      const RunResult result = home.sh(fmt::format("ulimit -v {}; {} >/dev/null", limit, command));
      CHECK((result.status == 0 || result.status == 70));
      if (result.status == 70) CHECK(result.err == "aa-journal: error: out of memory\n");
    }
  }
}
#endif

// ---- 8. A line longer than the terminal passes on -------------------------

TEST_CASE("a line typed at the terminal past its line limit is refused, never cut silently") {
  Home home;
  RunOptions typing;
  typing.terminal = true;
  typing.keys = {std::string(5000, 'x') + "\n", "\x04"};
  const RunResult refused = run({aa::test::command("aa-journal")}, home.options(typing));
  CAPTURE(refused.err);
  CHECK(refused.status == 2);
  CHECK(has(refused.err, "a line you typed is 4095 bytes or longer"));
  CHECK_FALSE(std::filesystem::exists(home.journal()));
}

TEST_CASE(
    "aa-check: a save or an import not said is said to be done; --forget sweeps leftovers; bad lines are counted") {
  Home home;
  const RunResult saved = home.sh("aa-check --answers 1,2,3,4 --save >/dev/full");
  CAPTURE(saved.err);
  CHECK(saved.status == 74);
  CHECK(has(saved.err, "aa-check: error: write error: No space left on device (the result "));
  CHECK(has(saved.err, " was saved all the same)"));
  CHECK(aa::test::count_lines(slurp(home.folder() + "/checks.jsonl")) == 1);
  const RunResult exported = home.sh("aa-check --history --json > \"$HOME/export.json\" && aa-check --forget --yes");
  REQUIRE(exported.status == 0);
  const RunResult imported = home.sh("aa-check --import \"$HOME/export.json\" >&-");
  CHECK(imported.status == 74);
  CHECK(has(imported.err, "(1 result was imported all the same)"));

  aa::test::write_private_file(home.folder() + "/.checks.jsonl.31337-0.tmp", "a copy of the history\n");
  std::string bad;
  for (int i = 0; i < 500; ++i) bad += "not a result\n";
  {
    std::ofstream out(home.folder() + "/checks.jsonl", std::ios::app);
    out << bad;
  }
  const RunResult listed = home.sh("aa-check --history");
  CHECK(listed.status == 0);
  CHECK(aa::test::count_lines(listed.err) == 11);
  CHECK(has(listed.err, "... and 490 more such lines, skipped and left as they are\n"));
  const RunResult forgot = home.sh("aa-check --forget --yes");
  CAPTURE(forgot.out);
  CHECK(forgot.status == 0);
  CHECK(has(forgot.out, "Deleted 1 temporary copy of them left by an interrupted run:\n  " + home.folder() +
                            "/.checks.jsonl.31337-0.tmp"));
  CHECK(home.files().empty());
}

TEST_CASE("an answer typed past the terminal's line limit is asked again, never taken cut short") {
  Home home;
  RunOptions typing;
  typing.terminal = true;
  // "4", then more spaces than the terminal keeps, then garbage it drops.
  typing.keys = {"4" + std::string(5000, ' ') + "never mind\n", "1\n", "1\n", "1\n", "1\n"};
  const RunResult checked = run({aa::test::command("aa-check"), "--save"}, home.options(typing));
  CAPTURE(checked.err);
  CHECK(checked.status == 0);
  const auto history = nlohmann::json::parse(home.sh("aa-check --history --json").out)["results"];
  REQUIRE(history.size() == 1);
  CHECK(history[0]["total"] == 4);
  CHECK(history[0]["answers"][0]["value"] == 1);
}

TEST_CASE("as a user who is not root: a draft left unreadable is kept, and umask 0777 makes private folders") {
  REQUIRE_MESSAGE(::geteuid() == 0, "the suite runs as root (CI does): it runs these as the user nobody");
  Home home;
  // nobody's own home, reached through folders that let it pass.
  ::chmod(home.dir.path().c_str(), 0755);
  std::filesystem::create_directories(home.home());
  REQUIRE(::chown(home.home().c_str(), 65534, 65534) == 0);
  const std::string editor = home.script("editor.sh", "printf 'Private words.\\n' >> \"$1\"\nchmod 000 \"$1\"\n");
  ::chmod(editor.c_str(), 0755);
  // A copy of the command where that user can run it, wherever the build is.
  const std::string bin = home.dir.path() + "/bin";
  std::filesystem::create_directories(bin);
  std::filesystem::copy_file(aa::test::command("aa-journal"), bin + "/aa-journal");
  ::chmod((bin + "/aa-journal").c_str(), 0755);
  const std::string as_nobody = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  RunOptions options = home.with_editor(editor);
  options.env["PATH"] = bin + ":/usr/bin:/bin";
  const RunResult kept =
      run({"/bin/bash", "-c", "umask 777 && exec " + as_nobody + "\"$0\"", bin + "/aa-journal"}, options);
  CAPTURE(kept.err);
  CHECK(kept.status == 74);
  CHECK(has(kept.err, "Permission denied; nothing was saved; what you wrote is kept in " + home.folder()));
  for (const std::string folder : {"/.local", "/.local/share", "/.local/share/aa"}) {
    CAPTURE(folder);
    CHECK(aa::test::mode_of(home.home() + folder) == 0700);
  }
  const std::string draft = only_draft(home);
  CHECK(has(slurp(draft), "Private words."));
  // Readable again, the command saves it, as that user.
  ::chmod(draft.c_str(), 0600);
  RunOptions path;
  path.env["PATH"] = bin + ":/usr/bin:/bin";
  const RunResult saved = home.sh(as_nobody + save_command(kept.err), path);
  CAPTURE(saved.err);
  CHECK(saved.status == 0);
  CHECK(home.files() == std::set<std::string>{"journal.jsonl"});
}
