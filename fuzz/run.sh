#!/usr/bin/env bash
# Run the fuzz targets one after the other, each for SECONDS in all (restarted after each
# finding, so that one crash does not end its campaign). Findings: fuzz/results/NAME/crash-*
# (and timeout-*, oom-*); counts: stat::number_of_executed_units in fuzz/results/NAME/log-*.txt.
#   bash fuzz/run.sh [SECONDS] [TARGET ...]     # targets: decode parse gazetteer convert (default: all)
# PY is the Python with atheris and diplotext (default .venv/bin/python); atheris may come from a
# separate venv: PY=.venv/bin/python PYTHONPATH=/path/to/fuzzvenv/lib/python3.11/site-packages:src
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
BUDGET=${1:-600}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(decode parse gazetteer convert)
"$PY" fuzz/seed_corpus.py
for name in "${TARGETS[@]}"; do
    dir=fuzz/results/$name
    mkdir -p "$dir" "fuzz/corpus/$name"
    rm -f "$dir"/log-*.txt
    end=$(( $(date +%s) + BUDGET ))
    i=0
    echo "== $name: $BUDGET s"
    while [ "$(date +%s)" -lt "$end" ]; do
        i=$((i + 1))
        left=$(( end - $(date +%s) ))
        "$PY" "fuzz/fuzz_$name.py" -max_total_time="$left" -max_len=4096 -rss_limit_mb=4096 -timeout=60 \
            -print_final_stats=1 -artifact_prefix="$dir/" "fuzz/corpus/$name" > "$dir/log-$i.txt" 2>&1
        echo "   run $i: exit $?, $(grep -h 'stat::number_of_executed_units' "$dir/log-$i.txt")"
    done
    total=$(grep -h 'stat::number_of_executed_units' "$dir"/log-*.txt | awk '{s += $2} END {print s + 0}')
    echo "   $name: $total inputs in $i run(s); findings: $(ls "$dir" | grep -c -E '^(crash|timeout|oom|leak)-')"
done
