// SPDX-License-Identifier: MIT
#include "aa/cli/terminal.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "aa/cli/output.hpp"

using aa::ColorChoice;
using aa::Terminal;

TEST_CASE("colour: always, never, and auto only on a terminal without NO_COLOR or TERM=dumb") {
  Terminal pipe;
  Terminal tty;
  tty.stdout_is_tty = true;
  CHECK(aa::use_color(ColorChoice::always, pipe));
  CHECK_FALSE(aa::use_color(ColorChoice::never, tty));
  CHECK_FALSE(aa::use_color(ColorChoice::automatic, pipe));
  CHECK(aa::use_color(ColorChoice::automatic, tty));
  Terminal no_color = tty;
  no_color.no_color.emplace("1");
  CHECK_FALSE(aa::use_color(ColorChoice::automatic, no_color));
  no_color.no_color.emplace("");  // empty means unset
  CHECK(aa::use_color(ColorChoice::automatic, no_color));
  Terminal dumb = tty;
  dumb.term.emplace("dumb");
  CHECK_FALSE(aa::use_color(ColorChoice::automatic, dumb));
  CHECK(aa::parse_color_choice("auto") == ColorChoice::automatic);
  CHECK_FALSE(aa::parse_color_choice("sometimes").has_value());
}

TEST_CASE("width: asked, else COLUMNS, else the terminal, capped at 100, none in a pipe") {
  Terminal pipe;
  pipe.columns_env.emplace("60");
  CHECK(aa::choose_width(std::nullopt, pipe) == 0);
  CHECK(aa::choose_width(40, pipe) == 40);
  Terminal tty;
  tty.stdout_is_tty = true;
  tty.columns = 72;
  CHECK(aa::choose_width(std::nullopt, tty) == 72);
  tty.columns = 200;
  CHECK(aa::choose_width(std::nullopt, tty) == 100);
  CHECK(aa::choose_width(150, tty) == 150);
  tty.columns_env.emplace("50");
  CHECK(aa::choose_width(std::nullopt, tty) == 50);
  for (const char* odd : {"0", "abc", "-5", "", "100000000000000000000000"}) {
    tty.columns_env.emplace(odd);
    tty.columns = 90;
    CHECK(aa::choose_width(std::nullopt, tty) == 90);
  }
  tty.columns_env.emplace("100000");
  CHECK(aa::choose_width(std::nullopt, tty) == 100);
  tty.columns_env.reset();
  tty.columns = 0;  // size unknown
  CHECK(aa::choose_width(std::nullopt, tty) == aa::fallback_width);
}

TEST_CASE("the pager: only on a terminal, only when taller than the screen, PAGER wins") {
  const std::string tall(30, '\n');
  Terminal tty;
  tty.stdout_is_tty = true;
  tty.rows = 24;
  tty.term.emplace("xterm-256color");
  CHECK(aa::pager_for(tall, tty, true) == "less -FRX");
  CHECK(aa::pager_for("short\n", tty, true).empty());
  CHECK(aa::pager_for(tall, tty, false).empty());
  tty.pager.emplace("more");
  CHECK(aa::pager_for(tall, tty, true) == "more");
  Terminal pipe;
  pipe.rows = 24;
  CHECK(aa::pager_for(tall, pipe, true).empty());
  Terminal pipe_with_term = pipe;
  pipe_with_term.term.emplace("xterm");
  CHECK(aa::pager_for(tall, pipe_with_term, true).empty());
}

TEST_CASE("the pager: never when TERM is dumb, empty or unset") {
  const std::string tall(30, '\n');
  Terminal tty;
  tty.stdout_is_tty = true;
  tty.rows = 24;
  tty.pager.emplace("more");
  CHECK(aa::pager_for(tall, tty, true).empty());
  for (const char* term : {"dumb", ""}) {
    tty.term.emplace(term);
    CHECK(aa::pager_for(tall, tty, true).empty());
  }
  tty.term.emplace("xterm");
  CHECK(aa::pager_for(tall, tty, true) == "more");
}

TEST_CASE("a UTF-8 locale: its codeset says so, in any spelling, and C, POSIX, none and others are not") {
  const auto utf8 = [](std::optional<std::string> locale) {
    aa::Terminal terminal;
    terminal.locale = std::move(locale);
    return aa::utf8_locale(terminal);
  };
  CHECK(utf8("en_GB.UTF-8"));
  CHECK(utf8("C.utf8"));
  CHECK(utf8("de_DE.UTF8@euro"));
  CHECK_FALSE(utf8("C"));
  CHECK_FALSE(utf8("POSIX"));
  CHECK_FALSE(utf8("en_US.ISO-8859-1"));
  CHECK_FALSE(utf8("en_US"));
  CHECK_FALSE(utf8(std::nullopt));
}
