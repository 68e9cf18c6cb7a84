// SPDX-License-Identifier: MIT
// The content shipped inside the binary, generated at build time from
// content/*.toml by aa-contentgen.
#pragma once

#include "aa/content/model.hpp"

namespace aa {

const Content& builtin_content();

}  // namespace aa
