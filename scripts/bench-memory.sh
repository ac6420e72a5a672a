#!/usr/bin/env bash
# Peak memory of `warta analyze` on a 1 GB input (BENCHMARKS.md, "Bounded memory").
#
# Builds a JSONL file of about 1 GB from the ScrapingHub benchmark pages in
# ../shared (each page repeated with a distinct URL), and one `.warc.gz` of the same
# pages, then runs `warta analyze` on each with GNU time and prints the peak RSS.
# Usage: scripts/bench-memory.sh [SIZE_MB]   (default 1024)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-1024}
bench=../shared/data/extraction/scrapinghub-article-extraction-benchmark/html
work=${TMPDIR:-/tmp}/warta-bench-memory
mkdir -p "$work"
cargo build --release -q -p warta-cli
bin=${CARGO_TARGET_DIR:-target}/release/warta

python3 - "$bench" "$work" "$size_mb" <<'PY'
import gzip, json, os, sys, io
bench, work, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
pages = [gzip.open(os.path.join(bench, f)).read().decode("utf-8", "replace")
         for f in sorted(os.listdir(bench)) if f.endswith(".html.gz")]
limit = size_mb * 1024 * 1024
n = total = 0
with open(os.path.join(work, "big.jsonl"), "w") as out:
    while total < limit:
        page = pages[n % len(pages)]
        line = json.dumps({"url": f"https://example.org/p/{n}", "html": page}) + "\n"
        out.write(line)
        total += len(line.encode())
        n += 1
print(f"big.jsonl: {n} pages, {total/1e6:.0f} MB")
# One gzip member per record, as Common Crawl writes WARC files.
n = total = 0
with open(os.path.join(work, "big.warc.gz"), "wb") as out:
    while total < limit:
        body = pages[n % len(pages)].encode()
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body) + body
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/w/{n}\r\n"
                f"WARC-Date: 2019-11-20T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{n:08d}>\r\n"
                f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
        out.write(gzip.compress(head + http + b"\r\n\r\n", compresslevel=1))
        total += len(head) + len(http)
        n += 1
print(f"big.warc.gz: {n} records, {total/1e6:.0f} MB uncompressed, {os.path.getsize(os.path.join(work, 'big.warc.gz'))/1e6:.0f} MB on disk")
PY

for input in big.jsonl big.warc.gz; do
  /usr/bin/time -v "$bin" analyze "$work/$input" -o /dev/null --quiet 2> "$work/time.txt" || true
  rss_kb=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
  wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
  echo "$input: peak RSS $((rss_kb / 1024)) MiB, wall $wall"
done
