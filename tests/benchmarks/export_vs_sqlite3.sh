#!/usr/bin/env bash
# Times `custos-cli export` against the sqlite3 shell's CSV output of the same columns from the
# same register, both written to a file in the same folder, in the same run. Prints a Markdown row.
#   tests/benchmarks/export_vs_sqlite3.sh REGISTER [RUNS]
set -euo pipefail
register=$1
runs=${2:-3}

source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"

# The export's columns as stored, without the joins for unit paths and people or any quoting
# beyond the shell's own.
columns="reference, name, description, unit_id, iao_id, iam_id, format, location, classification, sensitive,
  legacy_marking, classification_needs_review, handling_notes, personal_data, lawful_basis, retention,
  disposal_action, criticality, review_cycle_months, last_reviewed, next_review_due, status, created_at, modified_at"
sqlite_csv() { sqlite3 -readonly -csv -header "$register" "SELECT $columns FROM assets ORDER BY reference" >"$work/sqlite3.csv"; }

assets=$(sqlite3 -readonly "$register" "SELECT count(*) FROM assets")
ours=$(seconds "$cli" export "$register" "$work/custos.csv")
theirs=$(seconds sqlite_csv)
printf '| %s assets | %.2f s | %.2f s | %.2f | %s MB |\n' "$assets" "$ours" "$theirs" \
    "$(awk "BEGIN { print $ours / $theirs }")" "$(du -m "$work/custos.csv" | cut -f1)"
