// SPDX-License-Identifier: MIT
// The user's settings as a command reads them: the config file, with a
// warning on stderr for each key this version does not know.
#pragma once

#include <string_view>

#include "aa/core/config.hpp"

namespace aa::cli {

// The settings of config_file(), the defaults when there is none, read
// once a run. Warns, as `program`, "FILE:LINE: unknown setting 'KEY'
// (ignored)" for each unknown key. Throws as read_config(), and then reads
// again when asked again.
const Config& read_settings(std::string_view program);

}  // namespace aa::cli
