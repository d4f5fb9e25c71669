#!/usr/bin/env bash
# Runs each fuzz target of app/src/backend/fuzz.rs for a while (default 600 s each;
# the first argument changes it), over and over with fresh random seeds, and stops at
# the first failure, which proptest shrinks and prints (and keeps in
# app/proptest-regressions/ so the unit tests try it again). Not part of CI.
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
cargo test --release --workspace --lib --no-run
for target in "${targets[@]}"; do
  runs=0
  end=$((SECONDS + seconds))
  while [ "$SECONDS" -lt "$end" ]; do
    PROPTEST_CASES=20000 cargo test --release --workspace --lib -q -- --exact "backend::fuzz::$target" >/dev/null
    runs=$((runs + 1))
  done
  echo "$target: $((runs * 20000)) cases in ${seconds} s, no failure"
done
