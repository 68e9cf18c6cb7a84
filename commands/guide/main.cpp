// SPDX-License-Identifier: MIT
// aa-read and aa-faq: one main, built once for each of the guide's two
// documents (AA_GUIDE_DOCUMENT, set in commands/CMakeLists.txt). What differs,
// the words, is in guide_command.cpp.
#include <exception>

#include "aa/cli/cli_options.hpp"
#include "aa/cli/output.hpp"
#include "guide/guide_command.hpp"

int main(int argc, char** argv) {
  constexpr aa::cli::GuideDocument document = aa::cli::GuideDocument::AA_GUIDE_DOCUMENT;
  const aa::cli::GuideCommandWords& words = aa::cli::guide_command_words(document);
  CLI::App app{std::string(words.about)};
  aa::cli::GuideOptions options;
  aa::cli::setup_guide_command(app, words, options);
  // exit() rather than return: tearing down the option parser is wasted time.
  std::exit(aa::cli::run(words.program, app, argc, argv, [&] {
    const aa::cli::Output output = aa::cli::resolve_output(options.common);
    const aa::cli::GuideText result = aa::cli::guide_text(document, options, output);
    if (!result.text.empty()) aa::emit(result.text, output.terminal, output.allow_pager, words.program);
    return result.then_fail ? aa::cli::report_failure(words.program, *result.then_fail) : 0;
  }));
}
