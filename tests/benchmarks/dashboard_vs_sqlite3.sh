#!/usr/bin/env bash
# Times the dashboard's background work on a large demo register against the sqlite3 shell
# running the same SQL on the same file, in the same run. Prints a Markdown table for
# docs/BENCHMARKS.md.
#   tests/benchmarks/dashboard_vs_sqlite3.sh [ASSETS] [RUNS]
set -euo pipefail
assets=${1:-1000000}
runs=${2:-3}
today=$(date +%F)
year_end=$(date -d "$(date +%Y-%m-01) +12 months -1 day" +%F)
me=$(id -un)

source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"
register="$work/bench.custos"
"$cli" demo "$register" --assets "$assets" >/dev/null

source "$(dirname "${BASH_SOURCE[0]}")/coverage_sql.sh"
gap="(NOT $owned OR NOT $classified OR $overdue)"
# The figures: coverage per unit, classification and review month, the IAOs with most gaps, and
# the three "my gaps" counts for whoever runs this (the demo gives the first person their login).
figures_sql="$coverage_sql;
SELECT a.classification, a.sensitive, CASE WHEN a.next_review_due >= '$today' AND a.next_review_due <= '$year_end'
  THEN substr(a.next_review_due, 1, 7) END, count(*) FROM assets a WHERE a.status = 'Active' GROUP BY 1, 2, 3;
SELECT iao.id, count(*) FROM $from WHERE a.status = 'Active' AND $owned AND $gap
  GROUP BY iao.id ORDER BY 2 DESC LIMIT 10;
SELECT count(*) FROM $from WHERE a.status = 'Active' AND iao.has_left = 1 AND (a.iam_id IN
  (SELECT id FROM people WHERE login = '$me') OR a.unit_id IN (WITH RECURSIVE below(id) AS (SELECT unit_id
  FROM people WHERE login = '$me' AND has_left = 0 AND unit_id IS NOT NULL UNION ALL SELECT u.id FROM units u
  JOIN below b ON u.parent_id = b.id) SELECT id FROM below));
SELECT count(*) FROM $from WHERE a.status = 'Active' AND iao.login = '$me' AND NOT $classified;
SELECT count(*) FROM $from WHERE a.status = 'Active' AND iao.login = '$me' AND $overdue;"
# The trend: the audit trail's few columns, people's changes and then assets', record by record.
columns="at, action, record_id, json_extract(changes, '\$.status', '\$.unit_id', '\$.iao_id', '\$.classification',
  '\$.classification_needs_review', '\$.retention', '\$.next_review_due', '\$.has_left')"
trend_sql="SELECT count(*) FROM (SELECT $columns FROM audit_log WHERE record_table = 'people' ORDER BY record_id, id);
SELECT count(*) FROM (SELECT $columns FROM audit_log WHERE record_table = 'assets' ORDER BY record_id, id)"

timings=$("$root/build/tests/dashboard_bench" "$register" "$runs")
figures=$(awk '$1 == "figures" { print $2 }' <<<"$timings")
trend=$(awk '$1 == "trend" { print $2 }' <<<"$timings")
sqlite_figures=$(seconds sqlite3 -readonly "$register" "$figures_sql")
sqlite_trend=$(seconds sqlite3 -readonly "$register" "$trend_sql")

echo "Register of $assets assets, file $(du -m "$register" | cut -f1) MB. Median of $runs runs."
echo
echo "| step | Custos | sqlite3, same SQL | ratio |"
echo "| --- | --- | --- | --- |"
printf '| figures (tiles, charts, my gaps) | %.2f s | %.2f s | %.2f |\n' \
    "$figures" "$sqlite_figures" "$(awk "BEGIN { print $figures / $sqlite_figures }")"
printf '| weekly trend from the audit trail | %.2f s | %.2f s | %.2f |\n' \
    "$trend" "$sqlite_trend" "$(awk "BEGIN { print $trend / $sqlite_trend }")"
