#!/usr/bin/env bash
# Generates the encoding variants of a corpus notice under tests/data/ with ICU's uconv
# (package icu-devtools). Run once; the outputs are committed and reviewed.
set -euo pipefail
cd "$(dirname "$0")/.."
src=corpus/jilin-gongxinting-2024-anquan-shengchan-yaodian.txt
out=tests/data
mkdir -p "$out"
uconv -f utf-8 -t gb18030 "$src" >"$out/gongxinting-2024.gb18030.txt"
# UTF-16LE with a BOM: uconv --add-signature writes FF FE.
uconv -f utf-8 -t utf-16le --add-signature "$src" >"$out/gongxinting-2024.utf16le-bom.txt"
uconv -f utf-8 -t utf-16be --add-signature "$src" >"$out/gongxinting-2024.utf16be-bom.txt"
uconv -f utf-8 -t utf-16le "$src" >"$out/gongxinting-2024.utf16le-nobom.txt"
sed 's/$/\r/' "$src" >"$out/gongxinting-2024.crlf.txt"
printf '\xEF\xBB\xBF' | cat - "$src" >"$out/gongxinting-2024.utf8-bom.txt"
echo "wrote $(ls "$out"/gongxinting-2024.* | wc -l) files to $out"
