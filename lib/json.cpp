#include "aa/json.hpp"

#include <nlohmann/json.hpp>

namespace aa {

std::string dump_json(const nlohmann::ordered_json& value) {
  // Content is valid UTF-8 by the time it is loaded; replace rather than
  // throw should anything else slip in.
  return value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string tips_json(std::span<const Tip* const> tips) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const Tip* tip : tips) {
    array.push_back({{"id", tip->id}, {"category", tip->category}, {"section", tip->section}, {"text", tip->text}});
  }
  return dump_json(array);
}

std::string strings_json(std::span<const std::string_view> strings) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (std::string_view text : strings) array.push_back(text);
  return dump_json(array);
}

}  // namespace aa
