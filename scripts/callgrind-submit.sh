#!/usr/bin/env bash
# Instructions per submission of the no-JavaScript form, counted by valgrind's
# callgrind, as scripts/callgrind-page.sh counts a page view: repeatable where the load
# benchmark's throughput moves by a tenth from run to run. Makes the demo database in a
# temporary folder, serves it under callgrind, reads the fields of the demo hearing's
# bodies from their pages, posts every answer with "Indsend" 15 times to warm up, then
# counts 100 more (each body in turn submitting again, with changed answers and the
# fingerprints of what it sent before, so none is taken for another member's change).
# The count holds everything the server does for them: the form's parsing, the save
# through the writer, and the receipt, composed and sent by the mail worker (to the
# demo's mail folder). Needs target/release/samrad (scripts/build.sh), or SAMRAD_BIN=
# another build to compare, valgrind and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SAMRAD_BIN:-$PWD/target/release/samrad}
dir=$(mktemp -d)
port=${SAMRAD_CALLGRIND_PORT:-3998}
base=http://127.0.0.1:$port
"$bin" --database "$dir/demo.db" demo --base-url "$base" > "$dir/demo.out"
valgrind --tool=callgrind --callgrind-out-file="$dir/cg.%p" \
  "$bin" --database "$dir/demo.db" serve --addr "127.0.0.1:$port" > "$dir/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null "$base/healthz" && break; sleep 1; done
post() { python3 scripts/submit-form.py "$dir/demo.out" "$base" "$@"; }
post read > "$dir/forms.json"
post 15 < "$dir/forms.json" > "$dir/warm.json"
callgrind_control -z "$server" > /dev/null
post 100 < "$dir/warm.json" > /dev/null
callgrind_control -d "$server" > /dev/null
total=$(callgrind_annotate "$dir"/cg.*.1 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}')
echo "instructions per submission: $((total / 100)) (callgrind, 100 submissions; profile in $dir)"
