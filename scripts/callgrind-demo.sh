# Sourced by scripts/callgrind-page.sh and scripts/callgrind-submit.sh: the demo
# database in a temporary folder ($dir, the demo's output in $dir/demo.out), served
# under callgrind on $port ($base; the server's pid in $server, killed on exit), and
# the count of what was measured between `callgrind_control -z` and `-d`.
# SAMRAD_BIN= another build to compare (default target/release/samrad).
bin=${SAMRAD_BIN:-$PWD/target/release/samrad}
dir=$(mktemp -d)
base=http://127.0.0.1:$port
"$bin" --database "$dir/demo.db" demo --base-url "$base" > "$dir/demo.out"
valgrind --tool=callgrind --callgrind-out-file="$dir/cg.%p" \
  "$bin" --database "$dir/demo.db" serve --addr "127.0.0.1:$port" > "$dir/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null "$base/healthz" && break; sleep 1; done

# The instructions counted, divided by $1 (how many were measured).
instructions_per() {
  local total
  total=$(callgrind_annotate "$dir"/cg.*.1 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}')
  echo $((total / $1))
}
