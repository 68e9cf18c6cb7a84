// SPDX-License-Identifier: MIT
#include "aa/io/signal_cleanup.hpp"

#include <algorithm>
#include <array>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace aa {
namespace {

// A handler may only make async-signal-safe calls (unlinkat, fstatat,
// write, sigaction, raise), so what it needs is kept in plain buffers.
struct Guarded {
  volatile std::sig_atomic_t armed = 0;
  int folder = -1;
  char name[256] = {};
  bool draft = false;
  struct stat as_made {};
  char kept_message[1024] = {};
  std::size_t kept_length = 0;
};

std::array<Guarded, 4> guarded{};
constexpr std::array<int, 3> ending_signals = {SIGHUP, SIGTERM, SIGINT};
std::array<struct sigaction, 3> previous{};
int armed_count = 0;

bool same_file(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_size == b.st_size &&
         a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

bool is_unchanged(const Guarded& file) {
  struct stat now {};
  return ::fstatat(file.folder, file.name, &now, AT_SYMLINK_NOFOLLOW) == 0 && same_file(now, file.as_made);
}

void clean_up_and_end(int signal) {
  for (Guarded& file : guarded) {
    if (!file.armed) continue;
    file.armed = 0;
    if (!file.draft || is_unchanged(file)) {
      ::unlinkat(file.folder, file.name, 0);
    } else if (::write(STDERR_FILENO, file.kept_message, file.kept_length) < 0) {
      // stderr is gone; the draft is kept all the same.
    }
  }
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  ::sigaction(signal, &fallback, nullptr);
  ::raise(signal);
}

// Blocks the ending signals while the table changes, so that the handler
// never sees half of an entry.
class BlockedSignals {
 public:
  BlockedSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int signal : ending_signals) sigaddset(&set, signal);
    ::sigprocmask(SIG_BLOCK, &set, &saved_);
  }
  ~BlockedSignals() { ::sigprocmask(SIG_SETMASK, &saved_, nullptr); }
  BlockedSignals(const BlockedSignals&) = delete;
  BlockedSignals& operator=(const BlockedSignals&) = delete;

 private:
  sigset_t saved_{};
};

int arm(int folder, std::string_view name, bool draft, std::string_view kept_message) {
  const BlockedSignals blocked;
  Guarded* free_slot = nullptr;
  for (Guarded& file : guarded) {
    if (!file.armed) {
      free_slot = &file;
      break;
    }
  }
  if (free_slot == nullptr || name.size() >= sizeof free_slot->name) return -1;
  Guarded& file = *free_slot;
  file.folder = folder;
  std::memcpy(file.name, name.data(), name.size());
  file.name[name.size()] = '\0';
  file.draft = draft;
  if (draft && ::fstatat(folder, file.name, &file.as_made, AT_SYMLINK_NOFOLLOW) != 0) file.as_made = {};
  file.kept_length = std::min(kept_message.size(), sizeof file.kept_message);
  if (file.kept_length > 0) std::memcpy(file.kept_message, kept_message.data(), file.kept_length);
  if (armed_count++ == 0) {
    struct sigaction handler {};
    handler.sa_handler = clean_up_and_end;
    sigemptyset(&handler.sa_mask);
    for (std::size_t i = 0; i < ending_signals.size(); ++i) {
      ::sigaction(ending_signals[i], nullptr, &previous[i]);
      if (previous[i].sa_handler != SIG_IGN) ::sigaction(ending_signals[i], &handler, nullptr);
    }
  }
  file.armed = 1;
  return static_cast<int>(&file - guarded.data());
}

}  // namespace

RemovedOnSignal::RemovedOnSignal(int folder, std::string_view name) : slot_(arm(folder, name, false, {})) {}

RemovedOnSignal::RemovedOnSignal(int folder, std::string_view name, std::string_view kept_message)
    : slot_(arm(folder, name, true, kept_message)) {}

RemovedOnSignal::~RemovedOnSignal() {
  if (slot_ < 0) return;
  const BlockedSignals blocked;
  guarded[static_cast<std::size_t>(slot_)].armed = 0;
  if (--armed_count == 0) {
    for (std::size_t i = 0; i < ending_signals.size(); ++i) {
      if (previous[i].sa_handler != SIG_IGN) ::sigaction(ending_signals[i], &previous[i], nullptr);
    }
  }
}

bool RemovedOnSignal::unchanged() const noexcept {
  return slot_ >= 0 && is_unchanged(guarded[static_cast<std::size_t>(slot_)]);
}

}  // namespace aa
