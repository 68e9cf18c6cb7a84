// SPDX-License-Identifier: MIT
#include "umbrella/program.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aa/cli/child.hpp"

extern char** environ;

namespace aa::cli {

namespace {

// execv() and posix_spawn() take mutable strings; the strings outlive the call.
std::vector<char*> argument_vector(const std::vector<std::string>& arguments) {
  std::vector<char*> out;
  out.reserve(arguments.size() + 1);
  for (const std::string& argument : arguments) out.push_back(const_cast<char*>(argument.c_str()));
  out.push_back(nullptr);
  return out;
}

}  // namespace

int replace_process(const std::string& path, const std::vector<std::string>& arguments) {
  std::vector<char*> argv = argument_vector(arguments);
  ::execv(path.c_str(), argv.data());
  return errno;
}

bool succeeds_quietly(const std::string& path, const std::vector<std::string>& arguments) {
  posix_spawn_file_actions_t actions;
  if (::posix_spawn_file_actions_init(&actions) != 0) return false;
  ::posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  ::posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  ::posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  std::vector<char*> argv = argument_vector(arguments);
  pid_t child = 0;
  const int spawned = ::posix_spawn(&child, path.c_str(), &actions, nullptr, argv.data(), environ);
  ::posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return false;
  const int status = wait_for(child);
  return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace aa::cli
