#!/usr/bin/env bash
# Counts the instructions `custos-cli import` and the sqlite3 shell's import_pipeline.sql take
# for the first ROWS rows of a CSV file (valgrind's callgrind), in the same run: unlike wall
# time, the count does not move with the machine's load. Prints a Markdown row.
#   tests/benchmarks/import_instructions.sh FILE.csv [ROWS]
set -euo pipefail
csv=$(realpath "$1")
rows=${2:-5000}

source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"

python3 - "$csv" "$work/rows.csv" "$rows" <<'PY'
import csv, sys
source = csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig'))
out = csv.writer(open(sys.argv[2], 'w', newline='', encoding='utf-8'), lineterminator='\r\n')
for number, row in enumerate(source):
    if number > int(sys.argv[3]):
        break
    out.writerow(row)
PY

instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

"$cli" init "$work/ours.custos" >/dev/null
ours=$(instructions "$cli" import "$work/ours.custos" "$work/rows.csv")
"$cli" init "$work/pipeline.custos" >/dev/null
sed "s|:CSV:|$work/rows.csv|" "$root/tests/benchmarks/import_pipeline.sql" >"$work/pipeline.sql"
pipeline=$(instructions sqlite3 -bail "$work/pipeline.custos" <"$work/pipeline.sql")
printf '| %s rows | %d M | %d M | %.2f |\n' "$rows" "$((ours / 1000000))" "$((pipeline / 1000000))" \
    "$(awk "BEGIN { print $ours / $pipeline }")"
