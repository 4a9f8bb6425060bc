#!/bin/bash
# ctest smoke run of bench/run_parallel_index.sh on corpus/, one run per thread count.
#   smoke_parallel_index.sh REPO BUILD_DIR
set -euo pipefail
repo="$1"; build="$2"
out=$(TELUSUR_BENCH_CORPUS="$repo/corpus" "$repo/bench/run_parallel_index.sh" "$build" 2 1)
echo "$out"
echo "$out" | grep -q '^| 1 | [0-9.]* | 1.00 |$' || { echo "FAIL: no row for --threads 1"; exit 1; }
echo "$out" | grep -q '^| 2 | [0-9.]* | [0-9.]* |$' || { echo "FAIL: no row for --threads 2"; exit 1; }
