#!/usr/bin/env bash
# End-to-end throughput of `warta analyze` (BENCHMARKS.md, "Throughput").
#
# Plain-text news pages: the five showcase pages in ../shared/seeds repeated (with
# distinct URLs) into a JSONL file of N documents; HTML pages: the ScrapingHub
# benchmark pages repeated likewise. Reports articles per second on all cores and
# on one (--threads 1).
# Usage: scripts/bench-throughput.sh [N]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
work=${TMPDIR:-/tmp}/warta-bench-throughput
mkdir -p "$work"
cargo build --release -q -p warta-cli
bin=${CARGO_TARGET_DIR:-target}/release/warta
python3 - "$work" "$n" <<'PY'
import gzip, json, os, sys
work, n = sys.argv[1], int(sys.argv[2])
seeds = "../shared/seeds"
texts = [open(os.path.join(seeds, f), encoding="utf-8").read() for f in sorted(os.listdir(seeds)) if f.endswith(".txt")]
with open(os.path.join(work, "text.jsonl"), "w") as out:
    for i in range(n):
        out.write(json.dumps({"url": f"https://example.org/t/{i}", "text": texts[i % len(texts)], "crawled": "2024-06-01"}) + "\n")
bench = "../shared/data/extraction/scrapinghub-article-extraction-benchmark/html"
pages = [gzip.open(os.path.join(bench, f)).read().decode("utf-8", "replace") for f in sorted(os.listdir(bench))]
with open(os.path.join(work, "html.jsonl"), "w") as out:
    for i in range(max(1, n // 10)):
        out.write(json.dumps({"url": f"https://example.org/h/{i}", "html": pages[i % len(pages)]}) + "\n")
PY
for input in text.jsonl html.jsonl; do
  for threads in 0 1; do
    "$bin" analyze "$work/$input" -o /dev/null --threads "$threads" 2>&1 | sed "s|^|$input threads=$threads (0 = all cores): |"
  done
done
