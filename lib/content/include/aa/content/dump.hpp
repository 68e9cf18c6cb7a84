// SPDX-License-Identifier: MIT
// Writing the content out as a folder of content files (aa-content dump):
// the start of a person's own content, which --content-dir then reads.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "aa/content/load.hpp"
#include "aa/content/model.hpp"
#include "aa/io/io.hpp"

namespace aa {

// The folder `dir`, open, created first (with its parents, mode 0777 less
// the umask, as mkdir -p does) when it does not exist. A symbolic link to a
// folder is followed, as every command follows one. Throws
// Error(Problem::usage) when `dir` is not a folder, Error(Problem::io) when
// it cannot be made or opened.
FileDescriptor open_dump_folder(const std::filesystem::path& dir);

// The names of the content files that `folder` holds already, in any form
// (a file, a symbolic link, a folder...), in the order of content_kinds().
std::vector<std::string> content_files_present(int folder);

// Writes every content file of `content` into `folder` (named `dir` in
// messages), all or none: each is first written whole under a hidden name
// (".tips.toml.aa-dump"), and all are renamed into place once every one is
// written; on a failure the hidden files are removed. With `replace`, over
// those there already (a folder in the way is refused before anything is
// written), else an existing one is an error. Each file starts with
// header(kind). Returns the paths written.
std::vector<std::filesystem::path> write_content_files(const Content& content, int folder,
                                                       const std::filesystem::path& dir, bool replace,
                                                       std::string (*header)(ContentKind));

}  // namespace aa
