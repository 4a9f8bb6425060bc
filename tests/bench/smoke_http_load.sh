#!/bin/bash
# ctest smoke run of bench/run_http_load.sh on corpus/: a few requests, result cache off and on.
#   smoke_http_load.sh REPO BUILD_DIR
set -euo pipefail
repo="$1"; build="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
out=$(TELUSUR_BUILD="$build" TELUSUR_BENCH_WORK="$work" TELUSUR_BENCH_RUNS=2 "$repo/bench/run_http_load.sh" 5 --smoke)
echo "$out"
[ "$(echo "$out" | grep -c '^| 4 | 20 | 0 | ')" = 4 ] || { echo "FAIL: want two error-free 4-client rows with the cache off and on"; exit 1; }
[ "$(echo "$out" | grep -cE '^- 4: [0-9.]+ req/s, p50 [0-9.]+, p99 [0-9.]+ ms, server CPU [0-9.]+ ms/request$')" = 2 ] ||
  { echo "FAIL: want the medians of the 4-client runs with the cache off and on"; exit 1; }
echo "$out" | grep -q 'Result cache off' || { echo "FAIL: no cache-off run"; exit 1; }
