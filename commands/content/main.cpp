// SPDX-License-Identifier: MIT
// aa-content: the content as files of one's own (dump), and a check of
// such files that lists every problem at once (check).
#include <filesystem>

#include <fmt/core.h>
#include <sys/stat.h>

#include "aa/cli/cli_options.hpp"
#include "aa/cli/environment.hpp"
#include "aa/cli/output.hpp"
#include "aa/content/builtin.hpp"
#include "aa/content/check.hpp"
#include "aa/content/dump.hpp"
#include "aa/content/load.hpp"
#include "aa/content/text.hpp"

namespace {

constexpr const char* program = "aa-content";

struct ContentOptions {
  aa::cli::CommonOptions common;
  std::string dir;
  bool force = false;
  bool tips = false;
  bool quiet = false;
};

void setup(CLI::App& app, ContentOptions& o, CLI::App*& dump, CLI::App*& check) {
  aa::cli::describe(app, program);
  app.require_subcommand(1, 1);
  dump = app.add_subcommand("dump", "Write the content as files to edit, for --content-dir");
  aa::cli::add_help_flag(*dump);
  dump->add_option("DIR", o.dir, "The folder to write into; made when missing")
      ->type_name("")
      ->required()
      ->check(aa::cli::not_empty())
      ->check(aa::cli::completes_directory());
  dump->add_flag("-f,--force", o.force, "Replace content files that DIR holds already");
  aa::cli::add_content_option(*dump, o.common);
  dump->footer("Writes sections.toml, faq.toml, checklist.toml, tips.toml and prompts.toml. See\naa-content(1).");

  check = app.add_subcommand("check", "List every problem in a folder of content or of personal tips");
  aa::cli::add_help_flag(*check);
  check->add_option("DIR", o.dir, "The folder to check")
      ->type_name("")
      ->required()
      ->check(aa::cli::not_empty())
      ->check(aa::cli::completes_directory());
  check->add_flag("-t,--tips", o.tips, "DIR holds personal tips: every *.toml in it is a tips file");
  check->add_flag("-q,--quiet", o.quiet, "Print nothing when there is no problem");
  aa::cli::add_content_option(*check, o.common);
  check->footer(
      "Exit status: 0 no problem, 1 no content file in DIR, 65 problems (each on stderr as\nFILE:LINE:COLUMN: "
      "what).");
}

int run_dump(const ContentOptions& o) {
  const aa::Content content = aa::cli::load_content(o.common);
  const aa::FileDescriptor folder = aa::open_dump_folder(o.dir);
  if (!o.force) {
    // Refused before anything is written, so that a refusal changes nothing.
    const auto present = aa::content_files_present(folder.get());
    if (!present.empty()) {
      throw aa::Error(aa::Problem::io,
                      fmt::format("{} exists already{}; nothing was written (--force replaces them)",
                                  (std::filesystem::path(o.dir) / present.front()).string(),
                                  present.size() > 1 ? fmt::format(", and {} more", present.size() - 1) : ""));
    }
  }
  aa::write_content_files(content, folder.get(), o.dir, o.force);
  return 0;
}

// Whether `dir` is the personal tips folder: checked as one, however named.
bool is_personal_tips_dir(const std::string& dir) {
  const auto personal = aa::cli::personal_tips_dir();
  struct stat a {
  }, b{};
  return personal && ::stat(dir.c_str(), &a) == 0 && ::stat(personal->c_str(), &b) == 0 && a.st_dev == b.st_dev &&
         a.st_ino == b.st_ino;
}

int run_check(const ContentOptions& o) {
  const bool tips = o.tips || is_personal_tips_dir(o.dir) || aa::looks_like_personal_tips_dir(o.dir);
  const aa::ContentCheck check = tips ? aa::check_personal_tips_dir(aa::cli::load_content(o.common), o.dir)
                                      : aa::check_content_dir(aa::builtin_content(), o.dir);
  for (const std::string& name : check.ignored) {
    aa::cli::report_warning(program, fmt::format("{}: not a content file, so no command reads it (--tips checks a "
                                                 "folder of personal tips)",
                                                 aa::printable((std::filesystem::path(o.dir) / name).string(), 200)));
  }
  for (const aa::ContentProblem& problem : check.problems) aa::cli::report_error(program, aa::located(problem));
  // Nothing to check is not a pass: a mistyped folder or file name would
  // otherwise read as "ok". Nothing was found, as grep says with 1.
  if (check.files.empty()) {
    aa::cli::report_error(program, fmt::format("no {} found in {}", tips ? "tips files (*.toml)" : "content files",
                                               aa::printable(o.dir, 200)));
    return aa::cli::exit_status(aa::Problem::not_found);
  }
  const std::string files = fmt::format("{} {}{}", check.files.size(), tips ? "tips file" : "content file",
                                        check.files.size() == 1 ? "" : "s");
  if (!check.problems.empty()) {
    aa::cli::report_line(fmt::format("{}: {} {} in {}\n", program, check.problems.size(),
                                     check.problems.size() == 1 ? "problem" : "problems", files));
    return aa::cli::exit_status(aa::Problem::data);
  }
  if (!o.quiet) {
    const std::string what = tips ? fmt::format(", {} tips in all", check.content.tips.size()) : "";
    aa::write_all(STDOUT_FILENO, fmt::format("{}: ok, {}{}\n", aa::printable(o.dir, 200), files, what));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Write the content of aa as files of your own, and check such files."};
  ContentOptions options;
  CLI::App* dump = nullptr;
  CLI::App* check = nullptr;
  setup(app, options, dump, check);
  std::exit(
      aa::cli::run(program, app, argc, argv, [&] { return dump->parsed() ? run_dump(options) : run_check(options); }));
}
