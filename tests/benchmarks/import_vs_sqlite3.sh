#!/usr/bin/env bash
# Times `custos-cli import` of a CSV file into a new register against the sqlite3 shell's
# `.import --csv` of the same file into a bare table, in the same folder, in the same run, and
# reports the import's peak memory. Prints a Markdown row.
#   tests/benchmarks/import_vs_sqlite3.sh FILE.csv [RUNS]
set -euo pipefail
csv=$1
runs=${2:-3}

source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"

ours() {
    rm -f "$work"/register.custos*
    "$cli" init "$work/register.custos" >/dev/null
    "$cli" import "$work/register.custos" "$csv"
}
theirs() {
    rm -f "$work/bare.db"
    sqlite3 "$work/bare.db" ".import --csv '$csv' assets"
}

rows=$(($(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig'))))" "$csv") - 1))
ours_s=$(seconds ours)
theirs_s=$(seconds theirs)
rm -f "$work"/register.custos*
"$cli" init "$work/register.custos" >/dev/null
peak_kb=$(/usr/bin/time -f '%M' "$cli" import "$work/register.custos" "$csv" 2>&1 >/dev/null | tail -1)
printf '| %s rows | %.2f s | %.2f s | %.2f | %s MB |\n' "$rows" "$ours_s" "$theirs_s" \
    "$(awk "BEGIN { print $ours_s / $theirs_s }")" "$((peak_kb / 1024))"
