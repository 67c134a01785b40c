#!/usr/bin/env bash
# Times custos-cli on a large demo register against the sqlite3 shell answering the same
# questions on the same file, in the same run. Prints a Markdown table for docs/BENCHMARKS.md.
#   tests/benchmarks/cli_vs_sqlite3.sh [ASSETS] [RUNS]
set -euo pipefail
assets=${1:-1000000}
runs=${2:-3}
today=$(date +%F)

source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"
register="$work/bench.custos"

start=$(date +%s.%N)
"$cli" demo "$register" --assets "$assets" >/dev/null
created=$(awk "BEGIN { print $(date +%s.%N) - $start }")

source "$(dirname "${BASH_SOURCE[0]}")/coverage_sql.sh"
list_sql="SELECT a.reference, a.name FROM $from WHERE a.status = 'Active' ORDER BY a.reference"
overdue_sql="SELECT a.reference, a.name FROM $from WHERE a.status = 'Active' AND $overdue ORDER BY a.reference"

row() { # label, custos command, sqlite3 query
    local ours theirs
    ours=$(seconds "${@:2:$#-2}")
    theirs=$(seconds sqlite3 -readonly "$register" "${@: -1}")
    printf '| %s | %.2f s | %.2f s | %.2f |\n' "$1" "$ours" "$theirs" "$(awk "BEGIN { print $ours / $theirs }")"
}

echo "Register of $assets assets: created by \`custos-cli demo\` in $(printf '%.1f' "$created") s;" \
    "file $(du -m "$register" | cut -f1) MB. Median of $runs runs."
echo
echo "| question | custos-cli | sqlite3 | ratio |"
echo "| --- | --- | --- | --- |"
row "coverage per unit (\`summary --json\`)" "$cli" summary "$register" --json "$coverage_sql"
row "every active asset (\`list\`)" "$cli" list "$register" "$list_sql"
row "overdue assets (\`list --overdue\`)" "$cli" list "$register" --overdue "$overdue_sql"
