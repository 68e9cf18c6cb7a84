#include "aa/json.hpp"

#include <sstream>

#include <toml++/toml.h>

namespace aa {
namespace {

std::string format(const toml::node& node) {
  std::ostringstream out;
  out << toml::json_formatter(node);
  out << '\n';
  return std::move(out).str();
}

}  // namespace

std::string tips_json(std::span<const Tip* const> tips) {
  toml::array array;
  for (const Tip* tip : tips) {
    array.push_back(toml::table{{"id", tip->id}, {"category", tip->category}, {"section", tip->section},
                                {"text", tip->text}});
  }
  return format(array);
}

std::string strings_json(std::span<const std::string_view> strings) {
  toml::array array;
  for (std::string_view text : strings) array.push_back(text);
  return format(array);
}

}  // namespace aa
