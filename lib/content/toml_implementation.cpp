// SPDX-License-Identifier: MIT
// toml++'s parser, compiled once for the whole project: every other file
// includes only its declarations (TOML_HEADER_ONLY=0, cmake/tomlplusplus.cmake).
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
