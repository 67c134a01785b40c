#!/usr/bin/env bash
# Times `custos-cli import` of a CSV file into a new register against the sqlite3 shell doing the
# same work (import_pipeline.sql: `.import` into a staging table, then INSERT ... SELECT into a
# register's schema with one JSON audit row per asset), and against the shell's bare `.import`
# into a table of text columns; all in the same folder, in the same run. Then the import's peak
# memory. Prints a Markdown row.
#   tests/benchmarks/import_vs_sqlite3.sh FILE.csv [RUNS]
set -euo pipefail
csv=$(realpath "$1")
runs=${2:-3}

source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"

ours() {
    rm -f "$work"/register.custos*
    "$cli" init "$work/register.custos" >/dev/null
    "$cli" import "$work/register.custos" "$csv"
}
pipeline() {
    rm -f "$work"/pipeline.custos*
    "$cli" init "$work/pipeline.custos" >/dev/null
    sed "s|:CSV:|$csv|" "$root/tests/benchmarks/import_pipeline.sql" | sqlite3 -bail "$work/pipeline.custos"
}
bare() {
    rm -f "$work/bare.db"
    sqlite3 "$work/bare.db" ".import --csv '$csv' assets"
}

rows=$(($(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig'))))" "$csv") - 1))
ours_s=$(seconds ours)
pipeline_s=$(seconds pipeline)
bare_s=$(seconds bare)
assets=$(sqlite3 "$work/pipeline.custos" "SELECT count(*) FROM assets")
[ "$assets" -eq "$rows" ] || { echo "the pipeline loaded $assets of $rows assets" >&2; exit 1; }
rm -f "$work"/register.custos*
"$cli" init "$work/register.custos" >/dev/null
peak_kb=$(/usr/bin/time -f '%M' "$cli" import "$work/register.custos" "$csv" 2>&1 >/dev/null | tail -1)
printf '| %s rows | %.2f s | %.2f s | %.2f | %.2f s | %.2f | %s MB |\n' "$rows" "$ours_s" "$pipeline_s" \
    "$(awk "BEGIN { print $ours_s / $pipeline_s }")" "$bare_s" "$(awk "BEGIN { print $ours_s / $bare_s }")" \
    "$((peak_kb / 1024))"
