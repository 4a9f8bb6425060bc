#!/bin/bash
# All peers of ../shared/peers and telusur on one corpus, in one run, in one table.
#
#   bench/peers/run_peers.sh CORPUS.jsonl QUERIES.txt [QRELS]
#
# Runs ../shared/peers/run_all.sh for $PEERS (default: every peer it knows), then
# bench/peers/run_telusur.sh into the same result folder, then the peers' report.py over all of
# them. The shared folder is read-only, so its build and results go elsewhere:
#   RESULTS      default /tmp/telusur-peers/results/<corpus name>
#   PEERS_BUILD  default /tmp/telusur-peers/build
# Set PEERS="" to run telusur alone (plus whatever result folders RESULTS already holds).
set -uo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
PEERS_DIR="${PEERS_DIR:-$REPO/../shared/peers}"
if [ $# -lt 2 ]; then sed -n '2,12p' "$0"; exit 2; fi
CORPUS="$(readlink -f "$1")"; QUERIES="$(readlink -f "$2")"; QRELS="${3:-}"
[ -z "$QRELS" ] && [ -f "$QUERIES.qrels" ] && QRELS="$QUERIES.qrels"
name="$(basename "$CORPUS" .jsonl)"
[ "$name" = docs ] && name="$(basename "$(dirname "$CORPUS")")"
export RESULTS="${RESULTS:-/tmp/telusur-peers/results/$name}"
export PEERS_BUILD="${PEERS_BUILD:-/tmp/telusur-peers/build}"
mkdir -p "$RESULTS" "$PEERS_BUILD"
PEERS="${PEERS-ref xapian lucene lucene_text postgres fts5 sphinx}"

if [ -n "$PEERS" ]; then
  PEERS="$PEERS" "$PEERS_DIR/run_all.sh" "$CORPUS" "$QUERIES" ${QRELS:+"$QRELS"} > "$RESULTS/peers.log" 2>&1
  echo "peers done (log: $RESULTS/peers.log)"
fi
echo "== telusur ($(date +%T))"
rm -rf "$RESULTS/telusur" "$RESULTS/telusur_snippets" "$RESULTS/telusur_facets"
t0=$(date +%s)
TELUSUR_FACET_ROW="${TELUSUR_FACET_ROW:-1}" timeout --kill-after=30 "${PEER_TIMEOUT_S:-1200}" \
  "$REPO/bench/peers/run_telusur.sh" "$CORPUS" "$QUERIES" "$RESULTS/telusur" > "$RESULTS/telusur.log" 2>&1
rc=$?
echo "   rc=$rc, $(( $(date +%s) - t0 )) s (log: $RESULTS/telusur.log)"
[ $rc -ne 0 ] && tail -5 "$RESULTS/telusur.log" | sed 's/^/   | /'
echo
"${PEERS_PY:-/usr/bin/python3}" "$PEERS_DIR/lib/report.py" "$RESULTS" "$CORPUS" ${QRELS:+--qrels "$QRELS"}
