#!/bin/bash
# telusur as one more peer of ../shared/peers: same arguments and output files as its run_*.sh.
#
#   bench/peers/run_telusur.sh CORPUS.jsonl QUERIES.txt OUT_DIR
#
# Indexing (timed, with measure.py: wall s, peak RSS): telusur-index --threads $TELUSUR_THREADS
# (default: cores) on the JSONL, everything on (positions, stems, title field, entities, dates,
# MinHash signatures, stored article for snippets); above 50,000 articles the build is written in
# segments and merged at the end, so its time includes the merge and its size is compacted
# already. Then, not timed, telusur-index --compact, whose time and size go to index_meta.json
# as for xapian. Querying: build/bin/peer_query on the
# compacted index, the same Searcher as telusur-query, top $TOPK ids without snippets.
# With TELUSUR_FACET_ROW=1 a second pass that also counts two facets (person, place) over the
# whole match set goes to OUT_DIR_facets (a row "telusur_facets" in the table).
#
# env: TELUSUR_BUILD (build folder, default <repo>/build), TELUSUR_THREADS, PEERS_DIR (default
# <repo>/../shared/peers), plus the peers' own INDEX_TIMEOUT_S, QUERY_*_MAX_S, TOPK, PEERS_WORK.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
PEERS_DIR="${PEERS_DIR:-$REPO/../shared/peers}"
source "$PEERS_DIR/lib/common.sh"
peer_args "$@"
BIN="${TELUSUR_BUILD:-$REPO/build}/bin"
THREADS="${TELUSUR_THREADS:-$(nproc)}"
for tool in telusur-index peer_query; do
  [ -x "$BIN/$tool" ] || { echo "missing $BIN/$tool: build first (cmake --build build)" >&2; exit 2; }
done
DB="$WORK/telusur.db"
rm -rf "$DB"

# Exit status 1 means some records were reported and skipped: the index is complete otherwise.
$MEASURE "$OUT/index.json" --timeout "$INDEX_TIMEOUT_S" -- \
  "'$BIN/telusur-index' --db '$DB' --threads $THREADS '$CORPUS' > '$OUT/index.log' 2>&1 || [ \$? -eq 1 ]"
BYTES="$(dir_bytes "$DB")"
t0=$(date +%s.%N)
"$BIN/telusur-index" --db "$DB" --compact >> "$OUT/index.log" 2>&1
CS=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')
write_json "$OUT/index_meta.json" index_bytes "$BYTES" compacted_bytes "$(dir_bytes "$DB")" compact_s "$CS" \
  threads "$THREADS" \
  stores "id,title,date,url,source,entities and the body (for snippets) in document data; positions; queried after compaction"

query_pass() {  # OUT_DIR TAG [peer_query options]
  local out="$1" tag="$2"; shift 2
  $MEASURE "$out/query_measure.json" -- \
    "'$BIN/peer_query' '$DB' '$QUERIES' '$out/run.trec' '$out/lat.tsv' $tag --k $TOPK --warmup-max-s $QUERY_WARMUP_MAX_S --max-s $QUERY_MAX_S $* > '$out/query.json'"
  cat "$out/query.json"
}
query_pass "$OUT" telusur
if [ "${TELUSUR_FACET_ROW:-0}" = 1 ]; then
  FACETS="${OUT}_facets"
  rm -rf "$FACETS"; mkdir -p "$FACETS"
  cp "$OUT/index.json" "$OUT/index_meta.json" "$FACETS/"
  query_pass "$FACETS" telusur_facets --facets person,place
fi
