// What every command shares, apart from option parsing (cli_options.hpp):
// the common options' values, the output settings they add up to, the
// content to use, and error messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "aa/model.hpp"
#include "aa/terminal.hpp"

namespace aa::cli {

struct CommonOptions {
  std::string color = "auto";
  std::size_t width = 0;  // 0: not asked for
  bool no_pager = false;
  std::string format = "text";
  bool json = false;
  std::string content_dir;
};

// `aa-NAME X.Y.Z`.
std::string version_line(std::string_view program);

// Prints "PROGRAM: error: message" on stderr, as one line.
void report_error(std::string_view program, std::string message);

// The output settings the options and the terminal add up to.
struct Output {
  Terminal terminal;
  bool color = false;
  std::size_t width = 0;  // 0: do not wrap
  bool allow_pager = false;
  std::string format;
};
Output resolve_output(const CommonOptions& options);

// The built-in content, with the files of --content-dir put in place.
Content load_content(const CommonOptions& options);

}  // namespace aa::cli
