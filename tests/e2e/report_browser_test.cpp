// SPDX-License-Identifier: MIT
// aa-report's page in a real browser: Debian's chromium, headless, opens a
// report of a sample year (tests/support/report_sample.py) and shows the
// charts in its DOM, logs no console message (a blocked load or script, a
// broken policy), and draws a screenshot that is not blank. With
// AA_UPDATE_SCREENSHOT=1 the screenshot is also copied to docs/report.png,
// the picture the README shows.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "command_info.hpp"
#include "files.hpp"
#include "home.hpp"
#include "process.hpp"
#include "skip.hpp"

using aa::test::command;
using aa::test::run;
using aa::test::RunOptions;
using aa::test::RunResult;

namespace {

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::size_t count_of(const std::string& text, std::string_view part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

// Runs chromium headless on `page` with `what` (--dump-dom, --screenshot=...),
// with a profile of its own and nothing that reaches the network.
RunResult open_in_chromium(const std::string& chromium, const std::string& page, const std::string& what,
                           const aa::test::TempDir& profile) {
  RunOptions options;
  options.timeout_seconds = 120;
  return run({chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
              "--user-data-dir=" + profile.path(), "--enable-logging=stderr", "--v=0", "--window-size=1000,1400", what,
              "file://" + page},
             options);
}

// The lines of chromium's log that are the page's console: every message
// the page caused, a refused load or script included.
std::string console_lines(const std::string& log) {
  std::string lines;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (has(line, ":CONSOLE") || has(line, "Content Security Policy")) lines += line + "\n";
  }
  return lines;
}

struct Tools {
  std::string chromium = aa::test::find_program("chromium");
  std::string python = aa::test::find_program("python3");
  bool present() const {
    if (chromium.empty()) aa::test::skip_missing("chromium");
    if (python.empty()) aa::test::skip_missing("python3");
    return !chromium.empty() && !python.empty();
  }
};

// A year of sample data, and its page.
std::string sample_page(const Tools& tools, const aa::test::PrivateHome& home, const aa::test::TempDir& out) {
  const RunResult made = run({tools.python, aa::test::source_dir() + "/tests/support/report_sample.py", home.data(),
                              "--days", "365", "--end", "2026-06-30"});
  REQUIRE(made.status == 0);
  const std::string page = out.path() + "/report.html";
  const RunResult written =
      run({command("aa-report"), "--from", "2025-07-01", "--to", "2026-06-30", "-o", page}, home.options());
  CAPTURE(written.err);
  REQUIRE(written.status == 0);
  return page;
}

}  // namespace

TEST_CASE("chromium shows the report's charts and tables, and logs nothing from the page") {
  const Tools tools;
  if (!tools.present()) return;
  aa::test::PrivateHome home;
  aa::test::TempDir out, profile;
  const std::string page = sample_page(tools, home, out);
  const RunResult dom = open_in_chromium(tools.chromium, page, "--dump-dom", profile);
  CAPTURE(dom.err);
  REQUIRE(dom.status == 0);
  // The DOM chromium built: one calendar a year, the total, four signs,
  // the strength; each with its title, and three tables.
  CHECK(count_of(dom.out, "<svg ") == 8);
  CHECK(count_of(dom.out, "<title id=") == 8);
  CHECK(has(dom.out, "<title id=\"chart-total\">"));
  CHECK(has(dom.out, "<title id=\"chart-strength\">"));
  CHECK(has(dom.out, "<title id=\"calendar-2026\">"));
  CHECK(count_of(dom.out, "<table>") == 3);
  CHECK(has(dom.out, "<path class=\"line\" d=\"M"));
  CHECK(console_lines(dom.err).empty());
}

TEST_CASE("the console check sees what the page's policy refuses, so that its silence means something") {
  const Tools tools;
  if (!tools.present()) return;
  aa::test::TempDir out, profile;
  const std::string page =
      out.write("refused.html",
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" "
                "content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>x</title></head><body><p>x</p>"
                "<script>document.title = 'ran'</script></body></html>\n");
  const RunResult dom = open_in_chromium(tools.chromium, page, "--dump-dom", profile);
  REQUIRE(dom.status == 0);
  CHECK(has(console_lines(dom.err), "Content Security Policy"));
  CHECK(has(dom.out, "<title>x</title>"));
}

TEST_CASE("chromium's screenshot of the report is not blank") {
  const Tools tools;
  if (!tools.present()) return;
  aa::test::PrivateHome home;
  aa::test::TempDir out, profile;
  const std::string page = sample_page(tools, home, out);
  const std::string png = out.path() + "/report.png";
  const RunResult shot = open_in_chromium(tools.chromium, page, "--screenshot=" + png, profile);
  CAPTURE(shot.err);
  REQUIRE(shot.status == 0);
  REQUIRE(std::filesystem::exists(png));
  const RunResult pixels = run({tools.python, aa::test::source_dir() + "/tests/support/png_pixels.py", png});
  CAPTURE(pixels.err);
  REQUIRE(pixels.status == 0);
  std::istringstream counts(pixels.out);
  std::size_t width = 0, height = 0, colours = 0, marked = 0;
  counts >> width >> height >> colours >> marked;
  CHECK(width == 1000);
  CHECK(height == 1400);
  // Text, the calendar's four shades and the lines: many colours, and a
  // good part of the window drawn on (a blank page has one colour, and
  // an error page a few words).
  CHECK(colours >= 20);
  CHECK(marked >= width * height / 20);
  if (const char* update = std::getenv("AA_UPDATE_SCREENSHOT"); update != nullptr && *update != '\0') {
    std::filesystem::copy_file(png, aa::test::source_dir() + "/docs/report.png",
                               std::filesystem::copy_options::overwrite_existing);
  }
}
