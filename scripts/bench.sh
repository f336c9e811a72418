#!/usr/bin/env bash
# Benchmarks: builds a ~50 MB input by repeating corpus/, then runs every part in
# scripts/bench.d/ (each prints its own figures). Usage: scripts/bench.sh [PART...]
set -euo pipefail
cd "$(dirname "$0")/.."
export POLICY_BIN=${POLICY_BIN:-build/policy}
export BENCH_DIR=${BENCH_DIR:-bench}
if [ ! -x "$POLICY_BIN" ]; then
  BUILD_TYPE=Release scripts/build.sh >/dev/null
fi
mkdir -p "$BENCH_DIR/files"
if [ ! -f "$BENCH_DIR/input.txt" ]; then
  # ~50 MB: the corpus repeated, as one file and as many files of ~64 KB each.
  target=$((50 * 1024 * 1024))
  : >"$BENCH_DIR/input.txt"
  i=0
  while [ "$(stat -c %s "$BENCH_DIR/input.txt")" -lt "$target" ]; do
    for f in corpus/*.txt; do
      cat "$f" >>"$BENCH_DIR/input.txt"
      cp "$f" "$BENCH_DIR/files/$i-$(basename "$f")"
      i=$((i + 1))
    done
  done
fi
echo "input: $(du -m "$BENCH_DIR/input.txt" | cut -f1) MB in one file; $(ls "$BENCH_DIR/files" | wc -l) files"
parts=("$@")
if [ ${#parts[@]} -eq 0 ]; then
  parts=(scripts/bench.d/*.sh)
fi
for part in "${parts[@]}"; do
  [ -f "$part" ] || part="scripts/bench.d/$part.sh"
  echo "== $(basename "$part" .sh)"
  bash "$part"
done
