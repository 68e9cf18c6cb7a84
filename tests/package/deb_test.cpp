// SPDX-License-Identifier: MIT
// `cpack -G DEB` of this build tree: the package's files (and nothing
// else), its control fields, and the commands inside it working.
// Needs dpkg-deb, dpkg-shlibdeps and file (packages dpkg and dpkg-dev,
// file); labelled "package", so `ctest -LE package` leaves it out.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "command_info.hpp"
#include "process.hpp"

using aa::test::command;
using aa::test::command_names;
using aa::test::find_program;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::split_lines;
using aa::test::TempDir;

namespace {

namespace fs = std::filesystem;

std::string dpkg_deb() {
  const std::string program = find_program("dpkg-deb");
  REQUIRE_MESSAGE(!program.empty(), "dpkg-deb is not installed (run ctest -LE package to leave this test out)");
  return program;
}

// Builds the package once for the whole file, in a directory of its own.
const std::string& package_file() {
  static const TempDir out;
  static const std::string deb = [] {
    const auto result = run(
        {AA_CPACK_COMMAND, "--config", std::string(AA_BUILD_DIR) + "/CPackConfig.cmake", "-G", "DEB", "-B", out.path()},
        RunOptions{.timeout_seconds = 300});
    INFO(result.out << result.err);
    REQUIRE(result.status == 0);
    std::string found;
    for (const auto& entry : fs::directory_iterator(out.path())) {
      if (entry.path().extension() == ".deb") {
        REQUIRE_MESSAGE(found.empty(), "more than one package: " << found << ", " << entry.path());
        found = entry.path().string();
      }
    }
    REQUIRE_MESSAGE(!found.empty(), "cpack made no .deb");
    return found;
  }();
  return deb;
}

std::string field(const std::string& name) {
  const auto result = run({dpkg_deb(), "--field", package_file(), name});
  REQUIRE(result.status == 0);
  std::string value = result.out;
  while (!value.empty() && value.back() == '\n') value.pop_back();
  return value;
}

// The paragraphs of a Debian control-style file (deb822), as the
// copyright format has them: fields "Name: value", continued on lines that
// start with a space, where " ." is an empty line; paragraphs apart by
// empty lines. A field's value keeps its lines, joined by '\n', the first
// being what follows the colon. Fails the test on a line that is none of
// these, or a field given twice.
std::vector<std::map<std::string, std::string>> copyright_paragraphs(const std::string& text) {
  std::vector<std::map<std::string, std::string>> paragraphs;
  std::string field;
  bool open = false;
  for (const std::string& line : split_lines(text)) {
    CAPTURE(line);
    if (line.empty()) {
      open = false;
      continue;
    }
    if (line[0] == ' ' || line[0] == '\t') {
      const bool in_field = open && !field.empty();
      REQUIRE_MESSAGE(in_field, "a continuation line outside a field");
      const std::string rest = line.substr(1);
      paragraphs.back()[field] += "\n" + (rest == "." ? std::string() : rest);
      continue;
    }
    const std::size_t colon = line.find(':');
    const bool is_field = colon != std::string::npos && colon > 0;
    REQUIRE_MESSAGE(is_field, "a line that is not a field");
    if (!open) paragraphs.emplace_back();
    open = true;
    field = line.substr(0, colon);
    CHECK(field.find_first_of(" \t") == std::string::npos);
    REQUIRE_MESSAGE(!paragraphs.back().count(field), "a field given twice: " << field);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    paragraphs.back()[field] = value;
  }
  return paragraphs;
}

std::string version() { return split_lines(run({command("aa-tip"), "--version"}).out).at(0).substr(7); }

}  // namespace

// One test case, so that cpack runs once: each test case is a process of its own.
TEST_SUITE("package") {
  TEST_CASE("cpack -G DEB makes a package of the commands") {
    SUBCASE("the .deb holds the commands with their man pages and completions and nothing else") {
      const auto listing = run({dpkg_deb(), "--contents", package_file()});
      REQUIRE(listing.status == 0);
      std::set<std::string> files;
      for (const std::string& line : split_lines(listing.out)) {
        if (line.empty() || line[0] == 'd') continue;  // directories
        std::string path = line.substr(line.rfind(' ') + 1);
        if (path.rfind("./", 0) == 0) path.erase(0, 1);
        files.insert(path);
      }
      std::set<std::string> expected = {"/usr/share/man/man5/aa-content.5.gz", "/usr/share/man/man7/aa.7.gz",
                                        "/usr/share/doc/aa/copyright"};
      std::vector<std::string> programs = command_names();
      programs.push_back("aa");
      for (const std::string& name : programs) {
        expected.insert("/usr/bin/" + name);
        expected.insert("/usr/share/man/man1/" + name + ".1.gz");
        expected.insert("/usr/share/bash-completion/completions/" + name);
        // Where Debian's zsh looks for packaged completions.
        expected.insert("/usr/share/zsh/vendor-completions/_" + name);
        expected.insert("/usr/share/fish/vendor_completions.d/" + name + ".fish");
      }
      CHECK(files == expected);
    }

    SUBCASE("/usr/share/doc/aa/copyright is in Debian's machine-readable format, with both licences") {
      const TempDir root;
      REQUIRE(run({dpkg_deb(), "--extract", package_file(), root.path()}).status == 0);
      const std::string path = root.path() + "/usr/share/doc/aa/copyright";
      REQUIRE(fs::is_regular_file(path));
      const auto paragraphs = copyright_paragraphs(aa::test::read_text_file(path));
      REQUIRE(paragraphs.size() >= 5);
      // The header paragraph.
      CHECK(paragraphs[0].count("Format"));
      CHECK(paragraphs[0].at("Format") == "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/");
      CHECK(paragraphs[0].at("Upstream-Name") == "aa");
      // Files paragraphs, each with its copyright and licence; the code is
      // MIT, the content and the pages' prose CC BY 4.0.
      std::map<std::string, std::string> licence_of_files;
      std::map<std::string, std::string> licence_texts;
      for (std::size_t i = 1; i < paragraphs.size(); ++i) {
        const auto& paragraph = paragraphs[i];
        REQUIRE(paragraph.count("License"));
        const std::string licence = paragraph.at("License");
        const std::string short_name = licence.substr(0, licence.find('\n'));
        if (paragraph.count("Files")) {
          CHECK(paragraph.count("Copyright"));
          CHECK(paragraph.at("Copyright").find("The aa authors") != std::string::npos);
          licence_of_files[paragraph.at("Files")] = short_name;
        } else {
          // A stand-alone licence paragraph: its name, then its text.
          CHECK(paragraph.size() == 1);
          CHECK(licence.find('\n') != std::string::npos);
          licence_texts[short_name] = licence.substr(licence.find('\n') + 1);
        }
      }
      CHECK(licence_of_files == std::map<std::string, std::string>{{"*", "MIT"}, {"content/* man/*", "CC-BY-4.0"}});
      REQUIRE(licence_texts.count("MIT"));
      REQUIRE(licence_texts.count("CC-BY-4.0"));
      CHECK(licence_texts["MIT"].find("Permission is hereby granted, free of charge") != std::string::npos);
      CHECK(licence_texts["MIT"].find("THE SOFTWARE IS PROVIDED \"AS IS\"") != std::string::npos);
      CHECK(licence_texts["CC-BY-4.0"].find("https://creativecommons.org/licenses/by/4.0/") != std::string::npos);
      // The same words as the LICENSE files of the source tree.
      const std::string mit = aa::test::read_text_file(aa::test::source_dir() + "/LICENSE");
      CHECK(mit.find("Permission is hereby granted, free of charge") != std::string::npos);
      CHECK(aa::test::read_text_file(aa::test::source_dir() + "/content/LICENSE").find("CC BY 4.0") !=
            std::string::npos);
    }

    SUBCASE("the control fields describe the package") {
      CHECK(field("Package") == "aa");
      CHECK(field("Version") == version());
      CHECK(field("Section") == "utils");
      CHECK(field("Priority") == "optional");
      // Name <address>
      const std::string maintainer = field("Maintainer");
      const std::size_t open = maintainer.find(" <");
      CHECK(open != std::string::npos);
      CHECK(open > 0);
      CHECK(maintainer.back() == '>');
      CHECK(maintainer.find('@', open) != std::string::npos);
      const auto description = split_lines(field("Description"));
      REQUIRE(description.size() > 3);
      CHECK(description[0] == "self-help on anxious attachment, from the shell");
      for (std::size_t i = 1; i < description.size(); ++i) {
        CAPTURE(description[i]);
        CHECK(description[i].rfind(" ", 0) == 0);   // continuation lines, as dpkg wants them
        CHECK(description[i].rfind("  ", 0) != 0);  // and not shown verbatim
      }
      CHECK(field("Description").find("not a diagnosis") != std::string::npos);
      // It names every command there is.
      for (const std::string& name : aa::test::command_names()) {
        CAPTURE(name);
        CHECK(field("Description").find(name + " ") != std::string::npos);
      }
    }

    SUBCASE("Depends is what the commands really link against") {
      // dpkg-shlibdeps reads the binaries: a static build needs no library
      // package, a dynamic one at least the C library.
      const std::string file = find_program("file");
      REQUIRE_MESSAGE(!file.empty(), "file is not installed");
      const auto type = run({file, "-L", command("aa-tip")});
      REQUIRE(type.status == 0);
      const std::string depends = field("Depends");
      if (type.out.find("statically linked") != std::string::npos ||
          type.out.find("static-pie linked") != std::string::npos) {
        CHECK(depends == "");
      } else {
        CHECK(depends.find("libc6") != std::string::npos);
      }
    }

    SUBCASE("the commands in the .deb run from where they are unpacked") {
      const TempDir root, home;
      const auto unpacked = run({dpkg_deb(), "--extract", package_file(), root.path()});
      REQUIRE(unpacked.status == 0);
      std::vector<std::string> programs = command_names();
      programs.push_back("aa");
      for (const std::string& name : programs) {
        CAPTURE(name);
        const RunOptions options{.env = {{"HOME", home.path()}}, .cwd = "/"};
        const auto result = run({root.path() + "/usr/bin/" + name, "--version"}, options);
        CHECK(result.status == 0);
        CHECK(result.out == name + " " + version() + "\n");
      }
      const auto tip = run({root.path() + "/usr/bin/aa-tip", "--daily"}, RunOptions{.cwd = "/"});
      CHECK(tip.status == 0);
      CHECK(aa::test::count_lines(tip.out) == 1);
      // aa finds the commands beside it, wherever the package was unpacked.
      const auto through_aa =
          run({root.path() + "/usr/bin/aa", "tip", "--daily"}, RunOptions{.env = {{"PATH", "/nowhere"}}, .cwd = "/"});
      CHECK(through_aa.status == 0);
      CHECK(through_aa.out == tip.out);
    }
  }
}
