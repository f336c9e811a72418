#!/usr/bin/env bash
# Index throughput: `policy extract` over $BENCH_DIR/files/ (the ~50 MB input as many files)
# into a fresh index at --jobs 1 and --jobs 2, a re-run over the unchanged files (all skipped
# by content hash), and `policy segment` over the same bytes as the reference line. Each
# figure is whole-process wall time, start-up and dictionary load included. Targets (see
# the index issue): --jobs 1 >= 10 MB/s and >= 70% of the segmenter's; --jobs 2 >= 1.7x
# --jobs 1; the unchanged re-run >= 500 MB/s. Run by scripts/bench.sh.
set -euo pipefail
: "${POLICY_BIN:?run through scripts/bench.sh}" "${BENCH_DIR:?run through scripts/bench.sh}"
files=("$BENCH_DIR"/files/*.txt)
bytes=$(cat "${files[@]}" | wc -c)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure LABEL COMMAND...: runs COMMAND, prints "LABEL  N MB in S s  R MB/s  (cpu U+S s)", sets
# $rate. The CPU time (user + system, all threads) tells a slow run from a busy machine.
measure() {
  local label=$1
  shift
  local TIMEFORMAT='%R %U %S' times real user sys
  if ! times=$({ time "$@" >/dev/null 2>"$work/stderr"; } 2>&1); then
    echo "$label: failed"
    cat "$work/stderr"
    exit 1
  fi
  read -r real user sys <<<"$times"
  rate=$(awk -v b="$bytes" -v s="$real" 'BEGIN { printf "%.1f", b / 1048576 / s }')
  awk -v l="$label" -v mb="$mb" -v s="$real" -v r="$rate" -v u="$user" -v k="$sys" \
    'BEGIN { printf "%-34s %s MB in %.2f s  %8s MB/s  (cpu %.2f+%.2f s)\n", l, mb, s, r, u, k }'
}

echo "${#files[@]} files"
measure "extract --jobs 1 (fresh index)" "$POLICY_BIN" extract --jobs 1 --db "$work/j1.db" "$BENCH_DIR/files"
j1=$rate
measure "extract --jobs 2 (fresh index)" "$POLICY_BIN" extract --jobs 2 --db "$work/j2.db" "$BENCH_DIR/files"
j2=$rate
measure "extract (unchanged re-run)" "$POLICY_BIN" extract --db "$work/j2.db" "$BENCH_DIR/files"
tail -n 1 "$work/stderr"

# The reference: the plain segmenter over the same bytes, as one stream.
if "$POLICY_BIN" segment - </dev/null >/dev/null 2>&1; then
  measure "segmenter alone" sh -c 'cat "$@" | "$0" segment -' "$POLICY_BIN" "${files[@]}"
  seg=$rate
  awk -v a="$j1" -v b="$j2" -v s="$seg" \
    'BEGIN { printf "jobs 1 = %.0f%% of the segmenter; jobs 2 / jobs 1 = %.2fx\n", 100 * a / s, b / a }'
else
  echo "segmenter: n/a"
  awk -v a="$j1" -v b="$j2" 'BEGIN { printf "jobs 2 / jobs 1 = %.2fx\n", b / a }'
fi
