// SPDX-License-Identifier: MIT
// --help, laid out by help_format.hpp from the options CLI11 holds. Inline,
// like cli_options.hpp, which includes it: CLI11 stays out of lib/'s
// compiled files.
//
//   Usage: aa-tip [OPTIONS]
//   <the description>
//
//   Options:            the command's own
//   Output options:     how the result is shown (the same in every command)
//   General options:    help, version, completions, where content comes from
//
// An option shows only its value's placeholder beside its names: what it
// rules out is said in words in its description where it matters, and the
// environment variable once, in --content-dir's description.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "aa/cli/help_format.hpp"
#include "aa/cli/terminal.hpp"

namespace aa::cli {

// The groups of the shared options, in the order --help shows them after
// the command's own ("Options", CLI11's default).
inline constexpr const char* command_options_group = "Options";
inline constexpr const char* output_options_group = "Output options";
inline constexpr const char* general_options_group = "General options";

// "-d", "--daily": an option's names as a person types them.
inline std::vector<std::string> typed_names(const CLI::Option& option) {
  std::vector<std::string> names;
  for (const std::string& name : option.get_snames()) names.push_back("-" + name);
  for (const std::string& name : option.get_lnames()) names.push_back("--" + name);
  return names;
}

// Laid out within the terminal's width (80 in a pipe), measured when the
// help is asked for; the examples, if any, before the footer.
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter() = default;
  explicit HelpFormatter(std::vector<Example> examples) : examples_(std::move(examples)) {}

  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode) const override {
    width_ = help_width(probe_terminal());
    std::string out = make_usage(app, name);
    out += help_paragraphs(app->get_description(), width_);
    const auto arguments = app->get_options(
        [](const CLI::Option* option) { return option->get_positional() && !option->get_group().empty(); });
    if (!arguments.empty()) out += make_group("Arguments", true, arguments);
    // A command with subcommands (aa-content dump, check) lists them first:
    // they are what a person chooses between.
    const auto subcommands = app->get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
    if (!subcommands.empty()) {
      out += "\nCommands:\n";
      for (const CLI::App* sub : subcommands) out += help_entry(sub->get_name(), sub->get_description(), width_);
    }
    std::vector<std::string> groups = {command_options_group, output_options_group};
    for (const std::string& group : app->get_groups()) {
      if (!group.empty() && group != command_options_group && group != output_options_group &&
          group != general_options_group) {
        groups.push_back(group);
      }
    }
    groups.push_back(general_options_group);
    for (const std::string& group : groups) {
      const auto options = app->get_options(
          [&group](const CLI::Option* option) { return option->nonpositional() && option->get_group() == group; });
      if (!options.empty()) out += make_group(group, false, options);
    }
    out += help_examples(examples_, width_);
    if (!app->get_footer().empty()) out += "\n" + help_paragraphs(app->get_footer(), width_);
    return out;
  }

  std::string make_option(const CLI::Option* option, bool positional) const override {
    return help_entry(make_option_name(option, positional) + make_option_opts(option), make_option_desc(option),
                      width_);
  }

  // The placeholder alone: no "Excludes:", "Needs:" or "(Env:...)".
  std::string make_option_opts(const CLI::Option* option) const override {
    if (option->get_type_size() == 0) return "";
    std::string out = option->get_type_name().empty() ? "" : " " + option->get_type_name();
    if (option->get_expected_max() >= CLI::detail::expected_max_vector_size) out += "...";
    return out;
  }

 private:
  std::vector<Example> examples_;
  mutable std::size_t width_ = help_pipe_width;
};

// The examples `app`'s --help ends with (its own: a subcommand has its own).
inline void set_examples(CLI::App& app, std::vector<Example> examples) {
  app.formatter(std::make_shared<HelpFormatter>(std::move(examples)));
}

}  // namespace aa::cli
