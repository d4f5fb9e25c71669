#!/usr/bin/env bash
# Sets up what is missing and runs every check: formatting, clippy, unit and
# integration tests (one release build serves them, the end-to-end tests and the
# page-weight measurement), Playwright in Debian's Chromium, and the page weight.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

echo "== nothing outside the clone is read"
# The design notes and sample sheets live in a sibling folder of the development
# checkout only; no test or script may reach for it.
outside='\.\./'"shar"'ed'
if grep -rIn --exclude-dir=node_modules --exclude-dir=target --exclude-dir=.git "$outside" \
    app server end2end scripts migrations style; then
  echo "the lines above read a folder outside the repository; copy what they need into testdata/"; exit 1
fi
echo "== cargo fmt"
cargo fmt --all --check
echo "== build (release site + server)"
scripts/build.sh
echo "== cargo clippy"
cargo clippy --workspace --all-targets --release -- -D warnings
# The browser side too, where the wasm target comes from rustup (the Debian fallback
# toolchain has no clippy).
if [ ! -s target/toolchain.env ]; then
  cargo clippy -p app --lib --target wasm32-unknown-unknown --features hydrate --profile wasm-release -- -D warnings
  cargo clippy -p app --lib --target wasm32-unknown-unknown --features hydrate,admin-ui --profile wasm-release -- -D warnings
fi
echo "== unit and integration tests (SQLite)"
cargo test --release --workspace
echo "== integration tests on PostgreSQL (each test in a database of its own)"
# shellcheck disable=SC1091
. target/test-pg.env
drop_test_databases() {
  psql "$SAMRAD_TEST_PG/postgres" -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'samrad_test_%'" \
    | while read -r name; do psql "$SAMRAD_TEST_PG/postgres" -qc "DROP DATABASE IF EXISTS $name" >/dev/null; done
}
drop_test_databases
# --workspace, as above, so the features and the build are the same (no rebuild).
SAMRAD_TEST_ENGINE=postgres cargo test --release --workspace --test api
drop_test_databases
echo "== end-to-end (Playwright, Chromium, phone viewport, JavaScript on and off)"
(cd end2end && npx playwright test)
echo "== page weight"
scripts/page-weight.sh
