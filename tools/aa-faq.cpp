// aa-faq: common questions about healing and seeking help, with answers.
#include "aa/guide_command.hpp"

int main(int argc, char** argv) {
  aa::run_guide_command(aa::GuideDocument::questions,
                        {
                            .program = "aa-faq",
                            .summary = "Common questions about healing from anxious attachment and seeking help, with "
                                       "their answers.",
                            .item = "QUESTION",
                            .item_help = "Questions to answer, by number, id, or the start of an id or question",
                            .list_help = "The questions, numbered (also with no QUESTION)",
                            .all_help = "Every question with its answer",
                            .search_help = "Every question and answer that contains TEXT, ignoring case",
                        },
                        argc, argv);
}
