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
bin=${SAMRAD_BIN:-$PWD/target/release/samrad}
dir=$(mktemp -d)
port=${SAMRAD_CALLGRIND_PORT:-3999}
base=http://127.0.0.1:$port
"$bin" --database "$dir/demo.db" demo --base-url "$base" > "$dir/demo.out"
url=$(grep -o "$base/svar/[A-Za-z0-9_-]*" "$dir/demo.out" | head -1)
valgrind --tool=callgrind --callgrind-out-file="$dir/cg.%p" \
  "$bin" --database "$dir/demo.db" serve --addr "127.0.0.1:$port" > "$dir/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null "$base/healthz" && break; sleep 1; done
view() { curl -fs -o /dev/null -H 'accept-encoding: br' -H 'sec-fetch-mode: navigate' -H 'sec-fetch-dest: document' "$url"; }
for _ in 1 2 3 4 5; do view; done
callgrind_control -z "$server" > /dev/null
for _ in $(seq 1 100); do view; done
callgrind_control -d "$server" > /dev/null
total=$(callgrind_annotate "$dir"/cg.*.1 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}')
echo "instructions per page view: $((total / 100)) (callgrind, 100 views; profile in $dir)"
