// SPDX-License-Identifier: MIT
// The output formats content is rendered in. Each command offers those that
// apply to it; the command-line layer parses the option into this once.
#pragma once

namespace aa {

enum class Format {
  text,      // for people: wrapped, aligned, coloured on a terminal; plain lines in a pipe
  markdown,  // a document, with content's own markup escaped
  json,      // one document, stable keys
  fortune,   // tips only: a fortune(6) file, '%' between tips
};

}  // namespace aa
