// SPDX-License-Identifier: MIT
// Files that must not outlive a command that a signal ends: the temporary
// copy a rewrite makes of a store, and a draft the editor never changed.
// While one is guarded, SIGHUP, SIGTERM and SIGINT first see to it, then end
// the command as they would have. A signal the command was started with
// ignored (nohup) stays ignored.
#pragma once

#include <string_view>

namespace aa {

class RemovedOnSignal {
 public:
  // The file `name` in the folder open as `folder` (which must stay open
  // while this lives) is removed if a signal ends the command.
  RemovedOnSignal(int folder, std::string_view name);

  // A draft: removed only while it is still the very file it was when this
  // was made, unchanged (inode, size, modification time); once an editor has
  // saved it, it is kept and `kept_message` is written to stderr instead.
  RemovedOnSignal(int folder, std::string_view name, std::string_view kept_message);

  // No longer guarded; the file itself is left as it is.
  ~RemovedOnSignal();
  RemovedOnSignal(const RemovedOnSignal&) = delete;
  RemovedOnSignal& operator=(const RemovedOnSignal&) = delete;

  // Whether the file is still as it was when this was made: for a draft,
  // whether the editor left it untouched.
  bool unchanged() const noexcept;

 private:
  int slot_ = -1;  // -1: the name did not fit, and the file is not guarded
};

}  // namespace aa
