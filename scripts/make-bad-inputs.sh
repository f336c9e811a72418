#!/usr/bin/env bash
# Writes the large bad inputs into DIR (they are generated, not committed; the small ones
# live in tests/data/bad/). Called by tests/bad_input_test.cpp; usable by hand:
#     scripts/make-bad-inputs.sh /tmp/bad [ONE_LINE_MB]
#   one-line.txt        ONE_LINE_MB (default 50) MB of notice text with no line break at all
#   tasks-100000.txt    a notice with 100,000 numbered tasks (20 sections of 5,000), each with
#                       departments and a limit
#   nested-brackets.txt 100,000 （ deep, then closed again, inside a task
# Plain POSIX tools only (awk, wc), so it runs wherever the tests run.
set -euo pipefail
dir=${1:?usage: scripts/make-bad-inputs.sh DIR [ONE_LINE_MB]}
megabytes=${2:-50}
mkdir -p "$dir"
export LC_ALL=C

# A scraped page that lost every line break: plain sentences, and every 300 of them one that
# gives each rule family something to find (a 文号, a 《》 title, limits with and without a
# year, a responsibility parenthesis). Whole characters only, so it stays valid UTF-8.
plain='全面落实安全生产责任制，加强监督检查，推进隐患排查治理体系建设，'
dense='依据吉办发〔2014〕32号《方案》，6月底前和2019年底前完成（省应急管理厅牵头）。'
awk -v plain="$plain" -v dense="$dense" -v bytes="$(( megabytes * 1000 * 1000 ))" 'BEGIN {
  chunk = ""
  for (i = 0; i < 300; i++) chunk = chunk plain
  chunk = chunk dense
  for (n = int(bytes / length(chunk)); n > 0; n--) printf "%s", chunk
}' >"$dir/one-line.txt"

{
  printf '关于印发《十万项任务清单》的通知\n\n吉测发〔2024〕1号\n\n'
  # Twenty sections 一、 … 二十、 of 5,000 tasks each, numbered from 1 in each section.
  awk 'BEGIN {
    split("一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十", numeral, " ")
    for (s = 1; s <= 20; s++) {
      printf "%s、第%d部分任务\n\n", numeral[s], s
      for (i = 1; i <= 5000; i++) printf "%d. 落实第%d部分第%d项任务，2024年12月底前完成。（省应急管理厅牵头，各有关部门分工负责）\n\n", i, s, i
    }
  }'
  printf '吉林省测试办公室\n2024年1月2日\n'
} >"$dir/tasks-100000.txt"

{
  printf '关于深层嵌套的通知\n\n一、要求\n\n1. 完善制度'
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "（" }'
  printf '深层'
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "）" }'
  printf '。（省司法厅牵头）\n'
} >"$dir/nested-brackets.txt"
