// SPDX-License-Identifier: MIT
#include "aa/core/xdg.hpp"

#include <doctest/doctest.h>

using aa::xdg_base_dir;

TEST_CASE("an absolute XDG variable wins") {
  CHECK(xdg_base_dir("/data", "/home/me", ".local/share") == std::filesystem::path("/data"));
}

TEST_CASE("an unset, empty or relative XDG variable falls back to the home directory") {
  CHECK(xdg_base_dir(std::nullopt, "/home/me", ".local/share") == std::filesystem::path("/home/me/.local/share"));
  CHECK(xdg_base_dir("", "/home/me", ".config") == std::filesystem::path("/home/me/.config"));
  CHECK(xdg_base_dir("relative/dir", "/home/me", ".config") == std::filesystem::path("/home/me/.config"));
}

TEST_CASE("no usable variable and no home: nowhere") {
  CHECK_FALSE(xdg_base_dir(std::nullopt, std::nullopt, ".local/share"));
  CHECK_FALSE(xdg_base_dir("", "", ".local/share"));
  CHECK_FALSE(xdg_base_dir("relative", std::nullopt, ".local/share"));
}

TEST_CASE("a relative home is ignored too: it would depend on the working directory") {
  CHECK_FALSE(xdg_base_dir(std::nullopt, "relative-home", ".local/share"));
  CHECK_FALSE(xdg_base_dir("relative", "relative-home", ".config"));
  CHECK(xdg_base_dir("/data", "relative-home", ".local/share") == std::filesystem::path("/data"));
}
