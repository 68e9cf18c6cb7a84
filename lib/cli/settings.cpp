// SPDX-License-Identifier: MIT
#include "aa/cli/settings.hpp"

#include <fmt/core.h>

#include "aa/cli/cli.hpp"
#include "aa/cli/environment.hpp"
#include "aa/content/text.hpp"

namespace aa::cli {
namespace {

Config read_config_file(std::string_view program) {
  const auto file = config_file();
  if (!file) return {};
  Config config = read_config(*file);
  for (const UnknownSetting& setting : config.unknown) {
    // Both come from places a person may edit: shown, never obeyed.
    report_warning(program, fmt::format("{}:{}: unknown setting '{}' (ignored)", terminal_safe(file->string()),
                                        setting.line, printable(setting.key)));
  }
  return config;
}

}  // namespace

const Config& read_settings(std::string_view program) {
  // Kept for the rest of the run, so that a command that asks twice (aa-check
  // --note, then the check) reads the file once and warns once.
  static const Config settings = read_config_file(program);
  return settings;
}

}  // namespace aa::cli
