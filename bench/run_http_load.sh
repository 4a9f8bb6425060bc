#!/usr/bin/env bash
# HTTP load benchmark: indexes ../shared/corpus-data, serves it on 127.0.0.1, and runs a bounded
# closed-loop load at 1, 8 and 32 clients. Prints a markdown table (requests/s, p50/p99 ms).
#   bench/run_http_load.sh [REQUESTS_PER_CLIENT] [--smoke]
# --smoke indexes corpus/ instead and sends a few requests: ctest runs it so the script keeps working.
set -euo pipefail
cd "$(dirname "$0")/.."
per_client=${1:-200}
smoke=${2:-}
work=${TELUSUR_BENCH_WORK:-/tmp/telusur-bench}
mkdir -p "$work"
cmake --build build -j2 --target http_load telusur-index telusur-query >/dev/null

if [ "$smoke" = --smoke ]; then
  db=$work/smoke.db; rm -rf "$db"
  build/bin/telusur-index -q --db "$db" corpus/
  clients_list="1 4"
else
  db=$work/corpus-data.db
  [ -d "$db" ] || build/bin/telusur-index --db "$db" ../shared/corpus-data/
  clients_list="1 8 32"
fi

# 2-4 word queries: the first words of article titles, plus the demo queries.
queries=$work/queries.txt
{ cut -f1 corpus/demo-queries.tsv
  if [ -z "$smoke" ]; then
    python3 -c 'import json,sys
for i,l in enumerate(open(sys.argv[1])):
    if i % 20: continue
    t=json.loads(l).get("title") or ""
    w=[x for x in t.split() if x.isalpha() and len(x)>3][:3]
    if len(w)>=2: print(" ".join(w))' ../shared/corpus-data/indonews-2025/docs.jsonl
  fi; } > "$queries"

log=$work/server.log
build/bin/telusur-query --db "$db" --serve 127.0.0.1:0 --threads 8 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q 'http://' "$log" && break; sleep 0.1; done
port=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 | sed 's/.*://')

echo "| clients | requests | errors | requests/s | p50 ms | p99 ms |"
echo "|---:|---:|---:|---:|---:|---:|"
for c in $clients_list; do build/bin/http_load "$port" "$queries" "$c" "$per_client"; done
kill -TERM $server; wait $server
