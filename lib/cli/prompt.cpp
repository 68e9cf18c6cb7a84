#include "aa/prompt.hpp"

#include <cerrno>
#include <string>

#include <fmt/core.h>
#include <unistd.h>

#include "aa/cli.hpp"
#include "aa/terminal.hpp"
#include "aa/text.hpp"

namespace aa {
namespace {

std::string trimmed_lower(std::string_view line) {
  const std::size_t start = line.find_first_not_of(" \t\r");
  if (start == std::string_view::npos) return "";
  const std::size_t end = line.find_last_not_of(" \t\r");
  std::string out(line.substr(start, end - start + 1));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string scale_line() {
  std::string out;
  for (int rating = lowest_rating; rating <= highest_rating; ++rating) {
    out += fmt::format("{}{} {}", out.empty() ? "" : " · ", rating, rating_word(rating));
  }
  return out;
}

std::string intro(std::size_t count, std::size_t width) {
  return wrap_paragraph(fmt::format("{} statements follow. For each one, think about how often it is true for "
                                    "you, then type a number from 0 to 4, or the first letter of its word, "
                                    "and press Enter. Type ? to hear more about a statement, b to go back, q to "
                                    "stop; nothing is kept until you finish.",
                                    count),
                        width) +
         "\n";
}

std::string statement_block(const ChecklistItem& item, std::size_t index, std::size_t count, std::optional<int> earlier,
                            std::size_t width) {
  std::string out = fmt::format("\nStatement {} of {}: {}\n", index + 1, count, item.sign);
  out += wrap_paragraph(item.statement, width, "  ", "  ") + "\n";
  out += "  " + scale_line() + "\n";
  if (earlier) out += fmt::format("  (your answer was {}, {})\n", *earlier, rating_word(*earlier));
  return out;
}

std::string hint(std::size_t width) {
  return wrap_paragraph(
             "Please type a number from 0 to 4, or the first letter of its word (n, r, s, o, a). "
             "? tells you more about the statement, b goes back, q stops.",
             width, "  ", "  ") +
         "\n";
}

}  // namespace

Reply parse_reply(std::string_view line) {
  const std::string reply = trimmed_lower(line);
  if (reply == "?" || reply == "help") return {Reply::explain};
  if (reply == "b" || reply == "back") return {Reply::back};
  if (reply == "q" || reply == "quit") return {Reply::quit};
  for (int rating = lowest_rating; rating <= highest_rating; ++rating) {
    const std::string_view word = rating_word(rating);
    if (reply == std::string(1, static_cast<char>('0' + rating)) || reply == word || reply == word.substr(0, 1)) {
      return {Reply::rating, rating};
    }
  }
  return {Reply::unclear};
}

std::optional<Answers> ask_answers(std::span<const ChecklistItem> items, Conversation& conversation,
                                   std::size_t width) {
  conversation.show(intro(items.size(), width));
  std::vector<std::optional<int>> given(items.size());
  std::size_t index = 0;
  bool show_statement = true;
  while (index < items.size()) {
    const ChecklistItem& item = items[index];
    if (show_statement) conversation.show(statement_block(item, index, items.size(), given[index], width));
    show_statement = false;
    conversation.show("How often is this true for you? ");
    const std::optional<std::string> line = conversation.read_line();
    if (!line) {
      // Ctrl-D: leave the cursor on a fresh line for the shell.
      conversation.show("\n");
      return std::nullopt;
    }
    const Reply reply = parse_reply(*line);
    switch (reply.kind) {
      case Reply::rating:
        given[index++] = reply.value;
        show_statement = true;
        break;
      case Reply::explain: conversation.show(wrap_paragraph(item.about, width, "  ", "  ") + "\n"); break;
      case Reply::back:
        if (index == 0) {
          conversation.show("  This is the first statement; there is nothing before it.\n");
        } else {
          --index;
          show_statement = true;
        }
        break;
      case Reply::quit: return std::nullopt;
      case Reply::unclear: conversation.show(hint(width)); break;
    }
  }
  conversation.show("\n");
  Answers answers;
  for (const std::optional<int>& value : given) answers.push_back(value.value_or(0));
  return answers;
}

bool confirm(std::string_view question, Conversation& conversation) {
  conversation.show(std::string(question) + " [y/N] ");
  const std::optional<std::string> line = conversation.read_line();
  if (!line) {
    conversation.show("\n");
    return false;
  }
  const std::string reply = trimmed_lower(*line);
  return reply == "y" || reply == "yes";
}

std::optional<std::string> TerminalConversation::read_line() {
  // A byte at a time: what follows the line stays unread, as it was typed.
  std::string line;
  char c = 0;
  while (true) {
    const ssize_t n = ::read(STDIN_FILENO, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return line.empty() ? std::nullopt : std::optional(line);
    if (c == '\n') return line;
    // An answer is a word; a line longer than this is kept only in part.
    if (line.size() < 4096) line += c;
  }
}

void TerminalConversation::show(std::string_view text) { cli::report_line(text); }

std::size_t prompt_width() {
  // The prompts go to stderr, whatever stdout is: measure that terminal,
  // by choose_width's rules for a terminal.
  Terminal terminal = probe_terminal();
  terminal.stdout_is_tty = true;
  terminal.columns = 0;
  if (!window_size(STDERR_FILENO, terminal)) window_size(STDIN_FILENO, terminal);
  return choose_width(std::nullopt, terminal);
}

}  // namespace aa
