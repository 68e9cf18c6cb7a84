// SPDX-License-Identifier: MIT
#include "process.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

namespace aa::test {
namespace {

const char* const isolated_variables[] = {
    "NO_COLOR",       "COLUMNS",        "LINES",          "PAGER", "AA_CONTENT_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
    "XDG_STATE_HOME", "XDG_CACHE_HOME", "CLICOLOR_FORCE", "LESS"};

// Where each XDG base directory is under a home, by the spec's defaults.
const std::pair<const char*, const char*> xdg_homes[] = {{"XDG_DATA_HOME", "/.local/share"},
                                                         {"XDG_CONFIG_HOME", "/.config"},
                                                         {"XDG_STATE_HOME", "/.local/state"},
                                                         {"XDG_CACHE_HOME", "/.cache"}};

std::vector<std::string> make_environment(const RunOptions& options, const std::string& private_home) {
  std::map<std::string, std::string> vars;
  for (char** entry = environ; *entry; ++entry) {
    const std::string text(*entry);
    const std::size_t eq = text.find('=');
    if (eq != std::string::npos) vars[text.substr(0, eq)] = text.substr(eq + 1);
  }
  for (const char* name : isolated_variables) vars.erase(name);
  // The developer's own home holds their tips, settings, history and
  // journal: a test that does not choose a home gets an empty one, with
  // the XDG folders in it, so that nothing there can change its result and
  // nothing it saves lands there. A test that sets HOME (or removes it)
  // keeps XDG_* unset unless it sets them too, so that they follow its HOME.
  if (!options.env.count("HOME")) {
    vars["HOME"] = private_home;
    for (const auto& [name, under_home] : xdg_homes) vars[name] = private_home + under_home;
  }
  for (const auto& [name, value] : options.env) {
    if (value) {
      vars[name] = *value;
    } else {
      vars.erase(name);
    }
  }
  std::vector<std::string> out;
  for (const auto& [name, value] : vars) out.push_back(name + "=" + value);
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

void read_available(int fd, std::string& into, bool& open) {
  char buffer[65536];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n > 0) {
    into.append(buffer, static_cast<std::size_t>(n));
  } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
    open = false;  // EIO on a pty master when the child is gone
  }
}

[[noreturn]] void exec_child(const std::vector<std::string>& args, std::vector<std::string>& env,
                             const RunOptions& options) {
  if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(126);
  std::vector<std::string> argv_strings = args;
  auto argv = pointers(argv_strings);
  auto envp = pointers(env);
  execve(argv[0], argv.data(), envp.data());
  _exit(127);
}

int wait_for(pid_t pid, int timeout_seconds, bool& timed_out) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

RunResult run_with_pipes(const std::vector<std::string>& args, const RunOptions& options,
                         std::vector<std::string> env) {
  int in[2], out[2], err[2];
  if (pipe(in) || pipe(out) || pipe(err)) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid == 0) {
    // No controlling terminal, as in CI: nothing may ask at the developer's.
    setsid();
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    exec_child(args, env, options);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  fcntl(in[1], F_SETFL, O_NONBLOCK);
  std::signal(SIGPIPE, SIG_IGN);
  RunResult result;
  std::size_t written = 0;
  bool in_open = true, out_open = true, err_open = true;
  if (options.stdin_text.empty()) {
    close(in[1]);
    in_open = false;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  while ((out_open || err_open) && std::chrono::steady_clock::now() < deadline) {
    pollfd fds[3] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}, {in_open ? in[1] : -1, POLLOUT, 0}};
    if (poll(fds, 3, 100) < 0 && errno != EINTR) break;
    if (out_open && fds[0].revents) read_available(out[0], result.out, out_open);
    if (err_open && fds[1].revents) read_available(err[0], result.err, err_open);
    if (in_open && fds[2].revents) {
      const ssize_t n = ::write(in[1], options.stdin_text.data() + written, options.stdin_text.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 && errno != EAGAIN && errno != EINTR) written = options.stdin_text.size();
      if (written == options.stdin_text.size()) {
        close(in[1]);
        in_open = false;
      }
    }
  }
  if (in_open) close(in[1]);
  close(out[0]);
  close(err[0]);
  bool timed_out = false;
  result.status = wait_for(pid, 2, timed_out);
  if (timed_out || out_open || err_open) result.err += "\n[test harness: timed out]";
  return result;
}

RunResult run_with_terminal(const std::vector<std::string>& args, const RunOptions& options,
                            std::vector<std::string> env) {
  int err[2];
  if (pipe(err)) throw std::runtime_error("pipe failed");
  winsize size{};
  size.ws_col = options.columns;
  size.ws_row = options.rows;
  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, &size);
  if (pid < 0) throw std::runtime_error(std::string("forkpty failed: ") + std::strerror(errno));
  if (pid == 0) {
    if (!options.stderr_on_terminal) dup2(err[1], 2);
    close(err[0]);
    close(err[1]);
    exec_child(args, env, options);
  }
  close(err[1]);
  RunResult result;
  bool out_open = true, err_open = true;
  std::size_t next_key = 0;
  auto last_key = std::chrono::steady_clock::now();
  const auto deadline = last_key + std::chrono::seconds(options.timeout_seconds);
  while ((out_open || err_open) && std::chrono::steady_clock::now() < deadline) {
    pollfd fds[2] = {{out_open ? master : -1, POLLIN, 0}, {err_open ? err[0] : -1, POLLIN, 0}};
    poll(fds, 2, 50);
    if (out_open && fds[0].revents) read_available(master, result.out, out_open);
    if (err_open && fds[1].revents) read_available(err[0], result.err, err_open);
    // Type the next key once the program has had a moment to ask.
    if (next_key < options.keys.size() &&
        std::chrono::steady_clock::now() - last_key > std::chrono::milliseconds(150)) {
      const std::string& key = options.keys[next_key++];
      if (::write(master, key.data(), key.size()) < 0) break;
      last_key = std::chrono::steady_clock::now();
    }
  }
  close(master);
  close(err[0]);
  bool timed_out = false;
  result.status = wait_for(pid, 2, timed_out);
  if (timed_out || std::chrono::steady_clock::now() >= deadline) result.err += "\n[test harness: timed out]";
  return result;
}

}  // namespace

RunResult run(const std::vector<std::string>& args, const RunOptions& options) {
  // A home for this run alone, so that runs share nothing either; it goes
  // with whatever the run left in it.
  const TempDir home;
  auto env = make_environment(options, home.path());
  return options.terminal ? run_with_terminal(args, options, std::move(env))
                          : run_with_pipes(args, options, std::move(env));
}

std::string command(const std::string& name) { return std::string(AA_TOOLS_DIR) + "/" + name; }

std::string source_dir() { return AA_SOURCE_DIR; }

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "aa-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Tests may make parts read-only; give them back so they can go.
  for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
  }
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
  const std::string full = path_ + "/" + name;
  std::filesystem::create_directories(std::filesystem::path(full).parent_path());
  std::ofstream(full, std::ios::binary) << text;
  return full;
}

std::size_t count_lines(const std::string& text) {
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  if (!text.empty() && text.back() != '\n') ++lines;
  return lines;
}

std::string without_clock_time(std::string text) {
  const std::string key = "\"time\": \"";
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
    const std::size_t start = at + key.size();
    const std::size_t end = text.find('"', start);
    if (end == std::string::npos) break;
    text.replace(start, end - start, "TIME");
  }
  return text;
}

}  // namespace aa::test
