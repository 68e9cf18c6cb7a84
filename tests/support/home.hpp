// SPDX-License-Identifier: MIT
// A home of its own for the runs of a test that keep state between them:
// data, config and HOME all inside one temporary directory.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "process.hpp"

namespace aa::test {

struct PrivateHome {
  TempDir dir;
  std::string data() const { return dir.path() + "/data"; }
  std::string config() const { return dir.path() + "/config"; }

  RunOptions options(RunOptions base = {}) const {
    base.env["XDG_DATA_HOME"] = data();
    base.env["XDG_CONFIG_HOME"] = config();
    base.env["HOME"] = dir.path() + "/home";
    return base;
  }
  RunOptions with_stdin(std::string text) const {
    RunOptions base;
    base.stdin_text = std::move(text);
    return options(base);
  }
  // Keys typed one by one into a terminal on stdin and stdout.
  RunOptions typing(std::vector<std::string> keys) const {
    RunOptions base;
    base.terminal = true;
    base.keys = std::move(keys);
    return options(base);
  }
};

}  // namespace aa::test
