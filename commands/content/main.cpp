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
  const std::vector<aa::cli::Example> dump_examples = {
      {"Write the content to a folder of your own", "aa-content dump ~/my-aa"},
      {"Read the guide with your edits in place", "aa-read --content-dir ~/my-aa"},
  };
  const std::vector<aa::cli::Example> check_examples = {
      {"Check your edited files before you use them", "aa-content check ~/my-aa"},
      {"Check your personal tips", "aa-content check ~/.local/share/aa/tips"},
  };
  std::vector<aa::cli::Example> examples = dump_examples;
  examples.insert(examples.end(), check_examples.begin(), check_examples.end());
  aa::cli::describe(app, program, examples);
  app.require_subcommand(1, 1);
  dump = app.add_subcommand("dump", "Write the content as files to edit, for --content-dir");
  aa::cli::add_help_flag(*dump);
  aa::cli::set_examples(*dump, dump_examples);
  dump->add_option("DIR", o.dir, "The folder to write into; made when missing")
      ->type_name("")
      ->required()
      ->check(aa::cli::not_empty())
      ->check(aa::cli::completes_directory());
  dump->add_flag("-f,--force", o.force, "Replace content files that DIR holds already");
  aa::cli::add_content_option(*dump, o.common);
  dump->footer(
      "Writes sections.toml, faq.toml, checklist.toml, tips.toml, prompts.toml and exercises.toml. See "
      "aa-content(1).");

  check = app.add_subcommand("check", "List every problem in a folder of content or of personal tips");
  aa::cli::add_help_flag(*check);
  aa::cli::set_examples(*check, check_examples);
  check->add_option("DIR", o.dir, "The folder to check")
      ->type_name("")
      ->required()
      ->check(aa::cli::not_empty())
      ->check(aa::cli::completes_directory());
  check->add_flag("-t,--tips", o.tips, "DIR holds personal tips: every *.toml in it is a tips file");
  check->add_flag("-q,--quiet", o.quiet, "Print nothing when there is no problem");
  aa::cli::add_content_option(*check, o.common);
  check->footer(
      "Exit status: 0 no problem, 1 no content file in DIR, 65 problems (each on stderr as FILE:LINE:COLUMN: "
      "what).");
}

// What every header of a file that dump writes ends with: the rules for all
// values, and where to read more.
constexpr std::string_view common_rules =
    "#\n"
    "# Every text is a string on one line, in double quotes: not empty, with no\n"
    "# control characters (tabs and line breaks included) and no spaces at either\n"
    "# end. Typographic quotes and dashes are welcome. Write \\\" for a double\n"
    "# quote and \\\\ for a backslash. An id (slug, id, category) is lower-case\n"
    "# letters and digits in words joined by single hyphens, such as\n"
    "# \"busy-not-leaving\"; within a file no two records share one. A section\n"
    "# (in tips, checklist items, prompts and exercises) or see (in questions)\n"
    "# names a section by its slug, which must exist in sections.toml; a sign\n"
    "# (in prompts) names a checklist item by its id, which must exist in\n"
    "# checklist.toml.\n"
    "#\n"
    "# Use a folder of these files with --content-dir FOLDER (or\n"
    "# AA_CONTENT_DIR=FOLDER): each file there replaces its built-in twin; delete\n"
    "# the ones you do not change. `aa-content check FOLDER` lists every problem\n"
    "# in them at once. The full format: man 5 aa-content.\n";

// What each file holds, and its keys: the start of its header.
std::string_view file_header(aa::ContentKind kind) {
  switch (kind) {
    case aa::ContentKind::sections:
      return "# sections.toml: the guide that aa-read shows, one [[section]] table a\n"
             "# section, in reading order (a section's number is its place here).\n"
             "#\n"
             "# Keys, all required:\n"
             "#   slug        the section's id, as in `aa-read SLUG`\n"
             "#   title       its title\n"
             "#   paragraphs  its text, one string a paragraph; a paragraph that starts\n"
             "#               with \"- \" or \"1. \" is an item of a list\n";
    case aa::ContentKind::faq:
      return "# faq.toml: the questions that aa-faq answers, one [[question]] table a\n"
             "# question, numbered from 1 in the order of this file.\n"
             "#\n"
             "# Keys:\n"
             "#   id        required: the question's id\n"
             "#   question  required: the question\n"
             "#   answer    required: the answer, as one paragraph\n"
             "#   see       optional: slugs of sections that say more, as\n"
             "#             [\"support\", \"summary\"]; leave it out rather than empty\n";
    case aa::ContentKind::checklist:
      return "# checklist.toml: the statements of aa-check, one [[item]] table a\n"
             "# statement, asked in the order of this file and rated from 0 (never) to\n"
             "# 4 (almost always).\n"
             "#\n"
             "# Keys, all required:\n"
             "#   id         the statement's id, kept in the history\n"
             "#   sign       the sign it is about\n"
             "#   statement  the statement, in the first person\n"
             "#   about      a few sentences about the sign, shown for '?'\n"
             "#   help       one or more [[item.help]] tables after the item, each with\n"
             "#              section (a slug: where to read) and point (what helps)\n";
    case aa::ContentKind::tips:
      return "# tips.toml: the tips of aa-tip, one [[tip]] table a tip. The order of\n"
             "# this file is the order of aa-tip --list; the tip of the day has an\n"
             "# order of its own, which changes when a tip is added or removed.\n"
             "#\n"
             "# Keys, all required:\n"
             "#   id        the tip's id, as in `aa-tip --id ID`\n"
             "#   category  its category, as in `aa-tip --category NAME`; any id will do\n"
             "#   section   the slug of the section to read more in\n"
             "#   text      the tip, best one line of 80 columns or less; not only \"%\"\n"
             "#\n"
             "# A file like this one in ~/.local/share/aa/tips/ (any name ending in\n"
             "# .toml) adds its tips to these rather than replacing them.\n";
    case aa::ContentKind::prompts:
      return "# prompts.toml: the reflection prompts of aa-journal, one [[prompt]] table\n"
             "# a prompt. The prompt of the day has an order of its own, which changes\n"
             "# when a prompt is added or removed.\n"
             "#\n"
             "# Keys:\n"
             "#   id        required: the prompt's id, as in `aa-journal --prompt-id ID`;\n"
             "#             journal entries keep it, so keep it once you have used it\n"
             "#   section   required: the slug of the section the prompt practises\n"
             "#   sign      optional: the id of the checklist item it is about\n"
             "#   text      required: the prompt, best a short, open question\n";
    case aa::ContentKind::exercises:
      return "# exercises.toml: the guided exercises of aa-practice, one [[exercise]]\n"
             "# table an exercise, each followed by its [[exercise.step]] tables in the\n"
             "# order they are taken. Saved practice keeps the exercise's id and its\n"
             "# steps' ids: keep them once you have used them.\n"
             "#\n"
             "# Keys of an exercise:\n"
             "#   id        required: as in `aa-practice ID`\n"
             "#   section   required: the slug of the section it practises\n"
             "#   title     required: its title\n"
             "#   about     required: what it is for, shown before the steps\n"
             "#   sentence  optional: words with {step-id} places, filled in from the\n"
             "#             answers of text (not optional) or choice steps\n"
             "#   closing   optional: shown once the steps are done\n"
             "#\n"
             "# Keys of a step: id, kind and prompt (required), help (optional, shown\n"
             "# for '?'), and by kind:\n"
             "#   text      optional = true when it may be left empty\n"
             "#   scale     min and max (whole numbers, -1000 to 1000), low and high\n"
             "#             (what the ends mean)\n"
             "#   choice    options: 2 to 20 different texts\n"
             "#   paced     lines: shown one at a time; pause: seconds between them\n"
             "#             on a terminal (1 to 60, optional)\n";
  }
  return "";
}

std::string dump_header(aa::ContentKind kind) { return fmt::format("{}{}", file_header(kind), common_rules); }

// What dump wrote and where, for stderr: the folder in full, since the
// name given may be relative, and how to use it.
std::string dump_notice(const std::vector<std::filesystem::path>& written, const std::string& dir) {
  std::error_code ignored;
  std::filesystem::path where = std::filesystem::weakly_canonical(std::filesystem::absolute(dir, ignored), ignored);
  if (where.empty()) where = dir;
  std::string names;
  for (const std::filesystem::path& file : written) names += (names.empty() ? "" : ", ") + file.filename().string();
  const std::string shown = aa::terminal_safe(where.string());
  return fmt::format(
      "Wrote {} content file{} in {}: {}.\nEdit them, then use them with --content-dir {}; delete the ones you do not "
      "change.\n",
      written.size(), written.size() == 1 ? "" : "s", shown, names, shown);
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
  const auto written = aa::write_content_files(content, folder.get(), o.dir, o.force, dump_header);
  aa::cli::report_line(dump_notice(written, o.dir));
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
