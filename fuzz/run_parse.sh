#!/usr/bin/env bash
# Run the parse target for SECONDS in total, restarting after each finding (kept in
# fuzz/results/parse/), so that one crash does not end the campaign. Counts: fuzz/results/parse/log-*.txt.
#   bash fuzz/run_parse.sh [SECONDS]
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
BUDGET=${1:-1200}
mkdir -p fuzz/results/parse fuzz/corpus/parse
end=$(( $(date +%s) + BUDGET ))
i=0
while [ "$(date +%s)" -lt "$end" ]; do
    i=$((i + 1))
    left=$(( end - $(date +%s) ))
    "$PY" fuzz/fuzz_parse.py -max_total_time="$left" -max_len=4096 -rss_limit_mb=4096 -timeout=60 \
        -print_final_stats=1 -artifact_prefix=fuzz/results/parse/ fuzz/corpus/parse > "fuzz/results/parse/log-$i.txt" 2>&1
    echo "run $i: exit $?, $(grep -h 'stat::number_of_executed_units' "fuzz/results/parse/log-$i.txt")"
done
total=$(grep -h 'stat::number_of_executed_units' fuzz/results/parse/log-*.txt | awk '{s += $2} END {print s}')
echo "parse target: $total inputs in $i run(s); findings: $(ls fuzz/results/parse | grep -c -E '^(crash|timeout|oom)-')"
