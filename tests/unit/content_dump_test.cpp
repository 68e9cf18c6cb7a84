// SPDX-License-Identifier: MIT
#include "aa/content/dump.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include "aa/content/builtin.hpp"
#include "aa/io/error.hpp"
#include "files.hpp"
#include "process.hpp"

namespace {

std::set<std::string> names_in(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.insert(entry.path().filename());
  return names;
}

std::string header(aa::ContentKind) { return "# a header\n"; }

}  // namespace

TEST_CASE("write_content_files is all or nothing") {
  aa::test::TempDir dir;
  const aa::FileDescriptor folder = aa::open_dump_folder(dir.path());
  // The fifth file cannot be written: a folder holds its hidden name.
  std::filesystem::create_directories(dir.path() + "/.prompts.toml.aa-dump/x");
  CHECK_THROWS_AS(aa::write_content_files(aa::builtin_content(), folder.get(), dir.path(), false, header), aa::Error);
  CHECK(names_in(dir.path()) == std::set<std::string>{".prompts.toml.aa-dump"});
  std::filesystem::remove_all(dir.path() + "/.prompts.toml.aa-dump");

  // Without replace, a file there already stays, and so do the others.
  dir.write("faq.toml", "# mine\n");
  CHECK_THROWS_AS(aa::write_content_files(aa::builtin_content(), folder.get(), dir.path(), false, header), aa::Error);
  CHECK(names_in(dir.path()) == std::set<std::string>{"faq.toml"});

  const auto written = aa::write_content_files(aa::builtin_content(), folder.get(), dir.path(), true, header);
  CHECK(written.size() == 6);
  CHECK(names_in(dir.path()) == std::set<std::string>{"checklist.toml", "exercises.toml", "faq.toml", "prompts.toml",
                                                      "sections.toml", "tips.toml"});
  CHECK(aa::test::slurp(dir.path() + "/faq.toml").starts_with("# a header\n\n[[question]]\n"));
}
