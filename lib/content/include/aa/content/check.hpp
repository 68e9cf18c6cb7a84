// SPDX-License-Identifier: MIT
// Checking a folder of content (aa-content check): every problem at once,
// where loading for a command stops at the first.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "aa/content/load.hpp"
#include "aa/content/model.hpp"

namespace aa {

struct ContentCheck {
  ContentProblems problems;          // in the order of the files, and of each file
  std::vector<std::string> files;    // the names of the files read, in order
  std::vector<std::string> ignored;  // other *.toml files, which no command reads
  Content content;                   // what the folder adds up to, problems and all
};

// Checks the content folder `dir` as --content-dir reads it over `base`:
// each content file there, the references between them, and those of the
// files of `base` that `dir` does not replace. Throws as
// overlay_content_dir() for a folder that is missing or cannot be read.
ContentCheck check_content_dir(const Content& base, const std::filesystem::path& dir);

// Checks the personal tips folder `dir` as add_personal_tips() reads it
// over `base`. Throws Error(Problem::usage) when it does not exist.
ContentCheck check_personal_tips_dir(const Content& base, const std::string& dir);

// Whether `dir` holds none of the content files, but a *.toml of another
// name: a folder of personal tips rather than of content.
bool looks_like_personal_tips_dir(const std::filesystem::path& dir);

}  // namespace aa
