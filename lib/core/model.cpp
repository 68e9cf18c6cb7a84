#include "aa/model.hpp"

namespace aa {

const Section* find_section(const Content& content, std::string_view slug) {
  for (const Section& section : content.sections) {
    if (section.slug == slug) return &section;
  }
  return nullptr;
}

}  // namespace aa
