// SPDX-License-Identifier: MIT
// age v1 files (the C2SP age specification) with one scrypt passphrase
// stanza: the format of the encrypted stores, which Debian's `age -d` opens
// too. libsodium does the cryptography; this is the glue around it: the
// header's grammar, the key derivations, and the payload's STREAM chunks.
#pragma once

#include <string>
#include <string_view>

#include "aa/io/error.hpp"

namespace aa::age {

// The scrypt work factor (log2 of N) we write: about 256 MiB and well under
// a second here. Files from others may ask for more, up to the highest that
// age itself reads; above that a file is refused, not opened for an hour.
inline constexpr int default_work_factor = 18;
inline constexpr int max_work_factor = 22;

// Why a file could not be opened, in the words of the specification's test
// vectors.
enum class Failure {
  no_match,  // the passphrase does not open it, or it is not for a passphrase
  header,    // the header breaks the grammar or the rules of a scrypt stanza
  mac,       // the header was changed after it was written
  payload,   // the payload was changed, cut short or extended
  armor,     // the ASCII armor is malformed
};

// An Error (Problem::passphrase for no_match, Problem::data otherwise)
// that says which failure it is.
class AgeError : public Error {
 public:
  AgeError(Failure failure, const std::string& message);
  Failure failure() const noexcept { return failure_; }

 private:
  Failure failure_;
};

// `plain` as an age v1 file, for `passphrase`, with a fresh random salt,
// file key and payload nonce. Throws std::bad_alloc when scrypt cannot get
// its memory.
std::string encrypt(std::string_view plain, std::string_view passphrase, int work_factor = default_work_factor);

// The plain text of an age v1 file, binary or ASCII-armored, opened with
// `passphrase`; all of it or an AgeError, never a part. A work factor above
// `highest` is a header failure (the fuzz target keeps it low).
std::string decrypt(std::string_view file, std::string_view passphrase, int highest = max_work_factor);

// What decrypt() gives, with the work factor the file was made with, so that
// a store written anew keeps it.
struct Opened {
  std::string plain;
  int work_factor = 0;
};
Opened open(std::string_view file, std::string_view passphrase, int highest = max_work_factor);

}  // namespace aa::age
