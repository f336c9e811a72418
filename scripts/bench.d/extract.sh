#!/usr/bin/env bash
# extract --no-index on one core (target: >= 150 MB/s): over the ~50 MB input as one file, and
# over the same bytes as many files (the usual case: each notice is 10–60 KB). Best of three.
set -euo pipefail
input="$BENCH_DIR/input.txt"
files=("$BENCH_DIR"/files/*.txt)
mb=$(awk -v b="$(stat -c %s "$input")" 'BEGIN { printf "%.1f", b / 1048576 }')

# best LABEL COMMAND...: the best wall time of three runs of COMMAND, as MB/s of the input.
best() {
  local label=$1 best="" start end secs
  shift
  for run in 1 2 3; do
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$secs; fi
  done
  awk -v l="$label" -v mb="$mb" -v s="$best" \
    'BEGIN { printf "%-36s %6.1f MB in %.2f s = %6.1f MB/s (best of 3, one core)\n", l, mb, s, mb / s }'
}

best "extract --no-index (one file)" taskset -c 0 "$POLICY_BIN" extract --no-index --format summary "$input"
best "extract --no-index (${#files[@]} files)" \
  taskset -c 0 "$POLICY_BIN" extract --no-index --jobs 1 --format summary "${files[@]}"
