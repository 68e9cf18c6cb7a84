// SPDX-License-Identifier: MIT
#include "aa/io/secret.hpp"

#include <utility>

#include <sodium.h>
#include <sys/prctl.h>

#include "aa/io/error.hpp"

namespace aa {

Secret::Secret(std::size_t capacity) : bytes_(new char[capacity]), capacity_(capacity) {
  // Refused past RLIMIT_MEMLOCK; the secret is still wiped when it goes.
  (void)sodium_mlock(bytes_.get(), capacity_);
}

Secret::~Secret() {
  if (bytes_) (void)sodium_munlock(bytes_.get(), capacity_);
}

Secret::Secret(Secret&& other) noexcept
    : bytes_(std::move(other.bytes_)),
      capacity_(std::exchange(other.capacity_, 0)),
      size_(std::exchange(other.size_, 0)) {}

bool Secret::push_back(char byte) noexcept {
  if (size_ == capacity_) return false;
  bytes_[size_++] = byte;
  return true;
}

void Secret::pop_back() noexcept {
  if (size_ > 0) bytes_[--size_] = '\0';
}

bool same_secret(const Secret& a, const Secret& b) noexcept {
  return a.size() == b.size() && (a.empty() || sodium_memcmp(a.view().data(), b.view().data(), a.size()) == 0);
}

void hide_from_core_dumps() noexcept { (void)::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }

namespace {

PassphraseSource& source() {
  static PassphraseSource chosen;
  return chosen;
}

}  // namespace

void set_passphrase_source(PassphraseSource chosen) { source() = std::move(chosen); }

const Secret& store_passphrase() {
  if (!source()) throw Error(Problem::passphrase, "no passphrase can be asked for here");
  return source()();
}

}  // namespace aa
