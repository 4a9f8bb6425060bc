#!/usr/bin/env python3
"""Known-item queries with a reduplicated word (anak-anak), and their scores.

  reduplication_eval.py make DOCS.jsonl STOPWORDS OUT_DIR
      Writes two query files from the articles of DOCS (indosum-dev: id, body):
      typed.tsv  - the article says the reduplicated word as the query types it: the
                   first lowercase hyphenated word of its body, then the next two words
                   that are not stopwords (`negara-negara ASEAN melakukan`);
      other.tsv  - the article says another form: `X-X` typed where it has `X-Xnya`,
                   `X-Xku` or `X-Xmu` (`rekan-rekan rumahnya membuat`).
      Each line is "article-id<TAB>query": the article is the one known item.
  reduplication_eval.py score QUERIES.tsv BEFORE.trec AFTER.trec
      MRR@10 and Success@10 of both runs (TREC run files, e.g. from peer_query), and the
      queries whose known item moved.
"""
import json
import re
import sys

WORD = re.compile(r"[\w-]+")


def next_words(text, stopwords, n=2):
    return [w for w in WORD.findall(text) if w.lower() not in stopwords and "-" not in w][:n]


def make(docs, stopwords_path, out_dir):
    stopwords = {l.strip() for l in open(stopwords_path, encoding="utf-8") if l.strip() and not l.startswith("#")}
    typed, other = [], []
    for line in open(docs, encoding="utf-8"):
        doc = json.loads(line)
        body = doc["body"]
        m = re.search(r"(?<![\w-])[a-z]+(?:-[a-z]+)+(?![\w-])", body)
        if m:
            rest = next_words(body[m.end():], stopwords)
            if len(rest) == 2:
                typed.append(f"{doc['id']}\t{m.group(0)} {' '.join(rest)}\n")
        m = re.search(r"\b([a-z]{3,})-\1(?:nya|ku|mu)\b", body)
        if m:
            rest = next_words(body[m.end():], stopwords)
            if len(rest) == 2:
                other.append(f"{doc['id']}\t{m.group(1)}-{m.group(1)} {' '.join(rest)}\n")
    for name, lines in (("typed.tsv", typed), ("other.tsv", other)):
        with open(f"{out_dir}/{name}", "w", encoding="utf-8") as f:
            f.writelines(lines)
        print(f"{out_dir}/{name}: {len(lines)} queries")


def ranks(run_path, queries):
    found = {}
    for line in open(run_path, encoding="utf-8"):
        qid, _, doc, *_ = line.split()
        found.setdefault(qid, []).append(doc)
    return {qid: found.get(qid, []).index(qid) + 1 if qid in found.get(qid, []) else None for qid in queries}


def score(queries_path, before_path, after_path):
    queries = dict(l.rstrip("\n").split("\t", 1) for l in open(queries_path, encoding="utf-8"))
    runs = {"before": ranks(before_path, queries), "after": ranks(after_path, queries)}
    for name, r in runs.items():
        mrr = sum(1 / k for k in r.values() if k and k <= 10) / len(queries)
        s10 = sum(1 for k in r.values() if k and k <= 10) / len(queries)
        print(f"{name}: MRR@10 {mrr:.3f}  S@10 {s10:.3f}  ({len(queries)} queries)")
    far = 10**9
    moved = [(q, runs["before"][q], runs["after"][q]) for q in queries if runs["before"][q] != runs["after"][q]]
    better = sum(1 for _, b, a in moved if (a or far) < (b or far))
    print(f"moved: {len(moved)} ({better} up, {len(moved) - better} down)")
    for q, b, a in moved:
        print(f"  {b} -> {a}  {queries[q]}")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "make":
        make(*sys.argv[2:])
    elif len(sys.argv) == 5 and sys.argv[1] == "score":
        score(*sys.argv[2:])
    else:
        sys.exit(__doc__)
