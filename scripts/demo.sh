#!/usr/bin/env bash
# Sets up (Debian packages), builds policy (Release) and runs `policy extract` over corpus/
# into ./policy.db, then shows what it found.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
BUILD_DIR=build BUILD_TYPE=Release scripts/build.sh
bin=build/policy
db=${POLICY_DB:-policy.db}
echo "== policy extract corpus/*.txt --db $db"
"$bin" extract --db "$db" corpus/*.txt
echo
echo "== policy docs"
"$bin" docs --db "$db" --format table --wide
echo
echo "== what 省应急管理厅 leads (first 5)"
"$bin" tasks --db "$db" --dept 省应急管理厅 --role lead --format table | head -7
echo
echo "== deadlines"
"$bin" deadlines --db "$db" --format table --wide
