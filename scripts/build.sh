#!/usr/bin/env bash
# Configures (first time) and builds telusur incrementally.
#   scripts/build.sh                 Release build in build/ (binaries in build/bin/)
#   BUILD_DIR=build-asan scripts/build.sh -DTELUSUR_SANITIZE=ON    extra args go to cmake
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "$@" >/dev/null
cmake --build "$build_dir" -j"${JOBS:-2}"
