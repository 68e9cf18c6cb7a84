// SPDX-License-Identifier: MIT
#include "aa/io/age.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <sodium.h>

#include "command_info.hpp"
#include "files.hpp"
#include "process.hpp"
#include "skip.hpp"

using aa::age::AgeError;
using aa::age::Failure;

namespace {

// A low work factor keeps the tests quick; the format is the same.
constexpr int quick = 10;

Failure failure_of(std::string_view file, std::string_view passphrase) {
  try {
    aa::age::decrypt(file, passphrase);
  } catch (const AgeError& error) {
    return error.failure();
  }
  FAIL("the file opened");
  return Failure::armor;
}

std::string sha256_hex(std::string_view data) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  std::string hex(sizeof hash * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), hash, sizeof hash);
  hex.pop_back();
  return hex;
}

std::string text_of_size(std::size_t size) {
  std::string text(size, '\0');
  for (std::size_t i = 0; i < size; ++i) text[i] = static_cast<char>('a' + i % 26);
  return text;
}

// The header's lines, up to and including the MAC line.
std::vector<std::string> header_lines(const std::string& file) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (true) {
    const std::size_t end = file.find('\n', at);
    lines.push_back(file.substr(at, end - at));
    at = end + 1;
    if (lines.back().starts_with("---")) return lines;
  }
}

// Where the payload starts: after the MAC line.
std::size_t payload_start(const std::string& file) { return file.find('\n', file.find("\n---") + 1) + 1; }

}  // namespace

TEST_CASE("age: what is encrypted opens with its passphrase, at every chunk boundary") {
  for (std::size_t size : {0, 1, 100, 65535, 65536, 65537, 131072, 131073, 200000}) {
    CAPTURE(size);
    const std::string plain = text_of_size(size);
    const std::string file = aa::age::encrypt(plain, "correct horse", quick);
    CHECK(aa::age::decrypt(file, "correct horse") == plain);
    // The payload: a 16-byte nonce, then one chunk per 64 KiB (at least
    // one), each with its 16-byte tag; a full last chunk has no empty one
    // after it.
    const std::size_t chunks = std::max<std::size_t>(1, (size + 65535) / 65536);
    CHECK(file.size() - payload_start(file) == 16 + size + 16 * chunks);
  }
}

TEST_CASE("age: the header is the specification's, with one scrypt stanza") {
  const std::string file = aa::age::encrypt("a line\n", "pass", quick);
  const std::vector<std::string> lines = header_lines(file);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "age-encryption.org/v1");
  // "-> scrypt SALT 10": 16 bytes of salt are 22 base64 characters, unpadded.
  CHECK(lines[1].starts_with("-> scrypt "));
  CHECK(lines[1].size() == std::string("-> scrypt ").size() + 22 + 3);
  CHECK(lines[1].ends_with(" 10"));
  // The body, the sealed 16-byte file key: 32 bytes, 43 characters.
  CHECK(lines[2].size() == 43);
  CHECK(lines[2].find('=') == std::string::npos);
  // The MAC: 32 bytes, 43 characters.
  CHECK(lines[3].starts_with("--- "));
  CHECK(lines[3].size() == 4 + 43);
  // Each file has its own salt, file key and nonce.
  CHECK(aa::age::encrypt("a line\n", "pass", quick) != file);
  CHECK(aa::age::encrypt("a line\n", "pass").find(" 18\n") != std::string::npos);
}

TEST_CASE("age: a wrong passphrase is a passphrase problem, and opens nothing") {
  const std::string file = aa::age::encrypt("secret", "right", quick);
  CHECK(failure_of(file, "wrong") == Failure::no_match);
  CHECK(failure_of(file, "") == Failure::no_match);
  CHECK(failure_of(file, std::string(10000, 'x')) == Failure::no_match);
  try {
    aa::age::decrypt(file, "wrong");
  } catch (const aa::Error& error) {
    CHECK(error.code() == aa::Problem::passphrase);
  }
}

TEST_CASE("age: a flipped byte anywhere is found, and named for where it is") {
  const std::string plain = text_of_size(70000);
  const std::string file = aa::age::encrypt(plain, "pass", quick);
  const std::size_t payload = payload_start(file);
  const std::size_t mac = file.find("\n---") + 5;
  for (std::size_t at = 0; at < file.size(); at += at < payload + 64 ? 1 : 997) {
    CAPTURE(at);
    std::string changed = file;
    changed[at] = static_cast<char>(changed[at] ^ 0x01);
    const Failure failure = failure_of(changed, "pass");
    if (at >= payload) {
      CHECK(failure == Failure::payload);
    } else if (at >= mac) {
      CHECK((failure == Failure::mac || failure == Failure::header));
    } else {
      // The version line, the stanza and its body: refused as a header, or
      // (a changed salt or body) as a passphrase that no longer opens it.
      CHECK(failure != Failure::payload);
    }
  }
}

TEST_CASE("age: a file cut short or extended is refused whole") {
  const std::string plain = text_of_size(65536 * 2 + 10);
  const std::string file = aa::age::encrypt(plain, "pass", quick);
  const std::size_t payload = payload_start(file);
  // Cut at a chunk's end, inside a chunk, in the nonce, and in the header.
  for (std::size_t keep : {file.size() - 1, file.size() - 26, payload + 16 + 65552, payload + 16 + 65552 * 2,
                           payload + 16, payload + 5, payload - 1, std::size_t{10}}) {
    CAPTURE(keep);
    const Failure failure = failure_of(file.substr(0, keep), "pass");
    CHECK((keep >= payload ? failure == Failure::payload : failure == Failure::header));
  }
  CHECK(failure_of(file + "x", "pass") == Failure::payload);
  CHECK(failure_of(file + std::string(16, '\0'), "pass") == Failure::payload);
}

TEST_CASE("age: a work factor above 22 is refused at once, before scrypt runs") {
  const std::string file = aa::age::encrypt("x", "pass", quick);
  std::string greedy = file;
  greedy.replace(greedy.find(" 10\n"), 4, " 30\n");
  CHECK(failure_of(greedy, "pass") == Failure::header);
  try {
    aa::age::decrypt(greedy, "pass");
  } catch (const AgeError& error) {
    CHECK(std::string(error.what()).find("30") != std::string::npos);
  }
}

TEST_CASE("age: a file encrypted to a key is declined, with the reason") {
  const std::string file =
      "age-encryption.org/v1\n-> X25519 TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc\n"
      "EmECAEcKN+n/Vs9SbWiV+Hu0r+E8R77DdWYyd83nw7U\n--- Vn+54jqiiUCE+WZcEVY3f1sqHjlu/z1LCQ/T7Xm7qI0\n";
  CHECK(failure_of(file, "pass") == Failure::no_match);
  try {
    aa::age::decrypt(file, "pass");
  } catch (const AgeError& error) {
    CHECK(std::string(error.what()) == "the file is encrypted to a key, not to a passphrase");
  }
}

// The way out should this tool ever go: Debian's age opens our files, at
// the work factor aa-vault writes, and ours open what `age -p` wrote. age
// asks for the passphrase on the terminal only.
TEST_CASE("age: Debian's age opens what we write, and we open what it writes") {
  const std::string age = aa::test::find_program("age");
  if (age.empty()) return aa::test::skip_missing("age");
  const aa::test::TempDir dir;
  const std::string plain = text_of_size(70000) + "\nA line with \xc3\xbc and \xe2\x80\x94.\n";

  const std::string ours = dir.write("ours.age", aa::age::encrypt(plain, "our passphrase"));
  const aa::test::RunResult opened =
      aa::test::run({age, "--decrypt", "--output", dir.path() + "/ours.txt", ours},
                    {.terminal = true, .keys = {"our passphrase\r"}, .timeout_seconds = 60});
  CHECK(opened.status == 0);
  CHECK(aa::test::slurp(dir.path() + "/ours.txt") == plain);

  const std::string theirs = dir.path() + "/theirs.age";
  const aa::test::RunResult sealed =
      aa::test::run({age, "--passphrase", "--output", theirs, dir.write("theirs.txt", plain)},
                    {.terminal = true, .keys = {"their passphrase\r", "their passphrase\r"}, .timeout_seconds = 60});
  REQUIRE(sealed.status == 0);
  CHECK(aa::age::decrypt(aa::test::slurp(theirs), "their passphrase") == plain);
  CHECK(failure_of(aa::test::slurp(theirs), "our passphrase") == Failure::no_match);
}

// The community test vectors (../shared/age-testkit): every one that
// carries a passphrase gives its expected result, and each success the
// very plain text its hash names.
TEST_CASE("age: the community test vectors for passphrases") {
  const std::filesystem::path folder = std::filesystem::path(AA_SOURCE_DIR) / ".." / "shared" / "age-testkit";
  if (!std::filesystem::is_directory(folder)) return aa::test::skip_missing(folder.string());
  std::vector<std::filesystem::path> vectors;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().filename() != "README.md") vectors.push_back(entry.path());
  }
  std::sort(vectors.begin(), vectors.end());
  int checked = 0;
  for (const std::filesystem::path& path : vectors) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream whole;
    whole << in.rdbuf();
    const std::string text = whole.str();
    const std::size_t blank = text.find("\n\n");
    REQUIRE(blank != std::string::npos);
    std::string expect, payload, passphrase;
    std::istringstream head(text.substr(0, blank));
    for (std::string line; std::getline(head, line);) {
      const std::size_t colon = line.find(": ");
      const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
      if (key == "expect") expect = value;
      if (key == "payload") payload = value;
      if (key == "passphrase" && passphrase.empty()) passphrase = value;
    }
    if (passphrase.empty()) continue;  // for X25519 identities, which we do not read
    CAPTURE(path.filename().string());
    CAPTURE(expect);
    const std::string file = text.substr(blank + 2);
    ++checked;
    if (expect == "success") {
      CHECK(sha256_hex(aa::age::decrypt(file, passphrase)) == payload);
      continue;
    }
    const std::map<std::string, Failure> failures = {{"no match", Failure::no_match},
                                                     {"header failure", Failure::header},
                                                     {"HMAC failure", Failure::mac},
                                                     {"payload failure", Failure::payload},
                                                     {"armor failure", Failure::armor}};
    REQUIRE(failures.count(expect) == 1);
    CHECK(failure_of(file, passphrase) == failures.at(expect));
  }
  CHECK(checked == 26);
}
