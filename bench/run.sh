#!/bin/sh
# run.sh — `make bench`: saksi's benchmarks on the shared corpora, results
# printed as a table and appended to bench/results.jsonl with the commit and
# the machine.
set -eu
SHARED="${SAKSI_SHARED:-../shared}"
if [ ! -d "$SHARED/corpus" ]; then
    echo "bench: $SHARED/corpus is absent (set SAKSI_SHARED)" >&2
    exit 1
fi
export SAKSI_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
export SAKSI_MACHINE="$(uname -m) $(nproc) cores $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
RUNS="${RUNS:-5}"
echo "== Indonesian news ($SHARED/corpus/id-news.jsonl)"
SAKSI_CORPUS=id-news build/bench/bench --runs "$RUNS" --json bench/results.jsonl "$SHARED/corpus/id-news.jsonl"
echo "== English news (en-wikinews.jsonl + en-news.jsonl)"
SAKSI_CORPUS=en-wikinews+en-news build/bench/bench --runs "$RUNS" --json bench/results.jsonl \
    "$SHARED/corpus/en-wikinews.jsonl" "$SHARED/corpus/en-news.jsonl"
