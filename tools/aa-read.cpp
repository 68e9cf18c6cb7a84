// aa-read: read the guide on anxious attachment, a section at a time.
#include "aa/guide_command.hpp"

int main(int argc, char** argv) {
  aa::run_guide_command(aa::GuideDocument::sections,
                        {
                            .program = "aa-read",
                            .summary = "Read the guide on anxious attachment: the table of contents, a section, or all "
                                       "of it.",
                            .item = "SECTION",
                            .item_help = "Sections to read, by number, slug, or the start of a slug or title",
                            .list_help = "The table of contents (also with no SECTION)",
                            .all_help = "The whole guide, in order",
                            .search_help = "Every paragraph that contains TEXT, ignoring case",
                        },
                        argc, argv);
}
