#!/bin/bash
# ctest smoke run of bench/peers/run_telusur.sh: a tiny corpus and three queries through the same
# runner the peer benchmark uses, checking that every file the peers' report reads is written.
#   smoke_peers_runner.sh REPO BUILD_DIR       (exit 77 = skipped: the peers harness is absent)
set -euo pipefail
repo="$1"; build="$2"
peers="$repo/../shared/peers"
[ -f "$peers/lib/common.sh" ] || { echo "skipped: no peers harness at $peers"; exit 77; }
[ -x /usr/bin/python3 ] || { echo "skipped: /usr/bin/python3 missing (scripts/install-deps.sh installs it)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'q1\tbanjir Jakarta\nq2\ttentara Korut Kursk\nharga beras\n' > "$tmp/queries.txt"
PEERS_WORK="$tmp/work" TELUSUR_BUILD="$build" TELUSUR_FACET_ROW=1 QUERY_WARMUP_MAX_S=5 QUERY_MAX_S=5 \
  "$repo/bench/peers/run_telusur.sh" "$repo/corpus/jsonl/nasional.jsonl" "$tmp/queries.txt" "$tmp/out"

fail() { echo "FAIL: $*"; exit 1; }
for f in index.json index_meta.json query.json lat.tsv run.trec; do
  [ -s "$tmp/out/$f" ] || fail "$f missing or empty"
  [ -s "$tmp/out_facets/$f" ] || fail "facets row: $f missing or empty"
done
grep -q '"rc": 0' "$tmp/out/index.json" || fail "indexing failed: $(cat "$tmp/out/index.json")"
grep -q '"docs": 6' "$tmp/out/query.json" || fail "expected the 6 articles of nasional.jsonl: $(cat "$tmp/out/query.json")"
[ "$(wc -l < "$tmp/out/lat.tsv")" -eq 3 ] || fail "expected 3 timed queries"
grep -q '^q1 Q0 nas-' "$tmp/out/run.trec" || fail "banjir Jakarta found nothing"
grep -q '"compacted_bytes": [1-9]' "$tmp/out/index_meta.json" || fail "no compacted size"
echo "ok"
