#!/usr/bin/env bash
# The benchmarks in one command (`make bench`): synthetic edition, ingest throughput at N=1,000,
# queries per page and page-vs-static load at N=10 and N=1,000, then a summary table, also
# written as Markdown to bench/out/results-<date>.md. Everything runs in a throwaway work
# directory (never var/ or staticfiles/) and only against 127.0.0.1. About 4-6 minutes.
#
# Knobs (environment): BENCH_ARTICLES (1000), BENCH_SEED (0), BENCH_DURATION (10 s per wrk run),
# BENCH_ROUNDS (3), BENCH_WORK (a new temporary directory, removed at the end unless set),
# BENCH_QUIET_LOAD=1.0 [BENCH_QUIET_WAIT=600] (on a shared machine: before each load test, wait at
# most that many seconds for the 1-minute load average to drop below the threshold).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python}
if [ -x .venv/bin/python ] && [ -z "${PYTHON:-}" ]; then PY=.venv/bin/python; fi
N=${BENCH_ARTICLES:-1000}
SEED=${BENCH_SEED:-0}
DURATION=${BENCH_DURATION:-10}
ROUNDS=${BENCH_ROUNDS:-3}
QUIET=() QUIET_WAIT=0
if [ -n "${BENCH_QUIET_LOAD:-}" ]; then
  QUIET_WAIT=${BENCH_QUIET_WAIT:-600}
  QUIET=(--quiet-load "$BENCH_QUIET_LOAD" --quiet-wait "$QUIET_WAIT")
fi
command -v wrk >/dev/null || { echo "ERROR: wrk is needed (apt-get install wrk)" >&2; exit 1; }

if [ -n "${BENCH_WORK:-}" ]; then
  WORK=$BENCH_WORK; mkdir -p "$WORK"
else
  WORK=$(mktemp -d -t edition-bench.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT
fi
OUT=bench/out
STAMP=$(date +%Y-%m-%d-%H%M)
RESULTS=$OUT/$STAMP
mkdir -p "$RESULTS"
SOURCES=$WORK/sources

echo "== 1. synthetic edition: $N articles (seed $SEED) -> $SOURCES"
timeout 300 "$PY" bench/synth.py --articles "$N" --out "$SOURCES" --seed "$SEED"

echo "== 2. ingest throughput at N=$N"
timeout 600 "$PY" bench/ingest_throughput.py --sources "$SOURCES" --work "$WORK" --articles "$N" \
  --json "$RESULTS/ingest.json"

for n in 10 "$N"; do
  echo "== 3. queries per page and page load at N=$n"
  timeout $((600 + QUIET_WAIT)) "$PY" bench/page_load.py --sources "$SOURCES" --work "$WORK" --articles "$n" \
    --duration "$DURATION" --rounds "$ROUNDS" ${QUIET[@]+"${QUIET[@]}"} --json "$RESULTS/page-n$n.json"
done

echo "== 4. in-process cost breakdown of the article request (N=$N)"
timeout 300 "$PY" bench/profile_page.py --sources "$SOURCES" --work "$WORK" --articles "$N" --json "$RESULTS/profile.json"

if [ -f bench/bench_linking.py ]; then
  echo "== 5. linking (bench/bench_linking.py)"
  timeout 300 "$PY" bench/bench_linking.py >"$RESULTS/linking.txt" 2>&1 \
    || echo "   bench_linking.py failed (exit $?), see $RESULTS/linking.txt; the other figures stand"
fi

echo "== summary"
"$PY" bench/report.py --results "$RESULTS" --markdown "$OUT/results-$STAMP.md"
echo
echo "Written: $OUT/results-$STAMP.md (raw JSON in $RESULTS/)"
