// SPDX-License-Identifier: MIT
// A person's own tips beside ours: every *.toml in a folder of their data
// ($XDG_DATA_HOME/aa/tips) adds its tips to the others, as fortune users do
// with their own fortune files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "aa/content/load.hpp"
#include "aa/content/model.hpp"

namespace aa {

// The personal tips folder under the user's data folder: DATA_DIR/aa/tips.
// A string, not a path: aa-tip --daily looks for it at every login.
std::string personal_tips_dir_in(std::string data_dir);

// The files of a personal tips folder that are read, in the order they are
// read: every name that ends in ".toml" and does not start with '.', in
// byte order of the names. `folder` is the folder, open.
std::vector<std::string> personal_tip_file_names(int folder, const std::filesystem::path& shown_as);

// Adds the tips of every file of the personal tips folder `dir` to
// content.tips, after those already there. Nothing when `dir` does not
// exist: the common case costs one failed open(). Each file is read as a
// tips.toml (aa-content(5)), its sections looked up in content.sections. An
// id taken already (by a tip of `content` or of an earlier file) is a
// problem that names both places. Throws Error(Problem::data) for the first
// problem, or adds every one to `problems` when given (aa-content check);
// Error(Problem::io) when the folder or a file in it cannot be read, is not
// a regular file, or is larger than content_file_limit.
void add_personal_tips(Content& content, const std::string& dir, ContentProblems* problems = nullptr);

// For the commands that show a tip: add_personal_tips(), but a file with a
// problem, or that cannot be read, is left out whole, and so is the folder
// when it cannot be read, so that one broken file never costs the tip of the
// day. Returns why each was left out, one message each, naming the file
// (FILE:LINE:COLUMN for bad content) and its first problem.
std::vector<std::string> add_usable_personal_tips(Content& content, const std::string& dir);

}  // namespace aa
