#!/usr/bin/env bash
# Runs each fuzz target of app/src/backend/fuzz.rs for a while (default 600 s each;
# the first argument changes it), over and over with fresh random seeds, and stops at
# the first failure, which proptest shrinks and prints (and keeps in
# app/proptest-regressions/ so the unit tests try it again). Not part of CI.
#
# The unit-test binary is built once and copied aside, so the source can be edited
# (and rebuilt) while a long run goes on.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-600}
targets=(
  a_mutated_sheet_is_read_or_refused
  any_bytes_as_a_sheet_are_read_or_refused
  any_form_is_parsed_and_checked_or_refused
  any_markdown_renders_without_raw_html
  any_token_and_cookie_are_read_or_refused
)
built=$(cargo test --release -p app --lib --features ssr --no-run --message-format=json \
  | grep -o '"executable":"[^"]*"' | tail -n 1 | cut -d'"' -f4)
bin=$(mktemp /tmp/samrad-fuzz.XXXXXX)
log=$(mktemp /tmp/samrad-fuzz-log.XXXXXX)
trap 'rm -f "$bin" "$log"' EXIT
cp "$built" "$bin"
chmod +x "$bin"
for target in "${targets[@]}"; do
  runs=0
  end=$((SECONDS + seconds))
  while [ "$SECONDS" -lt "$end" ]; do
    # From the app folder, as cargo runs it, so failures land in its regressions file.
    if ! (cd app && PROPTEST_CASES=20000 "$bin" -q --exact "backend::fuzz::$target" >"$log" 2>&1); then
      cat "$log"
      echo "$target: FAILED after $((runs * 20000)) cases"
      exit 1
    fi
    runs=$((runs + 1))
  done
  echo "$target: $((runs * 20000)) cases in ${seconds} s, no failure"
done
