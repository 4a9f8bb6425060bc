#!/bin/sh
# Times telusur-index on ../shared/corpus-data/ with --threads 1 and --threads N (fresh database
# each run) and prints the median of RUNS runs of each as a markdown table.
# Usage: bench/run_parallel_index.sh [BUILD_DIR] [N] [RUNS]
# TELUSUR_BENCH_CORPUS overrides the input (ctest's smoke run uses corpus/).
set -eu
build=${1:-build-par}
threads=${2:-2}
runs=${3:-3}
corpus=${TELUSUR_BENCH_CORPUS:-$(dirname "$0")/../../shared/corpus-data/}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

time_runs() {
    for run in $(seq "$runs"); do
        rm -rf "$tmp/db"
        start=$(date +%s.%N)
        "$build/bin/telusur-index" --threads "$1" --db "$tmp/db" "$corpus" 2>"$tmp/err" || [ $? -eq 1 ]
        end=$(date +%s.%N)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }'
        tail -n 1 "$tmp/err" >&2
    done
}

t1=$(time_runs 1 | median)
tn=$(time_runs "$threads" | median)
echo "| --threads | median wall s ($runs runs) | speed-up |"
echo "|---|---|---|"
echo "| 1 | $t1 | 1.00 |"
echo "| $threads | $tn | $(awk -v a="$t1" -v b="$tn" 'BEGIN { printf "%.2f", a / b }') |"
