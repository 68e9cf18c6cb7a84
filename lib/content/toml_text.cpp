// SPDX-License-Identifier: MIT
#include "aa/content/toml_text.hpp"

#include <fmt/core.h>

#include "aa/content/text.hpp"
#include "aa/content/toml_depth.hpp"
#include "aa/io/error.hpp"

namespace aa {

std::string plain_toml_description(std::string_view description) {
  // "Error while parsing SCOPE: REASON".
  constexpr std::string_view prefix = "Error while parsing ";
  std::string_view scope;
  std::string_view reason = description;
  if (description.starts_with(prefix)) {
    const std::size_t colon = description.find(": ", prefix.size());
    if (colon != std::string_view::npos) {
      scope = description.substr(prefix.size(), colon - prefix.size());
      reason = description.substr(colon + 2);
    }
  }
  const auto has = [&](std::string_view part) { return reason.find(part) != std::string_view::npos; };
  // What toml++ stopped at ("saw 'tru\n'"), without the line end it may
  // include; "the end of the line" when that is all there was.
  std::string seen = "the end of the line";
  if (const std::size_t saw = reason.rfind("saw '"); saw != std::string_view::npos && reason.ends_with("'")) {
    std::string_view text = reason.substr(saw + 5, reason.size() - saw - 6);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    if (!text.empty() && text != "\\n" && text != "\\r") seen = "'" + std::string(text) + "'";
  }
  if (has("encountered end-of-file")) {
    return "the file ends in the middle of this; is a closing quote or bracket missing?";
  }
  if (has("cannot redefine existing")) return "this name is given a second time; each may appear only once";
  if (scope == "boolean" || scope == "value" || has("expected value") || has("could not determine value type") ||
      has("could not be interpreted as a value")) {
    const std::string what = has("saw '") ? seen + " is not a value" : "this is not a value";
    return what + ": write true or false (in lower case), a number, or text in \"quotes\"";
  }
  if (has("expected '='")) return "expected '=' between the name and its value, saw " + seen;
  if (has("expected a comment or whitespace")) {
    return seen + " after the value: put each setting on its own line, and start a comment with '#'";
  }
  if (has("expected keys, tables, whitespace or comments")) {
    return "a line must be a setting (name = value), a [table] heading or a comment starting with '#', not " + seen;
  }
  if (scope == "table header" && has("expected ']'")) return "a [table] heading needs its closing ']'";
  if (scope == "string" && has("unescaped control characters")) {
    return "text in quotes must end with its closing quote on the same line";
  }
  if (has("unknown escape sequence")) {
    return std::string(reason) + " in text in quotes; write \\\\ for a backslash";
  }
  if (scope.empty()) return std::string(reason);
  return std::string(reason) + " (in a " + std::string(scope) + ")";
}

std::variant<toml::table, TomlSyntaxError> parse_toml_or_error(std::string_view text, std::string_view path) {
  if (const auto excess = find_excess_nesting(text, max_toml_depth)) {
    return TomlSyntaxError{excess->line, excess->column,
                           fmt::format("nested more than {} levels deep", max_toml_depth)};
  }
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    const toml::source_position& at = error.source().begin;
    // toml++ quotes the text it stopped at, which may be anything.
    return TomlSyntaxError{at.line, at.column, terminal_safe(plain_toml_description(error.description()))};
  }
}

toml::table parse_toml(std::string_view text, std::string_view path) {
  auto parsed = parse_toml_or_error(text, path);
  if (auto* error = std::get_if<TomlSyntaxError>(&parsed)) {
    throw Error(Problem::data,
                fmt::format("{}:{}:{}: {}", terminal_safe(path), error->line, error->column, error->description));
  }
  return std::move(std::get<toml::table>(parsed));
}

}  // namespace aa
