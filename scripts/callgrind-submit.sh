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
port=${SAMRAD_CALLGRIND_PORT:-3998}
# shellcheck source=scripts/callgrind-demo.sh
. scripts/callgrind-demo.sh
post() { python3 scripts/submit-form.py "$dir/demo.out" "$base" "$@"; }
post read > "$dir/forms.json"
post 15 < "$dir/forms.json" > "$dir/warm.json"
callgrind_control -z "$server" > /dev/null
post 100 < "$dir/warm.json" > /dev/null
callgrind_control -d "$server" > /dev/null
echo "instructions per submission: $(instructions_per 100) (callgrind, 100 submissions; profile in $dir)"
