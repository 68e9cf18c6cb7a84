// SPDX-License-Identifier: MIT
#include "aa/core/markdown.hpp"

#include <fmt/core.h>

namespace aa {
namespace {

bool anchor_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

}  // namespace

std::string markdown_title(std::string_view title) {
  // Double-quoted YAML: a backslash and a quote are the only characters
  // that need escaping in our titles.
  std::string quoted;
  for (char c : title) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return fmt::format("---\ntitle: \"{}\"\n---\n\n", quoted);
}

std::string markdown_heading(int level, std::string_view markdown, std::string_view anchor) {
  std::string id;
  for (char c : anchor) id += anchor_character(c) ? c : '-';
  // An anchor starts with a letter in pandoc's and HTML's older rules.
  if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'))) id.insert(0, "s-");
  return fmt::format("{} {} {{#{}}}", std::string(static_cast<std::size_t>(level), '#'), markdown, id);
}

}  // namespace aa
