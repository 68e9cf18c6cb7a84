// SPDX-License-Identifier: MIT
// aa-vault, and every flow of aa-journal and aa-check on encrypted stores,
// end to end. The stores the flows start from are made here at a low
// scrypt work factor, which a store keeps when it is rewritten, so that
// the tests stay quick; aa-vault itself always writes work factor 18.
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "aa/io/age.hpp"
#include "files.hpp"
#include "home.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;
using aa::test::slurp;

namespace {

constexpr int quick = 10;  // the work factor of the stores made here

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::vector<std::string> with(const std::string& name, std::vector<std::string> args) {
  args.insert(args.begin(), command(name));
  return args;
}

struct Vault : aa::test::PrivateHome {
  std::filesystem::path folder() const { return data() + "/aa"; }
  std::filesystem::path journal() const { return folder() / "journal.jsonl"; }
  std::filesystem::path checks() const { return folder() / "checks.jsonl"; }
  static std::filesystem::path sealed(const std::filesystem::path& file) { return file.string() + ".age"; }

  // The passphrase from a command, as with `pass show aa`.
  RunOptions opened(const std::string& passphrase = "correct horse", RunOptions base = {}) const {
    base.env["AA_PASSPHRASE_COMMAND"] = "printf '%s\\n' '" + passphrase + "'";
    base.env["VISUAL"] = std::nullopt;
    base.env["EDITOR"] = std::nullopt;
    return options(base);
  }
  RunOptions piped(std::string text, const std::string& passphrase = "correct horse") const {
    RunOptions base;
    base.stdin_text = std::move(text);
    return opened(passphrase, base);
  }
  // A store written by hand, as an age file for `passphrase`.
  void seal(const std::filesystem::path& file, const std::string& plain,
            const std::string& passphrase = "correct horse") const {
    aa::test::write_private_file(sealed(file), aa::age::encrypt(plain, passphrase, quick));
  }
  std::string open(const std::filesystem::path& file, const std::string& passphrase = "correct horse") const {
    return aa::age::decrypt(slurp(sealed(file)), passphrase);
  }
  // A journal of two entries and a history of one result, encrypted.
  void two_stores() const {
    const auto saved = run(with("aa-check", {"--save", "--answers", "1,2,3,4", "--json"}), options());
    REQUIRE(saved.status == 0);
    const std::string history = slurp(checks());
    std::filesystem::remove(checks());
    seal(checks(), history);
    seal(journal(),
         "{\"id\":1,\"time\":\"2026-12-01T09:00:00+00:00\",\"prompt\":null,\"text\":\"first walk\"}\n"
         "{\"id\":2,\"time\":\"2026-12-02T09:00:00+00:00\",\"prompt\":null,\"text\":\"second walk\"}\n");
  }
};

// Every file in the stores' folder, with its bytes.
std::map<std::string, std::string> files_in(const std::filesystem::path& folder) {
  std::map<std::string, std::string> files;
  if (!std::filesystem::exists(folder)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    files[entry.path().filename().string()] = slurp(entry.path());
  }
  return files;
}

void check_one_line_error(const RunResult& result, const std::string& name, int status, std::string_view part) {
  CAPTURE(result.err);
  CHECK(result.status == status);
  CHECK(result.out.empty());
  CHECK(result.err.starts_with(name + ": error: "));
  CHECK(aa::test::count_lines(result.err) == 1);
  CHECK(has(result.err, part));
}

}  // namespace

TEST_CASE("aa-vault encrypts both stores for age, says so, and every flow then works as before") {
  Vault vault;
  REQUIRE(run(with("aa-journal", {"--no-prompt"}), vault.with_stdin("a quiet morning\n")).status == 0);
  REQUIRE(run(with("aa-check", {"--save", "--answers", "0,1,2,3"}), vault.options()).status == 0);
  const std::string journal = slurp(vault.journal()), history = slurp(vault.checks());

  RunOptions fresh = vault.options();
  fresh.env["AA_NEW_PASSPHRASE_COMMAND"] = "echo 'correct horse'";
  const auto encrypted = run(with("aa-vault", {"encrypt"}), fresh);
  CAPTURE(encrypted.err);
  REQUIRE(encrypted.status == 0);
  CHECK(encrypted.out == "Encrypted your journal: " + Vault::sealed(vault.journal()).string() +
                             "\nEncrypted your check history: " + Vault::sealed(vault.checks()).string() + "\n");
  CHECK(files_in(vault.folder()).size() == 2);
  CHECK(slurp(Vault::sealed(vault.journal())).starts_with("age-encryption.org/v1\n-> scrypt "));
  CHECK(has(slurp(Vault::sealed(vault.journal())), " 18\n"));
  CHECK(aa::test::mode_of(Vault::sealed(vault.journal())) == 0600);
  CHECK(vault.open(vault.journal()) == journal);
  CHECK(vault.open(vault.checks()) == history);

  const auto status = run(with("aa-vault", {"status"}), vault.options());
  CHECK(status.status == 0);
  CHECK(status.out == "journal\tencrypted\t" + Vault::sealed(vault.journal()).string() + "\nchecks\tencrypted\t" +
                          Vault::sealed(vault.checks()).string() + "\n");

  // Twice: nothing to do, nothing changed, and no passphrase asked.
  const auto before = files_in(vault.folder());
  const auto again = run(with("aa-vault", {"encrypt"}), vault.options());
  CHECK(again.status == 0);
  CHECK(again.out == "Your stores are encrypted already; nothing was changed.\n");
  CHECK(files_in(vault.folder()) == before);

  const auto listed = run(with("aa-journal", {"--list"}), vault.opened());
  CHECK(listed.status == 0);
  CHECK(has(listed.out, "a quiet morning"));
  const auto shown = run(with("aa-check", {"--history"}), vault.opened());
  CHECK(shown.status == 0);
  CHECK(has(shown.out, "6/16"));

  // Back to plain, byte for byte as before.
  const auto decrypted = run(with("aa-vault", {"decrypt"}), vault.opened());
  CHECK(decrypted.status == 0);
  CHECK(files_in(vault.folder()) ==
        std::map<std::string, std::string>{{"checks.jsonl", history}, {"journal.jsonl", journal}});
  const auto plain_again = run(with("aa-vault", {"decrypt"}), vault.options());
  CHECK(plain_again.status == 0);
  CHECK(plain_again.out == "Your stores are not encrypted; nothing was changed.\n");
}

TEST_CASE("encrypt leaves nothing of the plain file: another hard link to it is emptied too") {
  Vault vault;
  REQUIRE(run(with("aa-journal", {"--no-prompt"}), vault.with_stdin("a private line\n")).status == 0);
  // A second name for the same file, as a backup tool or an attacker might
  // keep: what encrypt overwrote and emptied is what it sees.
  const std::filesystem::path other = vault.dir.path() + "/other-name";
  std::filesystem::create_hard_link(vault.journal(), other);
  RunOptions options = vault.options();
  options.env["AA_NEW_PASSPHRASE_COMMAND"] = "echo 'correct horse'";
  REQUIRE(run(with("aa-vault", {"encrypt"}), options).status == 0);
  CHECK(std::filesystem::file_size(other) == 0);
  CHECK_FALSE(std::filesystem::exists(vault.journal()));
  CHECK(has(vault.open(vault.journal()), "a private line"));
}

TEST_CASE("aa-vault before the first entry: an empty encrypted journal, so that all written later is encrypted") {
  Vault vault;
  const auto status = run(with("aa-vault", {"status"}), vault.options());
  CHECK(status.status == 0);
  CHECK(status.out ==
        "journal\tabsent\t" + vault.journal().string() + "\nchecks\tabsent\t" + vault.checks().string() + "\n");
  const auto nothing = run(with("aa-vault", {"passphrase"}), vault.options());
  CHECK(nothing.status == 1);
  CHECK(nothing.err == "There is no encrypted store; `aa-vault encrypt` makes them.\n");
  CHECK_FALSE(std::filesystem::exists(vault.folder()));

  RunOptions options = vault.opened();
  options.env["AA_NEW_PASSPHRASE_COMMAND"] = "echo 'correct horse'";
  const auto encrypted = run(with("aa-vault", {"encrypt"}), options);
  CAPTURE(encrypted.err);
  CHECK(encrypted.status == 0);
  CHECK(encrypted.out == "Encrypted your journal: " + Vault::sealed(vault.journal()).string() + "\n");
  CHECK(vault.open(vault.journal()).empty());
  CHECK(aa::test::mode_of(vault.folder()) == 0700);
  CHECK(run(with("aa-check", {"--save", "--answers", "1,1,1,1"}), vault.opened()).status == 0);
  CHECK(run(with("aa-journal", {"--no-prompt"}), vault.piped("the first entry\n")).status == 0);
  CHECK(files_in(vault.folder()).size() == 2);
  CHECK(aa::test::count_lines(vault.open(vault.checks())) == 1);
  CHECK(has(vault.open(vault.journal()), "the first entry"));
}

TEST_CASE("every journal flow on an encrypted journal: write, list, show, search, delete, forget") {
  Vault vault;
  vault.two_stores();
  const auto written = run(with("aa-journal", {"--no-prompt"}), vault.piped("third walk, by the river\n"));
  CAPTURE(written.err);
  CHECK(written.status == 0);
  CHECK(written.out == "Saved entry 3 in your journal.\n");
  CHECK_FALSE(std::filesystem::exists(vault.journal()));
  CHECK(has(vault.open(vault.journal()), "third walk, by the river"));

  const auto listed = run(with("aa-journal", {"--list", "--json"}), vault.opened());
  REQUIRE(listed.status == 0);
  CHECK(nlohmann::json::parse(listed.out).size() == 3);
  const auto shown = run(with("aa-journal", {"--show", "2"}), vault.opened());
  CHECK(shown.status == 0);
  CHECK(has(shown.out, "second walk"));
  const auto found = run(with("aa-journal", {"--search", "river"}), vault.opened());
  CHECK(found.status == 0);
  CHECK(found.out == "3:third walk, by the river\n");
  const auto deleted = run(with("aa-journal", {"--delete", "1", "--yes"}), vault.opened());
  CHECK(deleted.status == 0);
  CHECK_FALSE(has(vault.open(vault.journal()), "first walk"));
  CHECK(has(vault.open(vault.journal()), "second walk"));
  // The store keeps the work factor it was made with.
  CHECK(has(slurp(Vault::sealed(vault.journal())), " 10\n"));
  CHECK(files_in(vault.folder()).size() == 2);

  // Forgetting needs no passphrase: a forgotten one must not keep it.
  const auto forgotten = run(with("aa-journal", {"--forget", "--yes"}), vault.options());
  CHECK(forgotten.status == 0);
  CHECK(forgotten.out == "Deleted your journal (" + Vault::sealed(vault.journal()).string() + ").\n");
  CHECK_FALSE(std::filesystem::exists(Vault::sealed(vault.journal())));
}

TEST_CASE("every check flow on an encrypted history: save, history, delete, import, forget") {
  Vault vault;
  vault.two_stores();
  const auto saved = run(with("aa-check", {"--save", "--answers", "4,4,4,4", "--json"}), vault.opened());
  CAPTURE(saved.err);
  REQUIRE(saved.status == 0);
  CHECK_FALSE(std::filesystem::exists(vault.checks()));
  const auto history = run(with("aa-check", {"--history", "--json"}), vault.opened());
  REQUIRE(history.status == 0);
  const auto results = nlohmann::json::parse(history.out)["results"];
  REQUIRE(results.size() == 2);
  const std::string id = results[1]["id"].get<std::string>();
  const auto deleted = run(with("aa-check", {"--delete", id, "--yes"}), vault.opened());
  CHECK(deleted.status == 0);
  CHECK(aa::test::count_lines(vault.open(vault.checks())) == 1);

  Vault other;
  const auto imported = run(with("aa-check", {"--import", "-"}), vault.piped(history.out));
  CHECK(imported.status == 0);
  CHECK(imported.out == "Imported 1 result, skipped 1 already there.\n");
  CHECK(aa::test::count_lines(vault.open(vault.checks())) == 2);

  const auto forgotten = run(with("aa-check", {"--forget", "--yes"}), vault.options());
  CHECK(forgotten.status == 0);
  CHECK_FALSE(std::filesystem::exists(Vault::sealed(vault.checks())));
  CHECK(std::filesystem::exists(Vault::sealed(vault.journal())));
}

TEST_CASE("--forget asks before deleting an encrypted store, names its file, and needs no passphrase") {
  Vault vault;
  vault.two_stores();
  const auto declined = run(with("aa-journal", {"--forget"}), vault.typing({"n\n"}));
  CHECK(declined.status == 1);
  // The question goes to stderr, beside what the terminal shows.
  CHECK(has(declined.err, Vault::sealed(vault.journal()).string()));
  CHECK(has(declined.err, "It is encrypted, so its entries are not counted."));
  CHECK(std::filesystem::exists(Vault::sealed(vault.journal())));
  const auto journal = run(with("aa-journal", {"--forget"}), vault.typing({"y\n"}));
  CHECK(journal.status == 0);
  CHECK_FALSE(std::filesystem::exists(Vault::sealed(vault.journal())));
  const auto checks = run(with("aa-check", {"--forget"}), vault.typing({"y\n"}));
  CHECK(checks.status == 0);
  CHECK(has(checks.err, Vault::sealed(vault.checks()).string()));
  CHECK(has(checks.err, "encrypted, so not counted"));
  CHECK_FALSE(std::filesystem::exists(Vault::sealed(vault.checks())));
  CHECK(files_in(vault.folder()).empty());
}

TEST_CASE("a wrong passphrase is exit 77 in one line, in every flow, and changes nothing") {
  Vault vault;
  vault.two_stores();
  const auto before = files_in(vault.folder());
  const std::vector<std::pair<std::string, std::vector<std::string>>> flows = {
      {"aa-journal", {"--list"}},
      {"aa-journal", {"--show", "1"}},
      {"aa-journal", {"--search", "walk"}},
      {"aa-journal", {"--delete", "1", "--yes"}},
      {"aa-check", {"--history"}},
      {"aa-check", {"--save", "--answers", "1,1,1,1"}},
      {"aa-check", {"--delete", "00000000", "--yes"}},
      {"aa-vault", {"decrypt"}},
      {"aa-vault", {"passphrase"}}};
  for (const auto& flow : flows) {
    const std::string& name = flow.first;
    const std::vector<std::string>& args = flow.second;
    CAPTURE(name);
    CAPTURE(args[0]);
    RunOptions options = vault.opened("wrong horse");
    options.env["AA_NEW_PASSPHRASE_COMMAND"] = "echo 'new horse'";
    const auto refused = run(with(name, args), options);
    CAPTURE(refused.err);
    CHECK(refused.status == 77);
    CHECK(refused.err ==
          name + ": error: cannot open " +
              Vault::sealed(args[0] == "--save" || name == "aa-check" ? vault.checks() : vault.journal()).string() +
              ": the passphrase does not open it\n");
    // A check taken is shown before it is saved; nothing else prints.
    if (args[0] != "--save") CHECK(refused.out.empty());
    CHECK(files_in(vault.folder()) == before);
  }
  check_one_line_error(run(with("aa-journal", {"--no-prompt"}), vault.piped("an entry\n", "wrong horse")), "aa-journal",
                       77, "passphrase does not open it");
  check_one_line_error(run(with("aa-journal", {"--list"}), vault.opened("")), "aa-journal", 77, "");
  CHECK(files_in(vault.folder()) == before);
}

TEST_CASE("with no passphrase source and no terminal: one line, exit 77, no wait") {
  Vault vault;
  vault.two_stores();
  for (const auto& args : {std::vector<std::string>{"--list"}, std::vector<std::string>{"--no-prompt"}}) {
    RunOptions options = vault.with_stdin("an entry\n");
    options.timeout_seconds = 5;
    check_one_line_error(run(with("aa-journal", args), options), "aa-journal", 77,
                         "no terminal to ask for it; set AA_PASSPHRASE_FD or AA_PASSPHRASE_COMMAND");
  }
  // The login tip never asks.
  const auto tip = run(with("aa-tip", {"--daily"}), vault.options());
  CHECK(tip.status == 0);
  CHECK(tip.err.empty());
}

TEST_CASE("the passphrase from a descriptor: one line, and stdin goes on with the entry") {
  Vault vault;
  vault.two_stores();
  RunOptions options = vault.with_stdin("correct horse\nan entry after the passphrase\n");
  options.env["AA_PASSPHRASE_FD"] = "0";
  const auto written = run(with("aa-journal", {"--no-prompt"}), options);
  CAPTURE(written.err);
  CHECK(written.status == 0);
  CHECK(has(vault.open(vault.journal()), "\"text\":\"an entry after the passphrase\""));
  CHECK_FALSE(has(vault.open(vault.journal()), "correct horse"));

  options.env["AA_PASSPHRASE_FD"] = "9";
  check_one_line_error(run(with("aa-journal", {"--list"}), options), "aa-journal", 77, "descriptor 9");
  options.env["AA_PASSPHRASE_FD"] = "three";
  check_one_line_error(run(with("aa-journal", {"--list"}), options), "aa-journal", 2, "AA_PASSPHRASE_FD is 'three'");
}

TEST_CASE("a passphrase command that fails, prints nothing, or goes on after its line") {
  Vault vault;
  vault.two_stores();
  RunOptions options = vault.options();
  options.env["AA_PASSPHRASE_COMMAND"] = "echo no such entry >&2; exit 3";
  const auto failed = run(with("aa-journal", {"--list"}), options);
  CHECK(failed.status == 77);
  CHECK(has(failed.err, "no such entry\n"));
  CHECK(has(failed.err, "aa-journal: error: AA_PASSPHRASE_COMMAND failed (exit status 3)\n"));
  options.env["AA_PASSPHRASE_COMMAND"] = "true";
  check_one_line_error(run(with("aa-journal", {"--list"}), options), "aa-journal", 77,
                       "AA_PASSPHRASE_COMMAND printed no passphrase");
  // Only the first line matters; the command is not waited for past it.
  options.env["AA_PASSPHRASE_COMMAND"] = "echo 'correct horse'; echo more; exec sleep 30";
  options.timeout_seconds = 10;
  const auto started = std::chrono::steady_clock::now();
  const auto listed = run(with("aa-journal", {"--list"}), options);
  CHECK(listed.status == 0);
  CHECK(has(listed.out, "second walk"));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(8));
  // With no terminal, where nobody could answer it, a command that gives
  // nothing is stopped after a while, with all it started.
  options.env["AA_PASSPHRASE_COMMAND"] = "sleep 100 & sleep 100";
  options.timeout_seconds = 20;
  check_one_line_error(run(with("aa-journal", {"--list"}), options), "aa-journal", 77,
                       "AA_PASSPHRASE_COMMAND gave no passphrase within 10 seconds, with no terminal where it could "
                       "ask for one; it was stopped");
}

TEST_CASE("long passphrases work, an empty new one is refused") {
  Vault vault;
  REQUIRE(run(with("aa-journal", {"--no-prompt"}), vault.with_stdin("an entry\n")).status == 0);
  const std::string long_one(10 * 1024, 'k');
  RunOptions options = vault.options();
  options.env["AA_NEW_PASSPHRASE_COMMAND"] = "printf ''";
  check_one_line_error(run(with("aa-vault", {"encrypt"}), options), "aa-vault", 77, "printed no passphrase");
  CHECK(std::filesystem::exists(vault.journal()));
  const std::string file = vault.dir.write("long", long_one + "\n");
  options.env["AA_NEW_PASSPHRASE_COMMAND"] = "cat " + file;
  REQUIRE(run(with("aa-vault", {"encrypt"}), options).status == 0);
  CHECK(vault.open(vault.journal(), long_one).ends_with("\"text\":\"an entry\"}\n"));
  RunOptions reading = vault.options();
  reading.env["AA_PASSPHRASE_COMMAND"] = "cat " + file;
  CHECK(run(with("aa-journal", {"--list"}), reading).status == 0);
}

TEST_CASE("at the terminal: the passphrase asked with echo off, a new one asked twice") {
  Vault vault;
  REQUIRE(run(with("aa-journal", {"--no-prompt"}), vault.with_stdin("typed at night\n")).status == 0);
  const auto differ = run(with("aa-vault", {"encrypt"}), vault.typing({"one\r", "two\r"}));
  CHECK(differ.status == 2);
  CHECK(has(differ.err, "the two passphrases differ; nothing was changed"));
  CHECK(std::filesystem::exists(vault.journal()));
  const auto encrypted = run(with("aa-vault", {"encrypt"}), vault.typing({"tty horse\r", "tty horse\r"}));
  CAPTURE(encrypted.err);
  REQUIRE(encrypted.status == 0);
  CHECK(has(encrypted.out, "New passphrase: "));
  CHECK_FALSE(has(encrypted.out, "tty horse"));
  auto typing = vault.typing({"tty horse\r"});
  typing.env["VISUAL"] = std::nullopt;
  typing.env["EDITOR"] = std::nullopt;
  const auto listed = run(with("aa-journal", {"--list", "--no-pager"}), typing);
  CHECK(listed.status == 0);
  CHECK(has(listed.out, "Passphrase of your aa stores: "));
  CHECK(has(listed.out, "typed at night"));
  CHECK_FALSE(has(listed.out, "tty horse"));
}

TEST_CASE("aa-vault passphrase: the new one opens the stores, the old one no longer does") {
  Vault vault;
  vault.two_stores();
  RunOptions options = vault.opened();
  options.env["AA_NEW_PASSPHRASE_COMMAND"] = "echo 'battery staple'";
  const auto changed = run(with("aa-vault", {"passphrase"}), options);
  CAPTURE(changed.err);
  CHECK(changed.status == 0);
  CHECK(has(changed.out, "New passphrase for your journal: "));
  CHECK(has(vault.open(vault.journal(), "battery staple"), "second walk"));
  CHECK(aa::test::count_lines(vault.open(vault.checks(), "battery staple")) == 1);
  CHECK(run(with("aa-journal", {"--list"}), vault.opened()).status == 77);
  CHECK(run(with("aa-journal", {"--list"}), vault.opened("battery staple")).status == 0);
}

TEST_CASE("a damaged or truncated store is exit 65, naming the file, and nothing changes") {
  Vault vault;
  vault.two_stores();
  const std::string good = slurp(Vault::sealed(vault.journal()));
  const std::string path = Vault::sealed(vault.journal()).string();
  std::vector<std::string> damaged = {good.substr(0, good.size() - 5), good.substr(0, 60), good + "x"};
  // In the version line, the header's MAC, and the payload. (A change in the
  // stanza itself cannot be told from a wrong passphrase: it is exit 77.)
  for (std::size_t at : {std::size_t{3}, good.find("\n--- ") + 8, good.size() - 10}) {
    std::string flipped = good;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x01);
    damaged.push_back(flipped);
  }
  // A work factor that would run for an hour is refused, not run.
  std::string slow = good;
  slow.replace(slow.find(" 10\n"), 4, " 30\n");
  damaged.push_back(slow);
  for (const std::string& bytes : damaged) {
    aa::test::write_private_file(path, bytes);
    const auto listed = run(with("aa-journal", {"--list"}), vault.opened());
    CHECK(listed.status == 65);
    CHECK(has(listed.err, path));
    CHECK(aa::test::count_lines(listed.err) == 1);
    const auto written = run(with("aa-journal", {"--no-prompt"}), vault.piped("more\n"));
    CHECK(written.status == 65);
    CHECK(slurp(path) == bytes);
  }
}

TEST_CASE("a plain store and an encrypted one side by side: the same lines settle, different ones are refused") {
  Vault vault;
  vault.two_stores();
  const std::string plain = vault.open(vault.journal());
  aa::test::write_private_file(vault.journal().string(), plain);
  CHECK(run(with("aa-vault", {"status"}), vault.options()).out.starts_with("journal\tboth\t"));
  const auto listed = run(with("aa-journal", {"--list"}), vault.opened());
  CHECK(listed.status == 0);
  CHECK_FALSE(std::filesystem::exists(vault.journal()));

  aa::test::write_private_file(
      vault.journal().string(),
      "{\"id\":7,\"time\":\"2026-12-03T09:00:00+00:00\",\"prompt\":null,\"text\":\"other\"}\n");
  const auto before = files_in(vault.folder());
  const auto refused = run(with("aa-journal", {"--list"}), vault.opened());
  check_one_line_error(refused, "aa-journal", 74, "they differ");
  CHECK(files_in(vault.folder()) == before);
}

TEST_CASE("a new store beside an encrypted one is encrypted, with the same passphrase") {
  Vault vault;
  vault.seal(vault.journal(), "");
  const auto refused = run(with("aa-check", {"--save", "--answers", "1,1,1,1"}), vault.opened("wrong horse"));
  CHECK(refused.status == 77);
  CHECK(refused.err == "aa-check: error: cannot open " + Vault::sealed(vault.journal()).string() +
                           ": the passphrase does not open it\n");
  CHECK_FALSE(std::filesystem::exists(vault.checks()));
  CHECK_FALSE(std::filesystem::exists(Vault::sealed(vault.checks())));
  const auto saved = run(with("aa-check", {"--save", "--answers", "1,1,1,1"}), vault.opened());
  CHECK(saved.status == 0);
  CHECK_FALSE(std::filesystem::exists(vault.checks()));
  CHECK(aa::test::count_lines(vault.open(vault.checks())) == 1);
}

TEST_CASE("runs at once on an encrypted journal lose no entry") {
  Vault vault;
  vault.seal(vault.journal(), "");
  const auto written =
      run({"/bin/sh", "-c",
           "for i in 0 1 2 3; do echo \"entry $i\" | \"$0\" --no-prompt >/dev/null & jobs=\"$jobs $!\"; done; "
           "failed=0; for job in $jobs; do wait $job || failed=1; done; exit $failed",
           command("aa-journal")},
          vault.opened());
  CAPTURE(written.err);
  CHECK(written.status == 0);
  const std::string journal = vault.open(vault.journal());
  CHECK(aa::test::count_lines(journal) == 4);
  for (int i = 0; i < 4; ++i) CHECK(has(journal, "\"text\":\"entry " + std::to_string(i) + "\""));
}

TEST_CASE("a full disk while re-encrypting leaves the store as it was, and no temporary file") {
  Vault vault;
  std::string journal;
  for (int id = 1; id <= 2000; ++id) {
    journal += "{\"id\":" + std::to_string(id) + ",\"time\":\"2026-12-01T09:00:00+00:00\",\"prompt\":null,\"text\":\"" +
               std::string(100, 'w') + "\"}\n";
  }
  vault.seal(vault.journal(), journal);
  const auto before = files_in(vault.folder());
  RunOptions options = vault.piped("one more\n");
  // RLIMIT_FSIZE in 512-byte blocks: less than the store will need.
  const auto written =
      run({"/bin/sh", "-c", "ulimit -f 100 && exec \"$0\" --no-prompt", command("aa-journal")}, options);
  CAPTURE(written.err);
  CHECK(written.status == 74);
  CHECK(has(written.err, "File too large"));
  CHECK(files_in(vault.folder()) == before);
}

TEST_CASE("a kill at any moment of aa-vault encrypt or decrypt leaves the store whole, in one form or the other") {
  Vault vault;
  vault.two_stores();
  const std::string journal = vault.open(vault.journal());
  RunOptions options = vault.opened();
  options.env["AA_NEW_PASSPHRASE_COMMAND"] = "echo 'correct horse'";
  // How long one change takes here, to kill at points spread across it.
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(run(with("aa-vault", {"decrypt"}), options).status == 0);
  const auto took = std::chrono::steady_clock::now() - started;
  for (int step = 1; step <= 8; ++step) {
    const bool encrypting = std::filesystem::exists(vault.journal());
    CAPTURE(step);
    CAPTURE(encrypting);
    std::vector<std::string> args = with("aa-vault", {encrypting ? "encrypt" : "decrypt"});
    // Started by hand, to be killed mid-way.
    const pid_t child = ::fork();
    if (child == 0) {
      ::setsid();
      for (const auto& [name, value] : options.env) {
        if (value) ::setenv(name.c_str(), value->c_str(), 1);
      }
      ::execl(args[0].c_str(), args[0].c_str(), args[1].c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(took * step / 8);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    // Whole, in one form or the other: the next run opens it as it was.
    const auto listed = run(with("aa-journal", {"--list", "--json"}), vault.opened());
    CAPTURE(listed.err);
    REQUIRE(listed.status == 0);
    CHECK(nlohmann::json::parse(listed.out).size() == 2);
    CHECK(std::filesystem::exists(vault.journal()) != std::filesystem::exists(Vault::sealed(vault.journal())));
    // What a killed run left is gone once the store is changed again.
    const auto saved = run(with("aa-journal", {"--no-prompt", "--json"}), vault.piped("after the kill\n"));
    REQUIRE(saved.status == 0);
    const std::string id = std::to_string(nlohmann::json::parse(saved.out)["saved"]["id"].get<int>());
    REQUIRE(run(with("aa-journal", {"--delete", id, "--yes"}), vault.opened()).status == 0);
    CHECK(files_in(vault.folder()).size() == 2);
  }
}

TEST_CASE("the editor's draft for an encrypted journal is made in memory, never beside the journal") {
  Vault vault;
  vault.seal(vault.journal(), "");
  // An editor that notes where its draft is and writes an entry into it.
  const std::string noted = vault.dir.path() + "/draft-path";
  const std::string editor =
      vault.dir.write("editor", "#!/bin/sh\necho \"$1\" > " + noted + "\necho 'in memory' >> \"$1\"\n");
  std::filesystem::permissions(editor, std::filesystem::perms::owner_all);
  aa::test::TempDir runtime;
  auto typing = vault.typing({});
  typing.env["AA_PASSPHRASE_COMMAND"] = "echo 'correct horse'";
  typing.env["EDITOR"] = editor;
  typing.env["VISUAL"] = std::nullopt;
  // XDG_RUNTIME_DIR on a disk is passed over for /dev/shm.
  typing.env["XDG_RUNTIME_DIR"] = runtime.path();
  const auto written = run(with("aa-journal", {"--no-prompt"}), typing);
  CAPTURE(written.out);
  CHECK(written.status == 0);
  const std::string draft = slurp(noted);
  CHECK(draft.starts_with("/dev/shm/aa-" + std::to_string(::getuid()) + "/"));
  CHECK(has(vault.open(vault.journal()), "\"text\":\"in memory\""));
  CHECK(files_in(vault.folder()).size() == 1);
  CHECK_FALSE(std::filesystem::exists(draft.substr(0, draft.size() - 1)));
}

#if !defined(AA_TEST_UNDER_ASAN)  // AddressSanitizer reserves more address space than any limit leaves
TEST_CASE("scrypt without the memory it needs is one line, exit 70, and changes nothing") {
  Vault vault;
  aa::test::write_private_file(Vault::sealed(vault.journal()), aa::age::encrypt("", "correct horse"));
  const auto before = files_in(vault.folder());
  for (const std::string& what : {std::string("--list"), std::string("--no-prompt")}) {
    CAPTURE(what);
    // Work factor 18 needs 256 MiB: a limit of 160 MiB leaves the rest room.
    const auto result = run({"/bin/sh", "-c", "ulimit -v 163840 && exec \"$0\" \"$1\"", command("aa-journal"), what},
                            vault.piped("an entry\n"));
    CHECK(result.status == 70);
    CHECK(result.err == "aa-journal: error: out of memory\n");
    CHECK(files_in(vault.folder()) == before);
  }
}
#endif
