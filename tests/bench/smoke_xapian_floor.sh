#!/bin/bash
# ctest smoke run of bench/run_xapian_floor.sh on five articles, without Lucene (CI has no Java).
#   smoke_xapian_floor.sh REPO BUILD_DIR
set -euo pipefail
repo="$1"; build="$2"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
out=$(LUCENE_ROW=0 TELUSUR_BUILD="$build" WORK="$work" \
  "$repo/bench/run_xapian_floor.sh" "$repo/tests/data/ranking.jsonl" 1)
echo "$out"
for row in "xapian_floor, one database" "xapian_floor, two at once" "xapian_floor, no positions" \
           "telusur-index --threads 2"; do
  echo "$out" | grep -q "^| $row | [0-9]* | - | [0-9.]* | - |$" || { echo "FAIL: no row for $row"; exit 1; }
done
