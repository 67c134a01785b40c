# Sourced by the benchmark scripts once they have set $today: the coverage definitions of
# models/domain/CoverageRules.h as SQL for the sqlite3 shell, and custos-cli summary's query per unit.
from="assets a LEFT JOIN people iao ON iao.id = a.iao_id"
owned="(iao.id IS NOT NULL AND iao.has_left = 0)"
classified="(a.classification IS NOT NULL AND a.classification_needs_review = 0)"
overdue="(a.next_review_due < '$today')"
coverage_sql="SELECT a.unit_id, count(*), sum($owned), sum(NOT $owned), sum($classified), sum(NOT $classified),
  sum($overdue), sum($owned AND $classified AND NOT $overdue AND trim(a.retention) <> '')
  FROM $from WHERE a.status = 'Active' GROUP BY a.unit_id"
