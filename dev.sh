#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The project's entry point on a Debian 12 machine. Installs the build
# dependencies that are missing (and only those), then:
#   ./dev.sh tip    builds the commands and prints today's tip
#   ./dev.sh test   builds and runs every test, then again under ASan + UBSan
#                  (clang; that build holds the fuzz targets too)
#   ./dev.sh bench [BEFORE-DIR]  builds and checks the budgets of bench/README.md (BEFORE-DIR:
#                  another build's commands, measured side by side)
#   ./dev.sh fuzz [SECONDS]  builds the libFuzzer targets and runs each
#   ./dev.sh format        formats every C++ file with clang-format
#   ./dev.sh format-check  fails, naming the files, if any is not formatted
set -euo pipefail
cd "$(dirname "$0")"
# ninja builds on every core; ctest runs tests on every core too.
export CTEST_PARALLEL_LEVEL=${CTEST_PARALLEL_LEVEL:-$(nproc)}

build_packages=(cmake ninja-build g++ pkg-config libcli11-dev libtomlplusplus-dev libfmt-dev doctest-dev
                libutf8proc-dev nlohmann-json3-dev libsodium-dev)
# The sanitizer build (asan preset) is clang's: it holds the fuzz targets too.
sanitizer_packages=(clang libclang-rt-14-dev)
# Tests also parse JSON, check man pages and drive shells.
test_packages=(python3 fortune-mod valgrind)
# Debian's age, which must open our encrypted stores and write ones we open.
test_packages+=(age)
# The man page, shell completion and Debian package tests.
test_packages+=(groff-base bash-completion zsh fish dpkg-dev file)
# aa-report's page, opened in a real browser.
test_packages+=(chromium)
bench_packages=(hyperfine python3 time)
format_packages=(clang-format git)

# One line on stderr for each step that may take a while.
step() {
  echo "dev.sh: $*" >&2
}

install_missing() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "dev.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Runs a command silently, showing its output only if it fails.
quietly() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

# Every C++ file of the project, as git knows them.
cpp_files() {
  git ls-files -- '*.cpp' '*.hpp'
}

build_aa_tip() {
  step "configuring the release build in build/release"
  quietly cmake --preset release
  step "building aa-tip (a few minutes the first time)"
  quietly cmake --build --preset release --target aa-tip
}

case "${1:-}" in
  tip)
    step "checking the build dependencies"
    install_missing "${build_packages[@]}"
    build_aa_tip
    exec build/release/commands/aa-tip --daily
    ;;
  test)
    install_missing "${build_packages[@]}" "${sanitizer_packages[@]}" "${test_packages[@]}"
    cmake --workflow --preset release
    cmake --workflow --preset asan
    ;;
  bench)
    install_missing "${build_packages[@]}" "${bench_packages[@]}"
    step "configuring and building the release commands"
    quietly cmake --preset release
    quietly cmake --build --preset release
    exec bench/run build/release/commands "${2:-}"
    ;;
  fuzz)
    install_missing "${build_packages[@]}" "${sanitizer_packages[@]}"
    exec fuzz/run "${2:-60}"
    ;;
  format)
    install_missing "${format_packages[@]}"
    cpp_files | xargs clang-format -i
    ;;
  format-check)
    install_missing "${format_packages[@]}"
    cpp_files | xargs clang-format --dry-run --Werror
    ;;
  *)
    echo "usage: ./dev.sh tip|test|bench|fuzz [SECONDS]|format|format-check" >&2
    exit 2
    ;;
esac
