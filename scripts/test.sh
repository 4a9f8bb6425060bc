#!/usr/bin/env bash
# One command for developers and CI: install what is missing, build, run every test with ctest,
# then build again with AddressSanitizer + UBSan and run every test under them.
#   TELUSUR_SKIP_SANITIZE=1 scripts/test.sh    skips the sanitizer pass (quicker local loop)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j"${JOBS:-2}"
if [ "${TELUSUR_SKIP_SANITIZE:-0}" != 1 ]; then
  BUILD_DIR=build-asan BUILD_TYPE=Debug scripts/build.sh -DTELUSUR_SANITIZE=ON
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j"${JOBS:-2}"
fi
