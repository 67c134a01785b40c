#!/usr/bin/env bash
# Runs the crash trials (tests/reliability) with more trials per operation than CI's 20, and prints
# each operation's outcome: how many kills left the state before, how many the state after.
#   tests/benchmarks/crash_trials.sh [TRIALS] [SEED]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Qt Test stops a test function after 5 minutes unless told otherwise; 100 trials take longer.
CUSTOS_CRASH_TRIALS=${1:-100} CUSTOS_CRASH_SEED=${2:-2026} QT_QPA_PLATFORM=offscreen QTEST_FUNCTION_TIMEOUT=86400000 \
    "$root/build/tests/reliability/tst_crashtrials" 2>&1 | grep -E "QINFO|FAIL|Totals" | sed 's/^QINFO  : [^ ]* //'
