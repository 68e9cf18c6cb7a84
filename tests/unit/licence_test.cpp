// SPDX-License-Identifier: MIT
// Every source file says its licence in its first lines, as SPDX does: the
// code is MIT, the content and the man pages' prose CC BY 4.0 (LICENSE and
// content/LICENSE).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "files.hpp"
#include "process.hpp"

namespace {

// The licence a file under `folder` carries, by what it is; empty for files
// that are not sources (licences, templates, test fixtures).
std::string licence_of(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  const std::string extension = file.extension().string();
  const std::string parent = file.parent_path().filename().string();
  if (parent == "man" && extension.size() == 2) return "CC-BY-4.0";
  if (parent == "content" && extension == ".toml") return "CC-BY-4.0";
  if (extension == ".cpp" || extension == ".hpp" || extension == ".cmake" || extension == ".sh" ||
      extension == ".zsh" || name == "CMakeLists.txt" || name == "run") {
    return "MIT";
  }
  return "";
}

}  // namespace

TEST_CASE("every source file starts with its SPDX licence line") {
  const std::filesystem::path root = aa::test::source_dir();
  std::size_t checked = 0;
  for (const char* folder : {"lib", "commands", "tests", "fuzz", "bench", "cmake", "man", "content", ".ci"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / folder)) {
      if (!entry.is_regular_file()) continue;
      const std::string licence = licence_of(entry.path());
      if (licence.empty()) continue;
      CAPTURE(entry.path().string());
      const std::string text = aa::test::slurp(entry.path().string());
      // After a #! line, if there is one.
      std::string head = text.substr(0, text.find('\n', text.rfind("#!", 0) == 0 ? text.find('\n') + 1 : 0));
      CHECK(head.find("SPDX-License-Identifier: " + licence) != std::string::npos);
      ++checked;
    }
  }
  for (const char* file : {"CMakeLists.txt", "dev.sh"}) {
    CAPTURE(file);
    CHECK(aa::test::slurp((root / file).string()).find("SPDX-License-Identifier: MIT") < 40);
  }
  CHECK(checked > 150);
  CHECK(aa::test::slurp((root / "LICENSE").string()).rfind("MIT License", 0) == 0);
  CHECK(aa::test::slurp((root / "content/LICENSE").string()).find("CC BY 4.0") != std::string::npos);
}
