#!/usr/bin/env bash
# Instructions per respondent page view, counted by valgrind's callgrind: repeatable
# for the same binary and data whatever else the machine is doing, so it shows
# changes of a few per cent that the load benchmark's run-to-run spread hides.
# Makes the demo database in a temporary folder, serves it under callgrind, views the
# first demo hearing's page 5 times to warm up, then counts 100 views (brotli, as a
# phone's navigation). Needs target/release/samrad (scripts/build.sh), or SAMRAD_BIN=
# another build to compare, and valgrind. The count moves a few per cent from run to
# run (the runtime's threads wake differently): compare several runs of each.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${SAMRAD_CALLGRIND_PORT:-3999}
# shellcheck source=scripts/callgrind-demo.sh
. scripts/callgrind-demo.sh
url=$(grep -o "$base/svar/[A-Za-z0-9_-]*" "$dir/demo.out" | head -1)
view() { curl -fs -o /dev/null -H 'accept-encoding: br' -H 'sec-fetch-mode: navigate' -H 'sec-fetch-dest: document' "$url"; }
for _ in 1 2 3 4 5; do view; done
callgrind_control -z "$server" > /dev/null
for _ in $(seq 1 100); do view; done
callgrind_control -d "$server" > /dev/null
echo "instructions per page view: $(instructions_per 100) (callgrind, 100 views; profile in $dir)"
