// SPDX-License-Identifier: MIT
// A passphrase in memory: kept out of swap where the system allows it
// (sodium_mlock), wiped when it goes (sodium_munlock clears it), never
// copied into a std::string. And where the library gets the passphrase of
// the encrypted stores from: the command-line layer says how to ask for it.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

namespace aa {

class Secret {
 public:
  // Room for `capacity` bytes, locked in memory where allowed.
  explicit Secret(std::size_t capacity);
  ~Secret();
  Secret(Secret&& other) noexcept;
  Secret& operator=(Secret&&) = delete;
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;

  // Adds one byte; false when there is no room left.
  bool push_back(char byte) noexcept;
  void pop_back() noexcept;
  std::string_view view() const noexcept { return {bytes_.get(), size_}; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;
};

// Whether two secrets hold the same bytes, in time that does not depend on
// where they differ.
bool same_secret(const Secret& a, const Secret& b) noexcept;

// Makes this process leave no core dump and refuse to be traced by other
// processes of the user (PR_SET_DUMPABLE), from now until it ends: called
// as soon as it holds a passphrase.
void hide_from_core_dumps() noexcept;

// Returns the passphrase of the encrypted stores, asking for it the first
// time only; throws Error(Problem::passphrase) when there is none to be had.
using PassphraseSource = std::function<const Secret&()>;

// Sets where store_passphrase() gets it. Until this is called, there is none.
void set_passphrase_source(PassphraseSource source);

// The passphrase of the encrypted stores, from the source set above.
const Secret& store_passphrase();

}  // namespace aa
