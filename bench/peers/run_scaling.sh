#!/bin/bash
# telusur alone on corpora of growing size: how indexing time, index size, memory and query
# latency grow. Each corpus needs its queries beside it (gen_queries.py writes CORPUS's
# QUERIES and QUERIES.qrels; here: CORPUS with .jsonl replaced by .queries.txt).
#
#   bench/peers/run_scaling.sh syn-10k.jsonl syn-100k.jsonl syn-1m.jsonl
#
# Results: $SCALING_RESULTS (default /tmp/telusur-peers/scaling)/<corpus>/ and one table on stdout.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
out="${SCALING_RESULTS:-/tmp/telusur-peers/scaling}"
mkdir -p "$out"  # its logs go beside it
summaries=()
for corpus in "$@"; do
  corpus="$(readlink -f "$corpus")"
  queries="${corpus%.jsonl}.queries.txt"
  [ -f "$queries" ] || { echo "missing $queries (gen_queries.py)" >&2; exit 2; }
  name="$(basename "$corpus" .jsonl)"
  rm -rf "${out:?}/$name"
  PEERS="" RESULTS="$out/$name" "$REPO/bench/peers/run_peers.sh" "$corpus" "$queries" > "$out.$name.log" 2>&1 ||
    { echo "$name failed: see $out.$name.log" >&2; exit 1; }
  summaries+=("$out/$name/summary.json")
done
/usr/bin/python3 - "${summaries[@]}" <<'PY'
import json, sys
print("| corpus | docs | index s | docs/s | s per 1k docs | index MiB | compacted MiB | peak RSS MiB | p50 ms | p99 ms | p99 ms, 2 facets |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for path in sys.argv[1:]:
    s = json.load(open(path))
    rows = {r["peer"]: r for r in s["rows"]}
    t, snip = rows["telusur"], rows.get("telusur_facets", {})
    name = s["corpus"].rsplit("/", 1)[-1]
    f = lambda v, nd=1: "-" if v is None else ("%." + str(nd) + "f") % v
    # A run stopped before its query pass (or timed out) has no document count: print dashes.
    docs, secs = t.get("docs"), t.get("index_s")
    per_1k = 1000 * secs / docs if docs and secs else None
    print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
        name, f(docs, 0), f(secs), f(t.get("docs_per_s"), 0), f(per_1k, 2),
        f(t.get("index_mib")), f(t.get("compacted_mib")), f(t.get("peak_rss_mib")), f(t.get("p50_ms"), 2),
        f(t.get("p99_ms"), 2), f(snip.get("p99_ms"), 2)))
PY
