// SPDX-License-Identifier: MIT
#include "aa/io/io.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aa/io/error.hpp"
#include "error_message.hpp"
#include "files.hpp"
#include "process.hpp"
#include "skip.hpp"

using aa::PrivateAccess;

using aa::test::mode_of;
using aa::test::slurp;

namespace {

// The message of the Error(Problem::io) that `action` throws.
template <typename Action>
std::string io_error(Action action) {
  return aa::test::error_message(aa::Problem::io, "", action);
}

bool is_open(int fd) { return ::fcntl(fd, F_GETFD) != -1; }

}  // namespace

TEST_CASE("a FileDescriptor closes on every path out, and can be moved") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  {
    aa::FileDescriptor read_end(fds[0]);
    aa::FileDescriptor moved(std::move(read_end));
    CHECK_FALSE(read_end.is_open());
    CHECK(moved.get() == fds[0]);
    aa::FileDescriptor write_end(fds[1]);
    CHECK(write_end.close() == 0);
    CHECK_FALSE(write_end.is_open());
    CHECK_FALSE(is_open(fds[1]));
    CHECK(is_open(fds[0]));
  }
  CHECK_FALSE(is_open(fds[0]));
}

TEST_CASE("sizes are described as a person writes them") {
  CHECK(aa::describe_size(1024 * 1024) == "1 MiB");
  CHECK(aa::describe_size(64 * 1024) == "64 KiB");
  CHECK(aa::describe_size(1000) == "1000 bytes");
}

TEST_CASE("read_up_to stops just past the limit, and reports a failed read") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  aa::FileDescriptor in(fds[0]), out(fds[1]);
  REQUIRE(::write(out.get(), "0123456789", 10) == 10);
  out.close();
  const aa::BoundedRead bounded = aa::read_up_to(in.get(), 4);
  CHECK(bounded.over_limit);
  CHECK(bounded.text == "0123");
  CHECK(bounded.error == 0);
  const aa::BoundedRead rest = aa::read_up_to(in.get(), 100);
  CHECK_FALSE(rest.over_limit);
  CHECK(rest.text == "56789");  // only one byte past the limit was taken

  aa::test::TempDir temp;
  const aa::FileDescriptor write_only(::open(temp.write("f", "x").c_str(), O_WRONLY | O_CLOEXEC));
  CHECK(aa::read_up_to(write_only.get(), 10).error == EBADF);
}

TEST_CASE("read_up_to waits on a descriptor left non-blocking") {
  int fds[2];
  REQUIRE(::pipe2(fds, O_NONBLOCK) == 0);
  aa::FileDescriptor in(fds[0]), out(fds[1]);
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    REQUIRE(::write(out.get(), "late", 4) == 4);
    out.close();
  });
  const aa::BoundedRead read = aa::read_up_to(in.get(), 100);
  writer.join();
  CHECK(read.error == 0);
  CHECK(read.text == "late");
}

TEST_CASE("reading a regular file: the text, or nothing when there is no file") {
  aa::test::TempDir temp;
  CHECK(aa::read_regular_file(temp.write("a.toml", "text\n"), 5) == "text\n");
  CHECK_FALSE(aa::read_regular_file(temp.path() + "/missing.toml", 5));
  CHECK_FALSE(aa::read_regular_file(temp.path() + "/a.toml/below", 5));  // under a file: nothing can be
  // A symbolic link to a regular file is read.
  std::filesystem::create_symlink(temp.path() + "/a.toml", temp.path() + "/link.toml");
  CHECK(aa::read_regular_file(temp.path() + "/link.toml", 5) == "text\n");
}

TEST_CASE("reading refuses what is not a regular file, at once") {
  aa::test::TempDir temp;
  const std::string fifo = temp.path() + "/fifo.toml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(io_error([&] { aa::read_regular_file(fifo, 100); }) ==
        "cannot read " + fifo + ": it is a FIFO, not a regular file");
  CHECK(io_error([&] { aa::read_regular_file(temp.path(), 100); }) ==
        "cannot read " + temp.path() + ": it is a directory, not a regular file");
  CHECK(io_error([&] { aa::read_regular_file("/dev/zero", 100); }) ==
        "cannot read /dev/zero: it is a character device, not a regular file");
  // A link that points nowhere was put there by someone: say so.
  std::filesystem::create_symlink(temp.path() + "/gone", temp.path() + "/dangling.toml");
  CHECK(io_error([&] { aa::read_regular_file(temp.path() + "/dangling.toml", 100); }) ==
        "cannot read " + temp.path() + "/dangling.toml: No such file or directory");
}

TEST_CASE("reading stops at the limit: up front by size, and while reading for files that say they are empty") {
  aa::test::TempDir temp;
  const std::string big = temp.write("big.toml", "123456");
  CHECK(io_error([&] { aa::read_regular_file(big, 5); }) ==
        "cannot read " + big + ": it is larger than 5 bytes, the most this file may hold");
  CHECK(aa::read_regular_file(big, 6) == "123456");
  std::filesystem::resize_file(big, 1ull << 40);  // sparse
  CHECK(io_error([&] {
          aa::read_regular_file(big, 1024);
        }).ends_with("it is larger than 1 KiB, the most this file may hold"));
  // /proc files report a size of 0.
  CHECK(io_error([&] {
          aa::read_regular_file("/proc/self/maps", 16);
        }).ends_with("larger than 16 bytes, the most this file may hold"));
}

TEST_CASE("a read that fails part way is an error, never an early end of file") {
  CHECK(io_error([&] { aa::read_regular_file("/proc/self/mem", 1024); }) ==
        "cannot read /proc/self/mem: Input/output error");
}

TEST_CASE("reading in an open folder names the file as asked") {
  aa::test::TempDir temp;
  temp.write("tips.toml", "x");
  const aa::FileDescriptor folder(::open(temp.path().c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  CHECK(aa::read_regular_file_at(folder.get(), "tips.toml", 10, "shown/tips.toml") == "x");
  CHECK_FALSE(aa::read_regular_file_at(folder.get(), "faq.toml", 10, "shown/faq.toml"));
  CHECK(io_error([&] {
          aa::read_regular_file_at(folder.get(), "tips.toml", 0, "shown/tips.toml");
        }).starts_with("cannot read shown/tips.toml: "));
}

// ---- Private files ----

TEST_CASE("a private file for appending is created 0600 in folders of 0700, and locked") {
  aa::test::TempDir temp;
  const std::filesystem::path file = temp.path() + "/deeper/aa/store";
  {
    auto opened = aa::open_private_file(file, PrivateAccess::append, "save to");
    REQUIRE(opened);
    CHECK(opened->status.st_size == 0);
    CHECK(opened->name == "store");
    // The lock is held: another open file description cannot take it.
    const aa::FileDescriptor other(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    CHECK(::flock(other.get(), LOCK_EX | LOCK_NB) != 0);
    CHECK(errno == EWOULDBLOCK);
  }
  CHECK(mode_of(file) == 0600);
  CHECK(mode_of(file.parent_path()) == 0700);
  CHECK(mode_of(temp.path() + "/deeper") == 0700);
}

TEST_CASE("writing tightens folder and file every time, reading changes nothing") {
  aa::test::TempDir temp;
  const std::filesystem::path file = temp.write("aa/store", "data\n");
  // A folder others can write is refused, even for reading, and left as it is.
  ::chmod(file.parent_path().c_str(), 0777);
  ::chmod(file.c_str(), 0644);
  CHECK_THROWS_AS(aa::open_private_file(file, PrivateAccess::read, "read"), aa::Error);
  CHECK(mode_of(file.parent_path()) == 0777);
  ::chmod(file.parent_path().c_str(), 0755);
  auto read = aa::open_private_file(file, PrivateAccess::read, "read");
  REQUIRE(read);
  CHECK(mode_of(file) == 0644);
  CHECK(mode_of(file.parent_path()) == 0755);
  read.reset();
  for (PrivateAccess access : {PrivateAccess::append, PrivateAccess::replace}) {
    ::chmod(file.parent_path().c_str(), 0755);
    ::chmod(file.c_str(), 0640);
    REQUIRE(aa::open_private_file(file, access, "save to"));
    CHECK(mode_of(file) == 0600);
    CHECK(mode_of(file.parent_path()) == 0700);
  }
  CHECK(slurp(file) == "data\n");
}

TEST_CASE("reading or replacing a private file that is not there finds nothing, and creates nothing") {
  aa::test::TempDir temp;
  CHECK_FALSE(aa::open_private_file(temp.path() + "/aa/store", PrivateAccess::read, "read"));
  CHECK_FALSE(aa::open_private_file(temp.path() + "/aa/store", PrivateAccess::replace, "delete"));
  CHECK_FALSE(std::filesystem::exists(temp.path() + "/aa"));
  std::filesystem::create_directory(temp.path() + "/aa");
  CHECK_FALSE(aa::open_private_file(temp.path() + "/aa/store", PrivateAccess::read, "read"));
  CHECK_FALSE(std::filesystem::exists(temp.path() + "/aa/store"));
}

TEST_CASE("a private file is never reached through a symbolic link") {
  aa::test::TempDir temp;
  const std::string target = temp.write("target", "not yours\n");
  ::chmod(target.c_str(), 0644);
  std::filesystem::create_directory(temp.path() + "/aa");
  const std::filesystem::path file = temp.path() + "/aa/store";
  std::filesystem::create_symlink(target, file);
  for (PrivateAccess access : {PrivateAccess::read, PrivateAccess::append, PrivateAccess::replace}) {
    CHECK(io_error([&] { aa::open_private_file(file, access, "use"); }) ==
          "cannot use " + file.string() + ": it is a symbolic link, and a private file is never reached through one");
  }
  // Nor one that points nowhere: it is not created through the link.
  std::filesystem::remove(file);
  std::filesystem::create_symlink(temp.path() + "/new-target", file);
  CHECK(io_error([&] { aa::open_private_file(file, PrivateAccess::append, "use"); }).find("symbolic link") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(temp.path() + "/new-target"));
  CHECK(slurp(target) == "not yours\n");
  CHECK(mode_of(target) == 0644);

  // The folder is not followed either.
  std::filesystem::create_directory(temp.path() + "/real");
  std::filesystem::create_symlink(temp.path() + "/real", temp.path() + "/linked");
  CHECK(io_error([&] { aa::open_private_file(temp.path() + "/linked/store", PrivateAccess::append, "use"); }) ==
        "cannot use " + temp.path() + "/linked/store: " + temp.path() +
            "/linked: it is a symbolic link, and a private file is never reached through one");
  CHECK(std::filesystem::is_empty(temp.path() + "/real"));
}

TEST_CASE("a private file must be a regular file: a FIFO is refused without waiting for a writer") {
  aa::test::TempDir temp;
  std::filesystem::create_directory(temp.path() + "/aa");
  const std::string fifo = temp.path() + "/aa/store";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (PrivateAccess access : {PrivateAccess::read, PrivateAccess::append, PrivateAccess::replace}) {
    CHECK(io_error([&] { aa::open_private_file(fifo, access, "use"); }) ==
          "cannot use " + fifo + ": it is a FIFO, not a regular file");
  }
}

TEST_CASE("a private file or folder of another user is refused and left alone") {
  if (::geteuid() != 0) {
    aa::test::skip_missing("root (to give a file to another user)");
    return;
  }
  aa::test::TempDir temp;
  const std::filesystem::path file = temp.write("aa/store", "theirs\n");
  REQUIRE(::chown(file.c_str(), 65534, 65534) == 0);
  ::chmod(file.c_str(), 0644);
  for (PrivateAccess access : {PrivateAccess::read, PrivateAccess::append, PrivateAccess::replace}) {
    CHECK(io_error([&] { aa::open_private_file(file, access, "use"); }) ==
          "cannot use " + file.string() + ": " + file.string() + " belongs to another user (uid 65534), not to you");
  }
  CHECK(mode_of(file) == 0644);
  REQUIRE(::chown(file.c_str(), 0, 0) == 0);
  REQUIRE(::chown(file.parent_path().c_str(), 65534, 65534) == 0);
  ::chmod(file.parent_path().c_str(), 0755);
  CHECK(io_error([&] {
          aa::open_private_file(file, PrivateAccess::append, "use");
        }).find(file.parent_path().string() + " belongs to another user") != std::string::npos);
  CHECK(mode_of(file.parent_path()) == 0755);
  CHECK(slurp(file) == "theirs\n");
}

TEST_CASE("deleting a private file empties it first, so no hard link keeps its data") {
  aa::test::TempDir temp;
  const std::filesystem::path file = temp.write("aa/store", "secret\n");
  const std::string other = temp.path() + "/other-link";
  std::filesystem::create_hard_link(file, other);
  auto opened = aa::open_private_file(file, PrivateAccess::replace, "delete");
  REQUIRE(opened);
  aa::delete_private_file(*opened, file, "delete");
  CHECK_FALSE(std::filesystem::exists(file));
  CHECK(slurp(other).empty());
}

TEST_CASE("waiting for a lock held elsewhere is announced once, after a moment") {
  aa::test::TempDir temp;
  const std::filesystem::path file = temp.write("aa/store", "x");
  const aa::FileDescriptor holder(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  REQUIRE(::flock(holder.get(), LOCK_EX) == 0);
  std::atomic<int> notices = 0;
  std::atomic<bool> opened = false;
  std::thread waiter([&] {
    auto file_opened = aa::open_private_file(file, PrivateAccess::append, "save to", [&] { ++notices; });
    opened = file_opened.has_value();
  });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (notices == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(notices == 1);
  CHECK_FALSE(opened);
  REQUIRE(::flock(holder.get(), LOCK_UN) == 0);
  waiter.join();
  CHECK(opened);
  CHECK(notices == 1);

  // A free lock is taken without a word.
  int quiet_notices = 0;
  CHECK(aa::open_private_file(file, PrivateAccess::read, "read", [&] { ++quiet_notices; }));
  CHECK(quiet_notices == 0);
}

TEST_CASE("an append that waited while the file was deleted starts a new file") {
  aa::test::TempDir temp;
  const std::filesystem::path file = temp.write("aa/store", "old\n");
  auto deleting = aa::open_private_file(file, PrivateAccess::replace, "delete");
  REQUIRE(deleting);
  std::atomic<bool> waited = false;
  std::optional<aa::PrivateFile> appending;
  std::thread appender(
      [&] { appending = aa::open_private_file(file, PrivateAccess::append, "save to", [&] { waited = true; }); });
  while (!waited) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  aa::delete_private_file(*deleting, file, "delete");
  deleting.reset();
  appender.join();
  REQUIRE(appending);
  CHECK(appending->status.st_nlink == 1);
  CHECK(appending->status.st_size == 0);
  CHECK(std::filesystem::exists(file));
}

TEST_CASE("a private copy is written whole with mode 0600, replacing a file, never through a link") {
  aa::test::TempDir temp;
  const std::filesystem::path page = temp.path() + "/report.html";
  aa::write_private_copy(page, "first");
  CHECK(aa::test::slurp(page) == "first");
  CHECK(aa::test::mode_of(page) == 0600);
  std::filesystem::permissions(page, std::filesystem::perms(0644));
  aa::write_private_copy(page, "second");
  CHECK(aa::test::slurp(page) == "second");
  CHECK(aa::test::mode_of(page) == 0600);
  // A link, whether it points at a file or nowhere, is refused and left.
  const std::filesystem::path target = temp.path() + "/target";
  aa::test::write_private_file(target, "kept");
  const std::filesystem::path link = temp.path() + "/link.html";
  std::filesystem::create_symlink(target, link);
  CHECK_THROWS_WITH(
      aa::write_private_copy(link, "x"),
      ("cannot write " + link.string() + ": it is a symbolic link, which is never written through").c_str());
  CHECK(aa::test::slurp(target) == "kept");
  CHECK(std::filesystem::is_symlink(link));
  // A folder in the way, and a folder that is not there.
  CHECK_THROWS_WITH(aa::write_private_copy(temp.path(), "x"), doctest::Contains("cannot write"));
  std::filesystem::create_directory(temp.path() + "/folder");
  CHECK_THROWS_WITH(aa::write_private_copy(temp.path() + "/folder", "x"),
                    doctest::Contains("it is not a regular file"));
  CHECK_THROWS_WITH(aa::write_private_copy(temp.path() + "/missing/report.html", "x"),
                    ("cannot write " + temp.path() + "/missing/report.html: No such file or directory").c_str());
  // Nothing left behind but what was asked for.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(temp.path())) ++files;
  CHECK(files == 4);
}
