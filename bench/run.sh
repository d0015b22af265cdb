#!/bin/sh
# run.sh — `make bench`: saksi's benchmarks on the shared corpora (bench.c
# says what each figure is), printed as tables and appended to
# bench/results.jsonl with the commit and the machine.
#
#   sh bench/run.sh [BUILD_DIR]     (default: build; RUNS=5, BIG=10)
set -eu
B="${1:-${B:-build}}"
SHARED="${SAKSI_SHARED:-../shared}"
if [ ! -d "$SHARED/corpus" ]; then
    echo "bench: $SHARED/corpus is absent (set SAKSI_SHARED)" >&2
    exit 1
fi
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD -- src include 2>/dev/null || commit="$commit+changes"
export SAKSI_COMMIT="$commit"
export SAKSI_MACHINE="$(uname -m) $(nproc) cores $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
RUNS="${RUNS:-5}"
echo "== Indonesian news ($SHARED/corpus/id-news.jsonl)"
SAKSI_CORPUS=id-news "$B/bench/bench" --runs "$RUNS" --json bench/results.jsonl \
    --cli "$B/saksi" --big "${BIG:-10}" "$SHARED/corpus/id-news.jsonl"
echo
echo "== English news (en-wikinews.jsonl + en-news.jsonl)"
SAKSI_CORPUS=en-wikinews+en-news "$B/bench/bench" --runs "$RUNS" --json bench/results.jsonl \
    --cli "$B/saksi" --big 0 "$SHARED/corpus/en-wikinews.jsonl" "$SHARED/corpus/en-news.jsonl"
