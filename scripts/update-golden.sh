#!/usr/bin/env bash
# Regenerates tests/golden/*.json from corpus/ with the built binary. Run it only on purpose,
# then read the diff: the golden files are what the golden test holds extraction to.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${POLICY_BIN:-build/policy}
mkdir -p tests/golden
for f in corpus/*.txt; do
  "$bin" extract --no-index --format json "$f" >"tests/golden/$(basename "$f" .txt).json"
done
git --no-pager diff --stat -- tests/golden || true
