#include "aa/output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/core.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aa/error.hpp"

namespace aa {
namespace {

std::size_t count_lines(std::string_view text) {
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

// Whether the program a shell command starts with can be run.
bool can_run(std::string_view command) {
  const std::size_t start = command.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  const std::size_t end = command.find_first_of(" \t", start);
  const std::string program(command.substr(start, end == std::string_view::npos ? end : end - start));
  if (program.find('/') != std::string::npos) return access(program.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/bin:/bin";
  while (true) {
    const std::size_t colon = dirs.find(':');
    const std::string dir(dirs.substr(0, colon));
    const std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate)) return true;
    if (colon == std::string_view::npos) return false;
    dirs.remove_prefix(colon + 1);
  }
}

void write_through_pager(std::string_view text, const std::string& pager) {
  // less needs -R for our colours; set its defaults the way git does.
  setenv("LESS", "FRX", 0);
  FILE* pipe = popen(pager.c_str(), "w");
  if (!pipe) throw Error(Exit::io, fmt::format("cannot start pager '{}': {}", pager, std::strerror(errno)));
  // A reader that quits early (q in less) is not an error.
  std::fwrite(text.data(), 1, text.size(), pipe);
  pclose(pipe);
}

}  // namespace

void write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) throw BrokenPipe();
      throw Error(Exit::io, fmt::format("write error: {}", std::strerror(errno)));
    }
    data.remove_prefix(static_cast<std::size_t>(written));
  }
}

std::string pager_for(std::string_view text, const Terminal& terminal, bool allow_pager) {
  if (!allow_pager || !terminal.stdout_is_tty) return "";
  if (terminal.rows == 0 || count_lines(text) < terminal.rows) return "";
  if (terminal.pager) return *terminal.pager;
  return "less -FRX";
}

void emit(std::string_view text, const Terminal& terminal, bool allow_pager, std::string_view program) {
  const std::string pager = pager_for(text, terminal, allow_pager);
  if (pager.find_first_not_of(" \t") == std::string::npos) return write_all(STDOUT_FILENO, text);
  if (!can_run(pager)) {
    fmt::print(stderr, "{}: warning: pager '{}' not found; printing directly\n", program, pager);
    return write_all(STDOUT_FILENO, text);
  }
  write_through_pager(text, pager);
}

}  // namespace aa
