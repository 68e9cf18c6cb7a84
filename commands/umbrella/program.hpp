// SPDX-License-Identifier: MIT
// Running another program, for aa: in place of this one (exec), or to ask it a
// question and wait for the answer (its exit status).
#pragma once

#include <string>
#include <vector>

namespace aa::cli {

// Replaces this process with `path`, given `arguments` (arguments[0] is
// the name it sees itself run as), with the same environment, descriptors
// and signal dispositions. Returns only on failure, with errno's value.
int replace_process(const std::string& path, const std::vector<std::string>& arguments);

// Runs `path` with `arguments`, its output and errors thrown away and its
// input from /dev/null, and says whether it ran and exited with status 0.
bool succeeds_quietly(const std::string& path, const std::vector<std::string>& arguments);

}  // namespace aa::cli
