#!/usr/bin/env python3
"""How often `telusur-query --like ID` lists articles of ID's own category.

IndoSum's articles carry one of six editorial categories (tajuk utama, olahraga, showbiz, ...).
For a seeded sample of articles, the share of the first K --like hits in the article's category,
against the share a list drawn at random would have (the sum of the squared category shares).

    build/bin/telusur-index -q --db /tmp/indosum.db ../shared/corpus-data/indosum-dev/docs.jsonl
    bench/tools/like_eval.py --db /tmp/indosum.db ../shared/corpus-data/indosum-dev/docs.jsonl
"""
import argparse
import json
import random
import statistics
import subprocess


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--query-bin", default="build/bin/telusur-query")
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("jsonl")
    args = parser.parse_args()

    category = {}
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if doc.get("category"):
                category[doc["id"]] = doc["category"]
    counts = {}
    for c in category.values():
        counts[c] = counts.get(c, 0) + 1
    prior = sum((n / len(category)) ** 2 for n in counts.values())

    ids = sorted(category)
    random.Random(42).shuffle(ids)
    precisions, empty = [], 0
    for doc_id in ids[:args.sample]:
        run = subprocess.run([args.query_bin, "--db", args.db, "--ids", "--limit", str(args.k), "--like", doc_id],
                             capture_output=True, text=True)
        hits = [h for h in run.stdout.splitlines() if h in category]
        if not hits:
            empty += 1
            continue
        precisions.append(sum(category[h] == category[doc_id] for h in hits) / len(hits))
    print(f"articles {len(precisions)} (no hits: {empty}), first {args.k} hits in the article's category: "
          f"{statistics.mean(precisions):.3f}; a random list: {prior:.3f}")


if __name__ == "__main__":
    main()
