#!/usr/bin/env bash
# Runs the respondent spec (phone, JavaScript on) N times, default 30, each run on a
# fresh demo database, and prints how many runs failed. Not part of CI (about half a
# minute a run): run it after touching the autosave or the respondent page. Needs the
# release build (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
logs=$(mktemp -d)
failed=0
for run in $(seq "$runs"); do
  if (cd end2end && npx playwright test tests/respond.spec.ts --project=phone-js --reporter=line) \
      >"$logs/run-$run.log" 2>&1; then
    echo "run $run: passed"
  else
    failed=$((failed + 1))
    echo "run $run: FAILED (log: $logs/run-$run.log)"
  fi
done
echo "respond.spec.ts loop: $((runs - failed)) passed, $failed failed"
[ "$failed" -eq 0 ] && rm -rf "$logs"
[ "$failed" -eq 0 ]
