// SPDX-License-Identifier: MIT
// The files the commands read and write, end to end, as someone with write
// access to the user's files would attack them: symbolic links, FIFOs,
// devices, huge files, files and folders of another user, a lock held for
// long. Permission cases run as an unprivileged user when the tests run as
// root (as in CI), so that they really test something there.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "files.hpp"
#include "process.hpp"
#include "skip.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;

using aa::test::mode_of;
using aa::test::slurp;

namespace {

constexpr uid_t nobody = 65534;

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// One error line on stderr, nothing on stdout, and no hang.
void check_refused(const RunResult& result, int status, std::string_view part) {
  CAPTURE(result.err);
  CHECK(result.status == status);
  CHECK(result.out.empty());
  CHECK(aa::test::count_lines(result.err) == 1);
  CHECK(result.err.starts_with("aa-"));
  CHECK(contains(result.err, part));
}

// `args` run as an ordinary user: root may read anything, so permission
// cases need someone else. The test's files must be reachable for them.
std::vector<std::string> unprivileged(std::vector<std::string> args) {
  if (::geteuid() != 0) return args;
  REQUIRE(std::filesystem::exists("/usr/bin/setpriv"));
  args.insert(args.begin(), {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"});
  return args;
}

// A home of its own, with the history in data/aa/checks.jsonl.
struct Home {
  aa::test::TempDir dir;
  std::string data() const { return dir.path() + "/data"; }
  std::string folder() const { return data() + "/aa"; }
  std::string history() const { return folder() + "/checks.jsonl"; }
  RunOptions options() const {
    RunOptions options;
    options.env["XDG_DATA_HOME"] = data();
    options.env["XDG_CONFIG_HOME"] = dir.path() + "/config";
    options.env["HOME"] = dir.path() + "/home";
    options.timeout_seconds = 10;
    return options;
  }
  std::vector<std::string> environment() const {
    std::vector<std::string> env = {"PATH=/usr/bin:/bin"};
    for (const auto& [name, value] : options().env) env.push_back(name + "=" + *value);
    return env;
  }
};

std::vector<std::string> check(std::vector<std::string> args) {
  args.insert(args.begin(), command("aa-check"));
  return args;
}

const std::vector<std::string> save = check({"--answers", "1,2,3,4", "--save"});

// A command started in the background, its stdout and stderr in pipes.
class Background {
 public:
  Background(const std::vector<std::string>& args, std::vector<std::string> env) {
    int out[2], err[2];
    REQUIRE(::pipe(out) == 0);
    REQUIRE(::pipe(err) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      const int null = ::open("/dev/null", O_RDONLY);
      ::dup2(null, 0);
      ::dup2(out[1], 1);
      ::dup2(err[1], 2);
      std::vector<std::string> argv_strings = args;
      std::vector<char*> argv, envp;
      for (std::string& arg : argv_strings) argv.push_back(arg.data());
      argv.push_back(nullptr);
      for (std::string& entry : env) envp.push_back(entry.data());
      envp.push_back(nullptr);
      ::execve(argv[0], argv.data(), envp.data());
      ::_exit(127);
    }
    ::close(out[1]);
    ::close(err[1]);
    out_ = out[0];
    err_ = err[0];
  }
  ~Background() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(out_);
    ::close(err_);
  }

  // Waits up to `seconds` for `text` on stderr.
  bool says(std::string_view text, int seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!contains(result_.err, text) && std::chrono::steady_clock::now() < deadline) pump(100);
    return contains(result_.err, text);
  }
  bool running() { return ::waitpid(pid_, nullptr, WNOHANG) == 0; }

  // Waits up to `seconds` until it sleeps in flock(2), as the kernel tells
  // (/proc/PID/syscall starts with the call's number): waiting for the lock.
  bool blocked_on_lock(int seconds) {
    const std::string flock_call = std::to_string(SYS_flock) + " ";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!slurp("/proc/" + std::to_string(pid_) + "/syscall").starts_with(flock_call)) {
      if (std::chrono::steady_clock::now() >= deadline) return false;
      pump(10);
    }
    return true;
  }

  // Everything it wrote, and its exit status, within ten seconds.
  RunResult finish() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while ((out_open_ || err_open_) && std::chrono::steady_clock::now() < deadline) pump(100);
    int status = 0;
    REQUIRE(::waitpid(pid_, &status, 0) == pid_);
    pid_ = -1;
    result_.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result_;
  }

 private:
  void pump(int milliseconds) {
    pollfd fds[2] = {{out_open_ ? out_ : -1, POLLIN, 0}, {err_open_ ? err_ : -1, POLLIN, 0}};
    if (::poll(fds, 2, milliseconds) <= 0) return;
    take(fds[0], result_.out, out_open_);
    take(fds[1], result_.err, err_open_);
  }
  static void take(const pollfd& fd, std::string& into, bool& open) {
    if (fd.fd < 0 || fd.revents == 0) return;
    char buffer[4096];
    const ssize_t n = ::read(fd.fd, buffer, sizeof buffer);
    if (n > 0) into.append(buffer, static_cast<std::size_t>(n));
    if (n == 0) open = false;
  }

  pid_t pid_ = -1;
  int out_ = -1, err_ = -1;
  bool out_open_ = true, err_open_ = true;
  RunResult result_;
};

// Holds an exclusive lock on `file`, as another aa-check saving would.
class HeldLock {
 public:
  explicit HeldLock(const std::string& file) : fd_(::open(file.c_str(), O_RDONLY | O_CLOEXEC)) {
    REQUIRE(fd_ >= 0);
    REQUIRE(::flock(fd_, LOCK_EX) == 0);
  }
  ~HeldLock() { release(); }
  void release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

const std::string waiting = "aa-check: waiting for another program to finish with ";

}  // namespace

// ---- Files we write: the history ----

TEST_CASE("a history that is a symbolic link is refused, and the file it points to is left alone") {
  Home home;
  const std::string target = home.dir.write("elsewhere.txt", "someone else's text\n");
  ::chmod(target.c_str(), 0644);
  std::filesystem::create_directories(home.folder());
  std::filesystem::create_symlink(target, home.history());

  const auto saving = run(save, home.options());
  CHECK(saving.status == 74);
  CHECK(contains(saving.err, "cannot save your result to " + home.history() + ": it is a symbolic link"));
  check_refused(run(check({"--history"}), home.options()), 74, "it is a symbolic link");
  // --forget says why it cannot, and deletes nothing: not the link, not the records.
  const auto forgetting = run(check({"--forget", "--yes"}), home.options());
  check_refused(forgetting, 74, "cannot delete " + home.history() + ": it is a symbolic link");
  CHECK_FALSE(contains(forgetting.out, "Deleted"));
  CHECK(std::filesystem::is_symlink(home.history()));
  CHECK(slurp(target) == "someone else's text\n");
  CHECK(mode_of(target) == 0644);
}

TEST_CASE("a history folder that is a symbolic link is refused") {
  Home home;
  std::filesystem::create_directories(home.dir.path() + "/real-aa");
  std::filesystem::create_directories(home.data());
  std::filesystem::create_symlink(home.dir.path() + "/real-aa", home.folder());
  ::chmod((home.dir.path() + "/real-aa").c_str(), 0755);
  const auto saving = run(save, home.options());
  CHECK(saving.status == 74);
  CHECK(contains(saving.err, home.folder() + ": it is a symbolic link"));
  CHECK(std::filesystem::is_empty(home.dir.path() + "/real-aa"));
  CHECK(mode_of(home.dir.path() + "/real-aa") == 0755);
}

TEST_CASE("a FIFO or a directory in place of the history is refused at once") {
  Home home;
  std::filesystem::create_directories(home.folder());
  REQUIRE(::mkfifo(home.history().c_str(), 0600) == 0);
  // A FIFO opened for reading or writing without O_NONBLOCK would wait for
  // a peer forever: the run would time out.
  for (const auto& args : {save, check({"--history"}), check({"--forget", "--yes"})}) {
    CAPTURE(args.back());
    const auto result = run(args, home.options());
    CHECK(result.status == 74);
    CHECK(contains(result.err, "it is a FIFO, not a regular file"));
    CHECK_FALSE(contains(result.err, "timed out"));
  }
  std::filesystem::remove(home.history());
  std::filesystem::create_directory(home.history());
  check_refused(run(check({"--history"}), home.options()), 74, "it is a directory, not a regular file");
}

TEST_CASE("every save tightens the history to 0600 and its folder to 0700") {
  Home home;
  std::filesystem::create_directories(home.folder());
  home.dir.write("data/aa/checks.jsonl", "");
  ::chmod(home.folder().c_str(), 0750);
  ::chmod(home.history().c_str(), 0644);
  CHECK(run(check({"--history"}), home.options()).status == 1);  // nothing saved yet
  CHECK(mode_of(home.history()) == 0644);                        // reading changes nothing
  CHECK(run(save, home.options()).status == 0);
  CHECK(mode_of(home.folder()) == 0700);
  CHECK(mode_of(home.history()) == 0600);
  // Not only when the file is new or empty.
  ::chmod(home.folder().c_str(), 0755);
  ::chmod(home.history().c_str(), 0666);
  CHECK(run(save, home.options()).status == 0);
  CHECK(mode_of(home.folder()) == 0700);
  CHECK(mode_of(home.history()) == 0600);
  CHECK(aa::test::count_lines(slurp(home.history())) == 2);
}

TEST_CASE("a history or folder that belongs to someone else is refused and left as it is") {
  if (::geteuid() != 0) {
    aa::test::skip_missing("root (to give a file to another user)");
    return;
  }
  Home home;
  CHECK(run(save, home.options()).status == 0);
  const std::string before = slurp(home.history());

  REQUIRE(::chown(home.history().c_str(), nobody, nobody) == 0);
  ::chmod(home.history().c_str(), 0644);
  for (const auto& args : {save, check({"--history"}), check({"--forget", "--yes"})}) {
    CAPTURE(args.back());
    const auto result = run(args, home.options());
    CHECK(result.status == 74);
    CHECK(contains(result.err, home.history() + " belongs to another user (uid 65534)"));
  }
  CHECK(slurp(home.history()) == before);
  CHECK(mode_of(home.history()) == 0644);

  REQUIRE(::chown(home.history().c_str(), 0, 0) == 0);
  REQUIRE(::chown(home.folder().c_str(), nobody, nobody) == 0);
  ::chmod(home.folder().c_str(), 0755);
  for (const auto& args : {save, check({"--history"}), check({"--forget", "--yes"})}) {
    CAPTURE(args.back());
    const auto result = run(args, home.options());
    CHECK(result.status == 74);
    CHECK(contains(result.err, home.folder() + " belongs to another user (uid 65534)"));
  }
  CHECK(slurp(home.history()) == before);
  CHECK(mode_of(home.folder()) == 0755);
}

TEST_CASE("--forget leaves no record behind, not even through another hard link") {
  Home home;
  CHECK(run(save, home.options()).status == 0);
  const std::string other_link = home.dir.path() + "/data/other-link";
  std::filesystem::create_hard_link(home.history(), other_link);
  const auto result = run(check({"--forget", "--yes"}), home.options());
  CHECK(result.status == 0);
  CHECK(contains(result.out, "Deleted your saved results"));
  CHECK_FALSE(std::filesystem::exists(home.history()));
  CHECK(slurp(other_link).empty());
}

TEST_CASE("a relative XDG_DATA_HOME or HOME is ignored: nothing is saved under the working directory") {
  Home home;
  RunOptions options = home.options();
  options.cwd = home.dir.path();
  options.env["XDG_DATA_HOME"] = "data";
  options.env["HOME"] = "home";
  const auto result = run(save, options);
  CHECK(result.status == 74);
  CHECK(contains(result.err, "neither XDG_DATA_HOME nor HOME is set to an absolute path"));
  CHECK(contains(result.out, "Your answers"));
  CHECK_FALSE(std::filesystem::exists(home.dir.path() + "/data"));
  CHECK_FALSE(std::filesystem::exists(home.dir.path() + "/home"));
  // A relative XDG_DATA_HOME with an absolute HOME: the default under HOME.
  options.env["HOME"] = home.dir.path() + "/home";
  CHECK(run(save, options).status == 0);
  CHECK(std::filesystem::exists(home.dir.path() + "/home/.local/share/aa/checks.jsonl"));
  CHECK_FALSE(std::filesystem::exists(home.dir.path() + "/data"));
}

TEST_CASE("--history and --forget need no content, so broken content cannot keep you from your data") {
  Home home;
  CHECK(run(save, home.options()).status == 0);
  RunOptions options = home.options();
  options.env["AA_CONTENT_DIR"] = home.dir.path() + "/no-such-content";
  const auto history = run(check({"--history"}), options);
  CHECK(history.status == 0);
  CHECK(history.out.starts_with("id "));
  CHECK(history.out.find("\nSummary: 1 result") != std::string::npos);
  const auto forgetting =
      run(check({"--forget", "--yes", "--content-dir", home.dir.write("broken/checklist.toml", "x")}), home.options());
  CHECK(forgetting.status == 0);
  CHECK_FALSE(std::filesystem::exists(home.history()));
  // Everything else still needs it.
  CHECK(run(save, options).status == 2);
}

// ---- The lock: tests that fail when it is not taken ----

TEST_CASE("saving waits for a lock held by another program, says so, and then appends") {
  Home home;
  CHECK(run(save, home.options()).status == 0);
  const std::string before = slurp(home.history());
  HeldLock lock(home.history());
  Background saving(check({"--answers", "4,4,4,4", "--save"}), home.environment());
  REQUIRE(saving.says(waiting + home.history(), 10));
  REQUIRE(saving.blocked_on_lock(10));
  CHECK(slurp(home.history()) == before);  // nothing written while the lock is held
  lock.release();
  const auto result = saving.finish();
  CHECK(result.status == 0);
  CHECK(aa::test::count_lines(result.err) == 1);  // the notice, once
  CHECK(slurp(home.history()).starts_with(before));
  CHECK(aa::test::count_lines(slurp(home.history())) == 2);
}

TEST_CASE("--forget waits for a lock held by another program, says so, and then deletes") {
  Home home;
  CHECK(run(save, home.options()).status == 0);
  const std::string before = slurp(home.history());
  HeldLock lock(home.history());
  Background forgetting(check({"--forget", "--yes"}), home.environment());
  REQUIRE(forgetting.says(waiting + home.history(), 10));
  REQUIRE(forgetting.blocked_on_lock(10));
  CHECK(slurp(home.history()) == before);
  lock.release();
  const auto result = forgetting.finish();
  CHECK(result.status == 0);
  CHECK(contains(result.out, "Deleted your saved results"));
  CHECK_FALSE(std::filesystem::exists(home.history()));
}

TEST_CASE("--history waits for a save in progress") {
  Home home;
  CHECK(run(save, home.options()).status == 0);
  HeldLock lock(home.history());
  Background reading(check({"--history"}), home.environment());
  REQUIRE(reading.says(waiting + home.history(), 10));
  CHECK(reading.running());
  lock.release();
  const auto result = reading.finish();
  CHECK(result.status == 0);
  CHECK(result.out.find("\nSummary: 1 result") != std::string::npos);
}

TEST_CASE("a run that takes the lock at once says nothing about waiting") {
  Home home;
  const auto result = run(save, home.options());
  CHECK(result.status == 0);
  CHECK(result.err.empty());
}

// ---- Files we read: content folders and files that cannot be read ----

TEST_CASE("a content folder that cannot be searched is an error, never the built-in content") {
  aa::test::TempDir dir;
  ::chmod(dir.path().c_str(), 0755);  // so that the unprivileged user can reach what is inside
  const std::string content = dir.path() + "/content";
  dir.write("content/tips.toml",
            "[[tip]]\nid = \"mine\"\ncategory = \"own\"\nsection = \"support\"\ntext = \"My own tip.\"\n");
  ::chmod((content + "/tips.toml").c_str(), 0644);
  ::chmod(content.c_str(), 0755);
  const auto readable = run(unprivileged({command("aa-tip"), "--content-dir", content}));
  CHECK(readable.status == 0);
  CHECK(readable.out == "My own tip.\n");

  ::chmod(content.c_str(), 0644);  // readable, but not searchable
  const auto unsearchable = run(unprivileged({command("aa-tip"), "--content-dir", content}));
  check_refused(unsearchable, 74, "cannot read content directory '" + content + "': Permission denied");
  ::chmod(content.c_str(), 0311);  // searchable, but not listable: fine, we only look names up
  CHECK(run(unprivileged({command("aa-tip"), "--content-dir", content})).out == "My own tip.\n");
}

TEST_CASE("a content file that cannot be read is a read error, 74") {
  aa::test::TempDir dir;
  ::chmod(dir.path().c_str(), 0755);
  const std::string tips = dir.write("tips.toml", "[[tip]]\n");
  ::chmod(tips.c_str(), 0200);
  check_refused(run(unprivileged({command("aa-tip"), "--content-dir", dir.path()})), 74,
                "cannot read " + tips + ": Permission denied");
}

TEST_CASE("a huge content file is refused before it is read") {
  aa::test::TempDir dir;
  std::filesystem::resize_file(dir.write("tips.toml", ""), 64ull << 30);  // sparse: takes no room
  check_refused(run({command("aa-tip"), "--content-dir", dir.path()}), 74, "larger than 16 MiB");
}

TEST_CASE("a content file just under the limit is read") {
  aa::test::TempDir dir;
  std::string text = "[[tip]]\nid = \"mine\"\ncategory = \"own\"\nsection = \"support\"\ntext = \"Mine.\"\n";
  text += std::string(16 * 1024 * 1024 - text.size() - 1, '#') + "\n";
  REQUIRE(text.size() == 16 * 1024 * 1024);
  dir.write("tips.toml", text);
  const auto result = run({command("aa-tip"), "--content-dir", dir.path()});
  CHECK(result.status == 0);
  CHECK(result.out == "Mine.\n");
  dir.write("tips.toml", text + "#");
  check_refused(run({command("aa-tip"), "--content-dir", dir.path()}), 74, "larger than 16 MiB");
}
