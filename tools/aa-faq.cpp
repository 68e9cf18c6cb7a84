// aa-faq: common questions about healing and seeking help, with answers.
#include "aa/cli_options.hpp"
#include "aa/guide_command.hpp"
#include "aa/output.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Common questions about healing from anxious attachment and seeking help, with their answers."};
  aa::GuideOptions options;
  aa::setup_guide_command(app,
                          {
                              .program = "aa-faq",
                              .item = "QUESTION",
                              .item_help = "Questions to answer, by number, id, or the start of an id or question",
                              .item_names = "questions",
                              .list_help = "The questions, numbered (also with no QUESTION)",
                              .all_help = "Every question with its answer",
                              .search_help = "Every question and answer that contains TEXT, ignoring case",
                          },
                          options);
  // exit() rather than return: tearing down the option parser is wasted time.
  std::exit(aa::cli::run("aa-faq", app, argc, argv, [&] {
    const aa::cli::Output output = aa::cli::resolve_output(options.common);
    aa::emit(aa::guide_text(aa::GuideDocument::questions, options, output), output.terminal, output.allow_pager, "aa-faq");
    return 0;
  }));
}
