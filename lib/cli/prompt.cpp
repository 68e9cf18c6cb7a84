// SPDX-License-Identifier: MIT
#include "aa/cli/prompt.hpp"

#include <cerrno>
#include <csignal>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <poll.h>
#include <unistd.h>

#include "aa/cli/cli.hpp"
#include "aa/cli/terminal.hpp"
#include "aa/cli/terminal_mode.hpp"
#include "aa/content/text.hpp"

namespace aa {

std::string reply_words(std::string_view line) {
  const std::size_t start = line.find_first_not_of(" \t\r");
  if (start == std::string_view::npos) return "";
  const std::size_t end = line.find_last_not_of(" \t\r");
  std::string out(line.substr(start, end - start + 1));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {

// The scale, "0 never · 1 rarely · ...", wrapped to `width` between its
// points, never inside one ("3 often" stays whole), each line indented.
std::string scale_lines(std::size_t width) {
  const std::string_view indent = "  ";
  const std::string_view between = " · ";
  std::string out(indent);
  std::size_t column = indent.size();
  bool line_has_point = false;
  std::vector<int> points;
  for (int rating = lowest_rating; rating <= highest_rating; ++rating) points.push_back(rating);
  points.push_back(does_not_apply);
  for (int rating : points) {
    const std::string point = fmt::format("{} {}", rating_mark(rating), rating_word(rating));
    const std::size_t needed = display_width(point) + (line_has_point ? display_width(between) : 0);
    if (line_has_point && width > 0 && column + needed > width) {
      out += "\n";
      out += indent;
      column = indent.size();
      line_has_point = false;
    }
    if (line_has_point) out += between;
    out += point;
    column += display_width(point) + (line_has_point ? display_width(between) : 0);
    line_has_point = true;
  }
  return out + "\n";
}

std::string intro(std::size_t count, bool saving, std::size_t width) {
  const std::string_view keeping =
      saving ? "When you answer the last one, the result is saved in your private history on this machine "
               "(--save or the config's save = true); if you stop before the end, nothing is saved."
             : "Nothing is saved: the result is shown and then forgotten, unless you run aa-check with --save.";
  return wrap_paragraph(fmt::format("{} statements follow. For each one, think about how often it is true for "
                                    "you, then type a number from 0 to 4, or the first letter of its word, "
                                    "and press Enter; x if it does not fit your life. Type ? to hear more about a "
                                    "statement, b to go back, q to "
                                    "stop. {}",
                                    count, keeping),
                        width) +
         "\n";
}

std::string statement_block(const ChecklistItem& item, std::size_t index, std::size_t count, std::optional<int> earlier,
                            std::size_t width) {
  std::string out =
      "\n" + wrap_paragraph(fmt::format("Statement {} of {}: {}", index + 1, count, item.sign), width) + "\n";
  out += wrap_paragraph(item.statement, width, "  ", "  ") + "\n";
  out += scale_lines(width);
  if (earlier) {
    out += wrap_paragraph(fmt::format("(your answer was {}, {}): press Enter to keep it", rating_mark(*earlier),
                                      rating_word(*earlier)),
                          width, "  ", "  ") +
           "\n";
  }
  return out;
}

std::string hint(std::size_t width) {
  return wrap_paragraph(
             "Please type a number from 0 to 4, or the first letter of its word (n, r, s, o, a), or x if it "
             "does not apply. ? tells you more about the statement, b goes back, q stops.",
             width, "  ", "  ") +
         "\n";
}

// Set by SIGCONT: the person brought the command back with fg, and the
// prompt they left is no longer on the last line of the screen.
volatile std::sig_atomic_t continued = 0;

void note_continued(int) { continued = 1; }

}  // namespace

Reply parse_reply(std::string_view line) {
  const std::string reply = reply_words(line);
  if (reply.empty()) return {Reply::keep};
  if (reply == "?" || reply == "help") return {Reply::explain};
  if (reply == "b" || reply == "back") return {Reply::back};
  if (reply == "q" || reply == "quit") return {Reply::quit};
  if (const std::optional<int> rating = rating_of(reply)) return {Reply::rating, *rating};
  return {Reply::unclear};
}

std::optional<Answers> ask_answers(std::span<const ChecklistItem> items, Conversation& conversation, std::size_t width,
                                   bool saving) {
  conversation.show(intro(items.size(), saving, width));
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
    Reply reply = parse_reply(*line);
    // Enter alone keeps the answer shown from before (after b); with none, it is unclear.
    if (reply.kind == Reply::keep) reply = given[index] ? Reply{Reply::rating, *given[index]} : Reply{Reply::unclear};
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
      case Reply::keep:  // not left after the line above
      case Reply::unclear: conversation.show(hint(width)); break;
    }
  }
  conversation.show("\n");
  Answers answers;
  for (const std::optional<int>& value : given) answers.push_back(value.value_or(0));
  return answers;
}

bool confirm(std::string_view question, Conversation& conversation, std::size_t width) {
  conversation.show(wrap_paragraph(std::string(question) + " [y/N]", width) + " ");
  const std::optional<std::string> line = conversation.read_line();
  if (!line) {
    conversation.show("\n");
    return false;
  }
  const std::string reply = reply_words(*line);
  return reply == "y" || reply == "yes";
}

TerminalConversation::TerminalConversation() {
  struct sigaction action {};
  action.sa_handler = note_continued;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a read waiting for a line returns, to draw the prompt again
  sigaction(SIGCONT, &action, &previous_);
}

TerminalConversation::~TerminalConversation() { sigaction(SIGCONT, &previous_, nullptr); }

std::optional<std::string> TerminalConversation::read_line() {
  // A byte at a time: what follows the line stays unread, as it was typed.
  std::string line;
  char c = 0;
  while (true) {
    const ssize_t n = ::read(STDIN_FILENO, &c, 1);
    if (n < 0 && errno == EINTR) {
      // Back from Ctrl-Z: the shell has written over the last line.
      if (continued) {
        continued = 0;
        cli::report_line("\n" + since_last_line_);
      }
      continue;
    }
    if (n <= 0) return line.empty() ? std::nullopt : std::optional(line);
    if (c == '\n') {
      since_read_ = true;
      // The terminal may have cut a line this long: what is left of it is
      // never taken as an answer ("4" and then spaces), so it comes back as
      // a reply that fits nothing (DEL), and the question is asked again.
      if (line.size() >= terminal_line_limit) return std::string("\x7f");
      return line;
    }
    if (line.size() < terminal_line_limit) line += c;
  }
}

std::optional<std::string> TerminalConversation::read_reply(const ReplyShape& shape) {
  if (::isatty(STDIN_FILENO) == 0) return read_line();
  const cli::TerminalMode keys(STDIN_FILENO, cli::TerminalMode::Change::keys);
  std::string typed;
  const auto take_back = [&] {
    // A whole character: its continuation bytes, then its first.
    while (!typed.empty() && (static_cast<unsigned char>(typed.back()) & 0xC0) == 0x80) typed.pop_back();
    if (!typed.empty()) typed.pop_back();
    cli::report_line("\b \b");
  };
  while (true) {
    if (shape(typed) == Typed::may_go_on) {
      pollfd ready{STDIN_FILENO, POLLIN, 0};
      if (::poll(&ready, 1, go_on_wait_ms) == 0) break;  // no next key: the reply is what was typed
    }
    char c = 0;
    const ssize_t n = ::read(STDIN_FILENO, &c, 1);
    if (n < 0 && errno == EINTR) {
      if (continued) {
        continued = 0;
        cli::report_line("\n" + since_last_line_ + typed);
      }
      continue;
    }
    if (n <= 0 || (c == '\x04' && typed.empty())) {
      if (typed.empty()) return std::nullopt;
      break;
    }
    if (c == '\n' || c == '\r') break;
    if (c == '\x7f' || c == '\b') {
      if (!typed.empty()) take_back();
      continue;
    }
    if (c == '\x15') {  // Ctrl-U
      while (!typed.empty()) take_back();
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20) continue;  // a key that is not text (an arrow's escape)
    if (typed.size() >= terminal_line_limit) continue;
    typed += c;
    cli::report_line(std::string(1, c));
    if (shape(typed) == Typed::whole) break;
  }
  cli::report_line("\n");
  since_read_ = true;
  return typed;
}

void TerminalConversation::show(std::string_view text) {
  cli::report_line(text);
  // What was shown since the last line was read: what to draw again after fg.
  if (since_read_) since_last_line_.clear();
  since_read_ = false;
  since_last_line_ += text;
}

}  // namespace aa
