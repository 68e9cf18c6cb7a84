// aa-read: read the guide on anxious attachment, a section at a time.
#include "aa/cli_options.hpp"
#include "aa/guide_command.hpp"
#include "aa/output.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Read the guide on anxious attachment: the table of contents, a section, or all of it."};
  aa::GuideOptions options;
  aa::setup_guide_command(app,
                          {
                              .program = "aa-read",
                              .item = "SECTION",
                              .item_help = "Sections to read, by number, slug, or the start of a slug or title",
                              .item_names = "sections",
                              .list_help = "The table of contents (also with no SECTION)",
                              .all_help = "The whole guide, in order",
                              .search_help = "Every paragraph that contains TEXT, ignoring case",
                          },
                          options);
  // exit() rather than return: tearing down the option parser is wasted time.
  std::exit(aa::cli::run("aa-read", app, argc, argv, [&] {
    const aa::cli::Output output = aa::cli::resolve_output(options.common);
    aa::emit(aa::guide_text(aa::GuideDocument::sections, options, output), output.terminal, output.allow_pager, "aa-read");
    return 0;
  }));
}
