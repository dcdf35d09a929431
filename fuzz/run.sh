#!/usr/bin/env bash
# Run both fuzz targets with a time budget each; counts and findings go to fuzz/results/.
#   bash fuzz/run.sh [DECODE_RUNS] [DECODE_SECONDS] [PARSE_SECONDS]
# Defaults: 1,000,000 decode inputs (or 20 min), parse for 20 min (restarted after each finding,
# see run_parse.sh). Findings: fuzz/results/*/crash-*; counts: the logs there.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DECODE_RUNS=${1:-1000000}
DECODE_SECONDS=${2:-1200}
PARSE_SECONDS=${3:-1200}
mkdir -p fuzz/results/decode fuzz/results/parse fuzz/corpus/decode fuzz/corpus/parse
"$PY" fuzz/seed_corpus.py
run() {  # name runs seconds
    local name=$1 runs=$2 secs=$3
    echo "== $name: up to $runs inputs or $secs s"
    "$PY" "fuzz/fuzz_$name.py" -runs="$runs" -max_total_time="$secs" -max_len=4096 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="fuzz/results/$name/" "fuzz/corpus/$name" \
        > "fuzz/results/$name/log.txt" 2>&1
    echo "   exit $?; $(grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' "fuzz/results/$name/log.txt" | tail -2 | tr '\n' ' ')"
    ls "fuzz/results/$name" | grep -E '^(crash|timeout|oom|leak)-' || echo "   no findings"
}
run decode "$DECODE_RUNS" "$DECODE_SECONDS"
bash fuzz/run_parse.sh "$PARSE_SECONDS"
