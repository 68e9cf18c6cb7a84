// SPDX-License-Identifier: MIT
// What the readers of our stores keep of a member of a JSON line: its type,
// and its value when it is text or a whole number. They read a line with a
// SAX handler that fills these (check_json_read.cpp for the history,
// journal.cpp for the journal), then check them, rather than build a JSON
// document of every line.
#pragma once

#include <cstdint>
#include <string>

namespace aa {

enum class JsonKind { missing, null, boolean, integer, natural, floating, string, array, object, binary };

struct JsonMember {
  JsonKind kind = JsonKind::missing;
  std::string text;           // JsonKind::string
  std::int64_t integer = 0;   // JsonKind::integer: nlohmann's type for a whole number below zero
  std::uint64_t natural = 0;  // JsonKind::natural: for a whole number from zero
};

}  // namespace aa
