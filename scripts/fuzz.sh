#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS: scripts/fuzz.sh fuzz_extract 600
# Builds build-fuzz (clang, -DPOLICY_FUZZ=ON) when needed. Seeds: corpus/*.txt and the small
# bad inputs in tests/data/bad/; the growing corpus stays in build-fuzz/corpus/TARGET, and
# crash inputs land in build-fuzz/artifacts/TARGET/ (add each as a test in
# tests/regressions_test.cpp). Extra arguments go to libFuzzer (e.g. -jobs=2, -dict=FILE).
# Targets: fuzz_decode fuzz_lines fuzz_outline fuzz_deadlines fuzz_citations fuzz_departments
#          fuzz_extract fuzz_diff
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2
build_dir=${BUILD_DIR:-build-fuzz}

if [ ! -f "$build_dir/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPOLICY_FUZZ=ON -DPOLICY_TESTS=OFF >/dev/null
fi
# NO_BUILD=1 runs the binary as built (the tree may be mid-edit by others).
if [ "${NO_BUILD:-0}" != 1 ] || [ ! -x "$build_dir/fuzz/$target" ]; then
  cmake --build "$build_dir" -j"${JOBS:-1}" --target "$target"
fi

seeds="$build_dir/seeds"
mkdir -p "$seeds" "$build_dir/corpus/$target" "$build_dir/artifacts/$target"
cp -f corpus/*.txt "$seeds/" 2>/dev/null || true
find tests/data/bad -maxdepth 1 -type f -size -256k -exec cp -f {} "$seeds/" \; 2>/dev/null || true
if [ "$target" = fuzz_diff ]; then
  # Pairs of notices, split at a NUL byte as the target expects.
  files=(corpus/*.txt)
  for ((i = 0; i + 1 < ${#files[@]}; i++)); do
    { cat "${files[$i]}"; printf '\0'; cat "${files[$((i + 1))]}"; } >"$seeds/pair-$i.txt"
  done
fi

# -timeout: a single input taking seconds is a finding (rules must stay linear);
# -rss_limit_mb: so does one that needs gigabytes.
exec "$build_dir/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len="${MAX_LEN:-16384}" -print_final_stats=1 \
  -artifact_prefix="$build_dir/artifacts/$target/" "$@" "$build_dir/corpus/$target" "$seeds"
