#!/usr/bin/env bash
# Segmenter throughput: `policy segment --bench` loads the dictionary, then segments
# $BENCH_DIR/input.txt line by line and runs ICU's plain word BreakIterator over the same
# (normalised) text, printing load time and MB/s side by side (CPU time, and wall time,
# which on a shared machine also counts other people's work). Run by scripts/bench.sh.
set -euo pipefail
: "${POLICY_BIN:?run through scripts/bench.sh}" "${BENCH_DIR:?run through scripts/bench.sh}"
"$POLICY_BIN" segment --bench "$BENCH_DIR/input.txt"
# Start-up as a user sees it: the whole process, dictionary load included, on one notice.
notices=("$BENCH_DIR"/files/*)
notice=${notices[0]}
start=$(date +%s%N)
"$POLICY_BIN" segment "$notice" >/dev/null
echo "policy segment on one notice ($(stat -c %s "$notice") bytes): $((($(date +%s%N) - start) / 1000000)) ms wall"
