// SPDX-License-Identifier: MIT
#include "aa/content/model.hpp"

namespace aa {

const Section* find_section(const Content& content, std::string_view slug) {
  for (const Section& section : content.sections) {
    if (section.slug == slug) return &section;
  }
  return nullptr;
}

const ChecklistItem* find_checklist_item(const Content& content, std::string_view id) {
  for (const ChecklistItem& item : content.checklist) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

}  // namespace aa
