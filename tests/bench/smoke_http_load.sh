#!/bin/bash
# ctest smoke run of bench/run_http_load.sh on corpus/: a few requests, result cache off and on.
#   smoke_http_load.sh REPO BUILD_DIR
set -euo pipefail
repo="$1"; build="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
out=$(TELUSUR_BUILD="$build" TELUSUR_BENCH_WORK="$work" "$repo/bench/run_http_load.sh" 5 --smoke)
echo "$out"
[ "$(echo "$out" | grep -c '^| 4 | 20 | 0 | ')" = 2 ] || { echo "FAIL: want an error-free 4-client row with the cache off and on"; exit 1; }
echo "$out" | grep -q 'Result cache off' || { echo "FAIL: no cache-off run"; exit 1; }
