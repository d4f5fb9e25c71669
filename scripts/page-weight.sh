#!/usr/bin/env bash
# Prints the respondent page's weight for the 42-item demo hearing and the 28-item
# demo staff survey, as served with compression by the release build: compressed
# bytes of HTML+CSS (budget 60 kB each) and of everything including JS and wasm
# (budget 250 kB, issue 13). Exits non-zero over budget.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=target/release/samrad
port=${WEIGHT_PORT:-3199}
work=$(mktemp -d)
server=""
# Also when the demo step fails before the server starts.
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

"$bin" --database "$work/weight.db" demo --reset --base-url "http://127.0.0.1:$port" >"$work/demo.txt"
link=$(grep -m1 -o "http://[^ ]*/svar/[A-Za-z0-9_-]*" "$work/demo.txt")
survey=$(grep -A1 "^Demo survey" "$work/demo.txt" | grep -m1 -o "http://[^ ]*/svar/[A-Za-z0-9_-]*")
RUST_LOG=warn "$bin" --database "$work/weight.db" serve --addr "127.0.0.1:$port" --site-root target/site &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

# Bytes on the wire for one resource, with the given Accept-Encoding.
wire() { curl -fs -H "Accept-Encoding: $2" -o "$work/body" -w '%{size_download}' "$1"; }

printf '%-28s %12s %12s %12s\n' resource identity gzip br
declare -A br
for resource in "$link" "$survey" "http://127.0.0.1:$port/pkg/samrad.css" "http://127.0.0.1:$port/pkg/samrad.js" "http://127.0.0.1:$port/pkg/samrad_bg.wasm"; do
  name=${resource##*/}; [[ $resource == "$link" ]] && name="respondent page (HTML)"
  [[ $resource == "$survey" ]] && name="survey page (HTML)"
  plain=$(wire "$resource" identity); gz=$(wire "$resource" gzip); b=$(wire "$resource" br)
  br[$name]=$b
  printf '%-28s %12s %12s %12s\n' "$name" "$plain" "$gz" "$b"
done
html_css=$(( br["respondent page (HTML)"] + br[samrad.css] ))
survey_css=$(( br["survey page (HTML)"] + br[samrad.css] ))
total=$(( html_css + br[samrad.js] + br[samrad_bg.wasm] ))
printf '\nHTML+CSS compressed (br): %d bytes (budget 61440)\n' "$html_css"
printf 'Survey page HTML+CSS compressed (br): %d bytes (budget 61440)\n' "$survey_css"
printf 'Everything incl. JS/wasm (br): %d bytes (budget 256000)\n' "$total"
[ "$html_css" -le 61440 ] && [ "$survey_css" -le 61440 ] && [ "$total" -le 256000 ] || { echo "page weight over budget"; exit 1; }
