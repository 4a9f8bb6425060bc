#!/bin/bash
# Lucene, Xapian's own ceiling (xapian_floor) and telusur-index on one corpus, interleaved.
#
#   bench/run_xapian_floor.sh CORPUS.jsonl [ROUNDS]      (default 3 rounds)
#
# Each round runs, one after another: Lucene 4.10's peer indexer (../shared/peers/lucene), then
# xapian_floor writing the same content in one database, in two at once (two cores), and without
# positions, then telusur-index --threads 2 (TELUSUR_ROW=0 leaves it out; it is the slow one).
# Prints one line per run and a table of medians with each row's docs/s and compacted size as a
# ratio of Lucene's in the same run. Environment: TELUSUR_BUILD (default build), WORK (default
# /tmp/xapian-floor), PEERS_BUILD (where LuceneBench is compiled, default $WORK/peers-build),
# LUCENE_ROW=0 (no Lucene, no ratios: for machines without ../shared/peers/install.sh's Java).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -lt 1 ]; then sed -n '2,11p' "$0"; exit 2; fi
CORPUS="$(readlink -f "$1")"; ROUNDS="${2:-3}"
BUILD="$(readlink -f "${TELUSUR_BUILD:-$REPO/build}")"
WORK="${WORK:-/tmp/xapian-floor}"
PEERS_BUILD="${PEERS_BUILD:-$WORK/peers-build}"
mkdir -p "$WORK" "$PEERS_BUILD"
cmake --build "$BUILD" --target xapian_floor telusur-index -j2 > /dev/null
LUCENE_ROW="${LUCENE_ROW:-1}"
if [ "$LUCENE_ROW" = 1 ]; then
  make -s -C "$REPO/../shared/peers" BUILD="$PEERS_BUILD" "$PEERS_BUILD/lucene/LuceneBench.class" 2> /dev/null
  CP="$PEERS_BUILD/lucene:$(ls /usr/share/java/lucene-core-4.10*.jar /usr/share/java/lucene-analyzers-common-4.10*.jar \
    /usr/share/java/lucene-queryparser-4.10*.jar | tr '\n' ':')"
fi
STOPWORDS="$REPO/stemmer-data/stopwords.txt"
DOCS=$(grep -c '' "$CORPUS")
cat "$CORPUS" > /dev/null   # into the page cache before the first run
LOG="$WORK/runs.tsv"; : > "$LOG"

wall_of() {  # runs a command, prints its wall seconds
  local start; start=$(date +%s.%N)
  "$@" > "$WORK/out" 2> "$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
  awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }'
}
bytes_of() { du -sb "$1" | cut -f1; }
rate_of() { awk -v docs="$DOCS" -v wall="$1" 'BEGIN { printf "%.0f", docs / wall }'; }  # docs/s of a wall time
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" | tee -a "$LOG"; }  # round, row, docs/s, bytes

echo "corpus $CORPUS ($DOCS docs), $ROUNDS rounds, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'round\trow\tdocs/s\tcompacted bytes\n'
for round in $(seq "$ROUNDS"); do
  if [ "$LUCENE_ROW" = 1 ]; then
    rm -rf "$WORK/lucene.idx"
    wall=$(wall_of java -cp "$CP" LuceneBench index "$CORPUS" "$WORK/lucene.idx" --ram-mb 16)
    record "$round" lucene "$(rate_of "$wall")" "$(bytes_of "$WORK/lucene.idx")"
  fi
  for variant in "one database:" "two at once:--shards 2" "no positions:--no-positions"; do
    name="xapian_floor, ${variant%%:*}"
    # shellcheck disable=SC2086  # the variant's flags are words
    line=$("$BUILD/bin/xapian_floor" "$CORPUS" "$WORK/floor.db" --stopwords "$STOPWORDS" ${variant#*:})
    # write + merge docs/s for two databases (the merge is part of their cost), write docs/s otherwise
    rate=$(echo "$line" | awk -F'\t' -v two="${variant#*:}" '{print (two ~ /shards/) ? $7 : $5}')
    record "$round" "$name" "$rate" "$(echo "$line" | cut -f9)"
  done
  if [ "${TELUSUR_ROW:-1}" = 1 ]; then
    rm -rf "$WORK/telusur.db"
    wall=$(wall_of "$BUILD/bin/telusur-index" -q --threads 2 --db "$WORK/telusur.db" "$CORPUS")
    "$BUILD/bin/telusur-index" -q --compact --db "$WORK/telusur.db" > /dev/null
    record "$round" "telusur-index --threads 2" "$(rate_of "$wall")" \
      "$(bytes_of "$WORK/telusur.db")"
  fi
done

echo
echo "| row | docs/s (median) | vs Lucene | compacted MiB | vs Lucene |"
echo "|---|---:|---:|---:|---:|"
awk -F'\t' '
  { rate[$2] = rate[$2] " " $3; size[$2] = $4; if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
  function median(list,   v, k, i, j, t) {
    k = split(list, v, " ")
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
  }
  END {
    base = ("lucene" in rate) ? median(rate["lucene"]) : 0; base_size = size["lucene"]
    for (i = 1; i <= n; i++) {
      r = order[i]; m = median(rate[r])
      mib = size[r] / 1048576
      if (base > 0) printf "| %s | %.0f | %.2f | %.1f | %.2f |\n", r, m, m / base, mib, size[r] / base_size
      else printf "| %s | %.0f | - | %.1f | - |\n", r, m, mib
    }
  }' "$LOG"
