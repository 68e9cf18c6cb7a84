// SPDX-License-Identifier: MIT
// The age v1 format, as the C2SP specification writes it, for one scrypt
// stanza. Every rule below is one of the specification's; the test vectors
// in ../shared/age-testkit check them (tests/unit/age_test.cpp).
#include "aa/io/age.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <initializer_list>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include <sodium.h>

namespace aa::age {
namespace {

constexpr std::string_view version_line = "age-encryption.org/v1\n";
constexpr std::string_view scrypt_label = "age-encryption.org/v1/scrypt";
constexpr std::string_view armor_begin = "-----BEGIN AGE ENCRYPTED FILE-----";
constexpr std::string_view armor_end = "-----END AGE ENCRYPTED FILE-----";
constexpr std::size_t key_size = 32;       // ChaCha20-Poly1305 and HMAC-SHA-256 keys
constexpr std::size_t file_key_size = 16;  // the key each file is sealed with
constexpr std::size_t salt_size = 16;      // the scrypt stanza's salt
constexpr std::size_t nonce_size = 16;     // the payload's nonce, before its chunks
constexpr std::size_t tag_size = crypto_aead_chacha20poly1305_ietf_ABYTES;
constexpr std::size_t chunk_size = 64 * 1024;  // plain text in each payload chunk
constexpr std::size_t body_columns = 64;       // a stanza body's full line

[[noreturn]] void fail(Failure failure, const std::string& message) { throw AgeError(failure, message); }

// Key material, wiped when it goes.
template <std::size_t size>
struct Secret {
  std::array<unsigned char, size> bytes{};
  Secret() = default;
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  ~Secret() { sodium_memzero(bytes.data(), size); }
  unsigned char* data() { return bytes.data(); }
  const unsigned char* data() const { return bytes.data(); }
};

void require_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw Error(Problem::internal, "libsodium cannot start");
}

const unsigned char* bytes_of(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

std::string_view view(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Base64 without padding, as the header writes it.
std::string to_base64(const unsigned char* data, std::size_t size) {
  const int variant = sodium_base64_VARIANT_ORIGINAL_NO_PADDING;
  std::string out(sodium_base64_encoded_len(size, variant), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, variant);
  out.pop_back();  // the terminating NUL
  return out;
}

// The bytes of `text`, base64 with or without padding as `variant` says;
// nothing when it is not canonical base64 (libsodium refuses stray bits).
std::optional<std::string> from_base64(std::string_view text, int variant) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t size = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &size, nullptr, variant) != 0) {
    return std::nullopt;
  }
  out.resize(size);
  return out;
}

// HMAC-SHA-256 of the parts, under `key`.
void hmac(std::string_view key, std::initializer_list<std::string_view> parts, unsigned char* out) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, bytes_of(key), key.size());
  for (std::string_view part : parts) crypto_auth_hmacsha256_update(&state, bytes_of(part), part.size());
  crypto_auth_hmacsha256_final(&state, out);
  sodium_memzero(&state, sizeof state);
}

// HKDF-SHA-256 (RFC 5869) for one 32-byte key, as age derives its keys.
void hkdf(std::string_view salt, std::string_view key_material, std::string_view info, unsigned char* out) {
  Secret<key_size> pseudorandom;
  hmac(salt, {key_material}, pseudorandom.data());
  hmac(view(pseudorandom.data(), key_size), {info, std::string_view("\x01", 1)}, out);
}

// The key that wraps the file key, from the passphrase.
void scrypt(std::string_view passphrase, std::string_view salt, int work_factor, unsigned char* out) {
  const std::string full_salt = std::string(scrypt_label) + std::string(salt);
  if (passphrase.empty()) passphrase = "";  // libsodium wants a pointer, even to nothing
  if (crypto_pwhash_scryptsalsa208sha256_ll(bytes_of(passphrase), passphrase.size(), bytes_of(full_salt),
                                            full_salt.size(), std::uint64_t{1} << work_factor, 8, 1, out,
                                            key_size) != 0) {
    if (errno == ENOMEM) throw std::bad_alloc();
    throw Error(Problem::internal, "scrypt failed");
  }
}

// The nonce of payload chunk `counter`: 11 bytes of counter, then 1 on the last.
std::array<unsigned char, 12> chunk_nonce(std::uint64_t counter, bool last) {
  std::array<unsigned char, 12> nonce{};
  for (int i = 10; i >= 3 && counter > 0; --i, counter >>= 8)
    nonce[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xff);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

struct Stanza {
  std::vector<std::string_view> arguments;  // the type first
  std::string body;
};

// Reads the line that starts at `at` (without its "\n") and moves past it.
std::string_view next_line(std::string_view file, std::size_t& at) {
  const std::size_t end = file.find('\n', at);
  if (end == std::string_view::npos) fail(Failure::header, "the header ends before its MAC line");
  const std::string_view line = file.substr(at, end - at);
  at = end + 1;
  return line;
}

Stanza read_stanza(std::string_view line, std::string_view file, std::size_t& at) {
  Stanza stanza;
  std::size_t start = 3;  // after "-> "
  while (true) {
    const std::size_t space = line.find(' ', start);
    const std::string_view argument = line.substr(start, space == std::string_view::npos ? space : space - start);
    if (argument.empty()) fail(Failure::header, "a stanza has an empty argument");
    for (char c : argument) {
      if (c < 0x21 || c > 0x7e) fail(Failure::header, "a stanza argument has a character it may not hold");
    }
    stanza.arguments.push_back(argument);
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  // The body: full lines of 64 columns, then one shorter line (maybe empty).
  std::string text;
  while (true) {
    const std::string_view body_line = next_line(file, at);
    if (body_line.size() > body_columns) fail(Failure::header, "a stanza body line is too long");
    text += body_line;
    if (body_line.size() < body_columns) break;
  }
  std::optional<std::string> body = from_base64(text, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
  if (!body) fail(Failure::header, "a stanza body is not canonical base64");
  stanza.body = std::move(*body);
  return stanza;
}

// The work factor as the stanza writes it: a decimal number from 1 to
// `highest`, without a sign or a leading zero.
int work_factor_of(std::string_view text, int highest) {
  if (text.empty() || text.size() > 2 || text[0] == '0') fail(Failure::header, "the scrypt work factor is not valid");
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') fail(Failure::header, "the scrypt work factor is not valid");
    value = value * 10 + (c - '0');
  }
  if (value > highest) {
    fail(Failure::header, "the scrypt work factor " + std::to_string(value) + " is above the highest we open (" +
                              std::to_string(highest) + ")");
  }
  return value;
}

// The binary file inside ASCII armor: base64 with padding, in lines of 64
// columns (the last may be shorter), between the BEGIN and END lines.
std::string dearmored(std::string_view file) {
  if (file.ends_with('\n')) file.remove_suffix(1);
  std::size_t at = armor_begin.size();
  if (file.substr(at, 1) != "\n") fail(Failure::armor, "the armor's first line is not the BEGIN line");
  ++at;
  std::string text;
  bool short_line_seen = false;
  while (true) {
    const std::size_t end = file.find('\n', at);
    const std::string_view line = file.substr(at, end == std::string_view::npos ? end : end - at);
    if (line == armor_end) {
      if (end != std::string_view::npos) fail(Failure::armor, "there is text after the armor's END line");
      break;
    }
    if (end == std::string_view::npos) fail(Failure::armor, "the armor has no END line");
    if (line.size() > body_columns || line.empty() || short_line_seen)
      fail(Failure::armor, "an armor line is malformed");
    short_line_seen = line.size() < body_columns;
    text += line;
    at = end + 1;
  }
  std::optional<std::string> binary = from_base64(text, sodium_base64_VARIANT_ORIGINAL);
  if (!binary) fail(Failure::armor, "the armor is not canonical base64");
  return std::move(*binary);
}

std::string decrypt_payload(std::string_view payload, const Secret<file_key_size>& file_key) {
  if (payload.size() < nonce_size) fail(Failure::payload, "the payload is cut short");
  Secret<key_size> key;
  hkdf(payload.substr(0, nonce_size), view(file_key.data(), file_key_size), "payload", key.data());
  payload.remove_prefix(nonce_size);
  if (payload.empty()) fail(Failure::payload, "the payload is cut short");
  std::string plain;
  plain.reserve(payload.size());
  for (std::uint64_t counter = 0; !payload.empty(); ++counter) {
    // A full chunk is the last one only when nothing follows it.
    const bool last = payload.size() <= chunk_size + tag_size;
    const std::string_view sealed = payload.substr(0, last ? payload.size() : chunk_size + tag_size);
    if (sealed.size() < tag_size) fail(Failure::payload, "the payload is cut short");
    const std::size_t at = plain.size();
    plain.resize(at + sealed.size() - tag_size);
    const auto nonce = chunk_nonce(counter, last);
    unsigned long long size = 0;
    if (crypto_aead_chacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data() + at), &size, nullptr,
                                                  bytes_of(sealed), sealed.size(), nullptr, 0, nonce.data(),
                                                  key.data()) != 0) {
      sodium_memzero(plain.data(), plain.size());
      fail(Failure::payload, "the payload was changed, cut short or extended");
    }
    // An empty last chunk only ever stands for an empty file.
    if (last && size == 0 && counter > 0) fail(Failure::payload, "the payload ends with an empty chunk");
    payload.remove_prefix(sealed.size());
  }
  return plain;
}

}  // namespace

AgeError::AgeError(Failure failure, const std::string& message)
    : Error(failure == Failure::no_match ? Problem::passphrase : Problem::data, message), failure_(failure) {}

std::string encrypt(std::string_view plain, std::string_view passphrase, int work_factor) {
  require_sodium();
  Secret<file_key_size> file_key;
  std::array<unsigned char, salt_size> salt;
  std::array<unsigned char, nonce_size> nonce;
  randombytes_buf(file_key.data(), file_key_size);
  randombytes_buf(salt.data(), salt.size());
  randombytes_buf(nonce.data(), nonce.size());

  // The stanza: the file key, sealed under the key scrypt derives.
  Secret<key_size> wrap_key;
  scrypt(passphrase, view(salt.data(), salt.size()), work_factor, wrap_key.data());
  std::array<unsigned char, file_key_size + tag_size> body;
  const std::array<unsigned char, 12> zero_nonce{};
  crypto_aead_chacha20poly1305_ietf_encrypt(body.data(), nullptr, file_key.data(), file_key_size, nullptr, 0, nullptr,
                                            zero_nonce.data(), wrap_key.data());
  std::string out = std::string(version_line) + "-> scrypt " + to_base64(salt.data(), salt.size()) + " " +
                    std::to_string(work_factor) + "\n" + to_base64(body.data(), body.size()) + "\n---";

  Secret<key_size> mac_key;
  hkdf("", view(file_key.data(), file_key_size), "header", mac_key.data());
  std::array<unsigned char, key_size> mac;
  hmac(view(mac_key.data(), key_size), {out}, mac.data());
  out += " " + to_base64(mac.data(), mac.size()) + "\n";

  // The payload: its nonce, then STREAM chunks of 64 KiB, the last flagged.
  Secret<key_size> payload_key;
  hkdf(view(nonce.data(), nonce.size()), view(file_key.data(), file_key_size), "payload", payload_key.data());
  out += view(nonce.data(), nonce.size());
  std::uint64_t counter = 0;
  std::size_t at = 0;
  do {
    const std::size_t size = std::min(chunk_size, plain.size() - at);
    const bool last = at + size == plain.size();
    const auto chunk_nonce_bytes = chunk_nonce(counter++, last);
    const std::size_t start = out.size();
    out.resize(start + size + tag_size);
    crypto_aead_chacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(out.data() + start), nullptr,
                                              bytes_of(plain.substr(at, size)), size, nullptr, 0, nullptr,
                                              chunk_nonce_bytes.data(), payload_key.data());
    at += size;
  } while (at < plain.size());
  return out;
}

std::string decrypt(std::string_view file, std::string_view passphrase, int highest) {
  return open(file, passphrase, highest).plain;
}

Opened open(std::string_view file, std::string_view passphrase, int highest) {
  require_sodium();
  if (file.starts_with(armor_begin)) return open(dearmored(file), passphrase, highest);
  if (!file.starts_with(version_line)) fail(Failure::header, "this is not an age file (or not version 1)");
  std::size_t at = version_line.size();
  std::vector<Stanza> stanzas;
  std::size_t mac_line = 0;
  while (true) {
    const std::size_t line_start = at;
    const std::string_view line = next_line(file, at);
    if (line.starts_with("-> ")) {
      stanzas.push_back(read_stanza(line, file, at));
    } else if (line.starts_with("--- ")) {
      mac_line = line_start;
      break;
    } else {
      fail(Failure::header, "a header line is neither a stanza nor the MAC line");
    }
  }
  if (stanzas.empty()) fail(Failure::header, "the header has no stanza");
  const auto is_scrypt = [](const Stanza& stanza) { return stanza.arguments[0] == "scrypt"; };
  const auto scrypt_stanza = std::find_if(stanzas.begin(), stanzas.end(), is_scrypt);
  if (scrypt_stanza == stanzas.end()) {
    fail(Failure::no_match, "the file is encrypted to a key, not to a passphrase");
  }
  if (stanzas.size() > 1) fail(Failure::header, "a scrypt stanza must be the only one in the header");
  const Stanza& stanza = *scrypt_stanza;
  if (stanza.arguments.size() != 3) fail(Failure::header, "a scrypt stanza takes a salt and a work factor");
  const std::optional<std::string> salt = from_base64(stanza.arguments[1], sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
  if (!salt || salt->size() != salt_size) fail(Failure::header, "the scrypt salt is not 16 bytes of canonical base64");
  const int work_factor = work_factor_of(stanza.arguments[2], highest);
  if (stanza.body.size() != file_key_size + tag_size) fail(Failure::header, "the scrypt stanza's body is not 32 bytes");

  const std::string_view mac_text = file.substr(mac_line + 4, at - 1 - (mac_line + 4));
  const std::optional<std::string> mac = from_base64(mac_text, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
  if (!mac || mac->size() != key_size) fail(Failure::header, "the header MAC is not 32 bytes of canonical base64");

  Secret<key_size> wrap_key;
  scrypt(passphrase, *salt, work_factor, wrap_key.data());
  Secret<file_key_size> file_key;
  const std::array<unsigned char, 12> zero_nonce{};
  if (crypto_aead_chacha20poly1305_ietf_decrypt(file_key.data(), nullptr, nullptr, bytes_of(stanza.body),
                                                stanza.body.size(), nullptr, 0, zero_nonce.data(),
                                                wrap_key.data()) != 0) {
    fail(Failure::no_match, "the passphrase does not open it");
  }

  Secret<key_size> mac_key;
  hkdf("", view(file_key.data(), file_key_size), "header", mac_key.data());
  std::array<unsigned char, key_size> expected;
  hmac(view(mac_key.data(), key_size), {file.substr(0, mac_line + 3)}, expected.data());
  if (sodium_memcmp(expected.data(), mac->data(), key_size) != 0) fail(Failure::mac, "the header was changed");

  return {decrypt_payload(file.substr(at), file_key), work_factor};
}

}  // namespace aa::age
