#!/usr/bin/env bash
# HTTP load benchmark: indexes the 11,854 articles of ../shared/corpus-data (its docs.jsonl files),
# serves them on 127.0.0.1, and runs a bounded closed-loop load at 1, 8 and 32 clients, first with
# the result cache off (every request searched: the headline), then with it on. Each measured run
# follows a warm-up at the same number of clients (WARMUP requests per client, not counted; the
# first 40 ms of a new server or a new set of connections are several times slower than what
# follows, bench/results/http-load.md). Prints markdown tables (requests/s, p50/p99 ms) and the
# load average, since the machine may be shared.
#   bench/run_http_load.sh [REQUESTS_PER_CLIENT] [--smoke]
# --smoke indexes corpus/ instead and sends a few requests: a quick check that the script works.
# Environment: TELUSUR_BUILD (build folder, default build), TELUSUR_BENCH_WORK (default
# /tmp/telusur-bench), TELUSUR_BENCH_CACHE (cache sizes to run, default "0 1024"),
# TELUSUR_BENCH_THREADS (--threads; default: the server's own, one search per core),
# TELUSUR_BENCH_WARMUP (warm-up requests per client, default 20; 0 = none), TELUSUR_BENCH_RUNS
# (measured runs per client count, default 3; the medians are printed after each table).
set -euo pipefail
cd "$(dirname "$0")/.."
per_client=${1:-200}
smoke=${2:-}
work=${TELUSUR_BENCH_WORK:-/tmp/telusur-bench}
build=${TELUSUR_BUILD:-build}
cache_sizes=${TELUSUR_BENCH_CACHE:-0 1024}
warmup=${TELUSUR_BENCH_WARMUP:-20}
runs=${TELUSUR_BENCH_RUNS:-3}
threads=()
[ -n "${TELUSUR_BENCH_THREADS:-}" ] && threads=(--threads "$TELUSUR_BENCH_THREADS")
mkdir -p "$work"
cmake --build "$build" -j2 --target http_load telusur-index telusur-query >/dev/null

if [ "$smoke" = --smoke ]; then
  db=$work/smoke.db; rm -rf "$db"
  "$build"/bin/telusur-index -q --db "$db" corpus/
  clients_list="1 4"
else
  # Only the articles: the folder also holds README.md files and a 466 KB qrels list, which a
  # folder walk would index as one giant "article" that many queries hit.
  db=$work/articles.db
  # Always run: quick when the articles are unchanged, and it rebuilds a database left by a
  # build with another stemmer, which the server would refuse.
  "$build"/bin/telusur-index -q --db "$db" ../shared/corpus-data/*/docs.jsonl
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
server=
server_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# The median of column $1 of stdin's lines.
median() { awk -v k="$1" '{print $k}' | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
trap '[ -n "$server" ] && kill $server 2>/dev/null || true' EXIT
for cache in $cache_sizes; do
  "$build"/bin/telusur-query --db "$db" --serve 127.0.0.1:0 "${threads[@]}" --cache-size "$cache" 2>"$log" &
  server=$!
  for _ in $(seq 100); do grep -q 'http://' "$log" && break; sleep 0.1; done
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 | sed 's/.*://')

  echo
  if [ "$cache" = 0 ]; then echo "Result cache off (--cache-size 0): every request is searched."
  else echo "Result cache on (--cache-size $cache): the $(wc -l <"$queries") queries repeat, so most requests are hits."; fi
  echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| clients | requests | errors | requests/s | p50 ms | p99 ms |"
  echo "|---:|---:|---:|---:|---:|---:|"
  medians=()
  for c in $clients_list; do
    rows=$(mktemp)
    for _ in $(seq "$runs"); do
      # With the cache on, a warm-up would fill it: the cold-cache figures are measured as they are.
      if [ "$warmup" -gt 0 ] && [ "$cache" = 0 ]; then
        "$build"/bin/http_load "$port" "$queries" "$c" "$warmup" >/dev/null
      fi
      before=$(server_ticks)
      row=$("$build"/bin/http_load "$port" "$queries" "$c" "$per_client")
      echo "$row"
      cpu=$(awk -v t="$(( $(server_ticks) - before ))" -v hz="$(getconf CLK_TCK)" -v n="$(( c * per_client ))" \
        'BEGIN {printf "%.3f", t * 1000 / hz / n}')
      echo "$row" | awk -F'|' -v cpu="$cpu" '{gsub(/ /, ""); print $5, $6, $7, cpu}' >>"$rows"
    done
    medians+=("$c: $(median 1 <"$rows") req/s, p50 $(median 2 <"$rows"), p99 $(median 3 <"$rows") ms, server CPU $(median 4 <"$rows") ms/request")
    rm -f "$rows"
  done
  echo
  # One slow spell of a shared VM (tens of ms at half speed) moves a run's p99 by several ms;
  # the median of runs is the figure to compare. CPU time is far less sensitive to the load.
  echo "Medians of $runs runs, by clients (server CPU = utime + stime per request):"
  for m in "${medians[@]}"; do echo "- $m"; done
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill -TERM $server; wait $server; server=
done
