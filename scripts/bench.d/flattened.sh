#!/usr/bin/env bash
# A notice a CMS flattened: 9,999 numbered tasks run together on one line of ~350 KB, each
# cut off its line by extraction. Prints wall time and peak memory of `extract --no-index`
# (cutting a long line many times once kept a copy of its tail per piece: 16 s and 4 GB for
# such a line before the fix, 0.4 s and 30 MB after). Run by scripts/bench.sh.
set -euo pipefail
: "${POLICY_BIN:?run through scripts/bench.sh}" "${BENCH_DIR:?run through scripts/bench.sh}"
notice="$BENCH_DIR/flattened.txt"
if [ ! -f "$notice" ]; then
  {
    printf '关于开展检查的通知\n一、任务（一）工作'
    for i in $(seq 1 9999); do printf '%d.做好工作（县局负责）' "$i"; done
    printf '。\n'
  } >"$notice"
fi
size=$(stat -c %s "$notice")
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "extract --no-index, one flattened line ($size bytes): %e s wall, %M KB peak" \
    "$POLICY_BIN" extract --no-index --format summary "$notice" >/dev/null
else
  start=$(date +%s%N)
  "$POLICY_BIN" extract --no-index --format summary "$notice" >/dev/null
  echo "extract --no-index, one flattened line ($size bytes): $((($(date +%s%N) - start) / 1000000)) ms wall"
fi
