// aa-read and aa-faq are one command over two documents of the guide: the
// sections and the questions. Each lists its document, prints chosen parts
// or all of it, or searches it; only the document and the words differ.
#pragma once

#include <string_view>

namespace aa {

enum class GuideDocument { sections, questions };

// The words of one such command, for --help.
struct GuideCommandWords {
  std::string_view program;      // "aa-read"
  std::string_view summary;      // what the command is for
  std::string_view item;         // the positional argument: "SECTION"
  std::string_view item_help;
  std::string_view list_help;
  std::string_view all_help;
  std::string_view search_help;
};

// Parses the command line and runs the command, then exits with its status
// (exit() rather than return: tearing down the option parser is wasted time).
[[noreturn]] void run_guide_command(GuideDocument document, const GuideCommandWords& words, int argc,
                                    char** argv);

}  // namespace aa
