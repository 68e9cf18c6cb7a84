#!/usr/bin/env bash
# The project's entry point on a Debian 12 machine. Installs the build
# dependencies that are missing (and only those), then:
#   ./dev.sh tip    builds the commands and prints today's tip
#   ./dev.sh test   builds and runs every test, then again under ASan + UBSan
set -euo pipefail
cd "$(dirname "$0")"

build_packages=(cmake ninja-build g++ pkg-config libcli11-dev libtomlplusplus-dev libfmt-dev doctest-dev
                libutf8proc-dev nlohmann-json3-dev)
# Tests also parse JSON, check man pages and drive shells.
test_packages=(python3)

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

case "${1:-}" in
  tip)
    install_missing "${build_packages[@]}"
    cmake --preset release >/dev/null
    cmake --build --preset release --target aa-tip >/dev/null
    exec build/release/tools/aa-tip --daily
    ;;
  test)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    cmake --workflow --preset release
    cmake --workflow --preset asan
    ;;
  *)
    echo "usage: ./dev.sh tip|test" >&2
    exit 2
    ;;
esac
