#!/usr/bin/env bash
# Sets up (Debian packages), builds and runs the whole test suite. In CI (CI=true) or with
# SANITIZE=1 it also runs the suite once under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
BUILD_DIR=build BUILD_TYPE=${BUILD_TYPE:-Release} scripts/build.sh
ctest --test-dir build --output-on-failure -j2
if [ "${CI:-}" = "true" ] || [ "${SANITIZE:-0}" = "1" ]; then
  echo "== the same suite under ASan+UBSan"
  # -O1 -g1: line tables for the reports; builds in 3.6 min on two idle cores (Release: 2.2).
  BUILD_DIR=build-asan BUILD_TYPE=None scripts/build.sh -DPOLICY_SANITIZE=ON \
    -DCMAKE_C_FLAGS="-O1 -g1" -DCMAKE_CXX_FLAGS="-O1 -g1"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j2
fi
