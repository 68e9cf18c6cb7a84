// SPDX-License-Identifier: MIT
// The content model written back as the TOML files it is read from
// (aa-content(5)), after a header the caller gives: what `aa-content dump`
// writes. Loading what this writes gives the same
// content, record for record and byte for byte.
#pragma once

#include <string>
#include <string_view>

#include "aa/content/load.hpp"
#include "aa/content/model.hpp"

namespace aa {

// The content file of `kind` that holds what `content` has of that kind,
// after `header` (comments that tell a person how to edit it).
std::string content_file_text(const Content& content, ContentKind kind, std::string_view header = {});

// `text` as a TOML basic string, quotes included: '"' and '\' escaped, and
// every control character (C0 and DEL) as an escape, so that it stays on
// one line whatever it holds. Other characters are written as they are
// (UTF-8), typographic quotes and all.
std::string toml_string(std::string_view text);

}  // namespace aa
