// SPDX-License-Identifier: MIT
// Build-time tool: validates content/*.toml and writes them out as C++
// constant data. A broken content file fails the build with file:line:column.
//   aa-contentgen CONTENT_DIR OUTPUT.cpp
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/core.h>

#include "aa/content/codegen.hpp"
#include "aa/content/load.hpp"
#include "aa/io/error.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    fmt::print(stderr, "usage: aa-contentgen CONTENT_DIR OUTPUT.cpp\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  const std::filesystem::path output = argv[2];
  try {
    aa::Content content;
    // In the order of content_kinds(): the others refer to sections, prompts to the checklist.
    for (aa::ContentKind kind : aa::content_kinds()) {
      aa::load_content_file(content, kind, dir / aa::content_file_name(kind));
    }
    // Write beside the target and rename, so a failed run leaves no half file.
    const std::filesystem::path partial = output.string() + ".partial";
    {
      std::ofstream out(partial, std::ios::binary | std::ios::trunc);
      out << aa::generate_content_source(content);
      if (!out.flush()) throw aa::Error(aa::Problem::io, "cannot write " + partial.string());
    }
    std::filesystem::rename(partial, output);
  } catch (const std::exception& error) {
    // A build step: any failure stops the build, which is all that matters.
    fmt::print(stderr, "aa-contentgen: error: {}\n", error.what());
    return 1;
  }
  return 0;
}
