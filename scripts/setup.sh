#!/usr/bin/env bash
# Installs whatever is missing to build, run and test Samråd on Debian, and skips
# every tool that is already there at the right version. Safe to run repeatedly.
#
# The wasm target: first the normal way (`rustup target add`); where rustup cannot
# download targets, the fallback README.md describes under "How the front end is
# built" (Debian's rustc-web with the standard library's source, built with
# -Zbuild-std). The choice is written to
# target/toolchain.env, which scripts/build.sh reads.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

export PATH="$HOME/.cargo/bin:$PATH"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    log "apt-get update"
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# --- Rust -------------------------------------------------------------------------
# A C compiler and make: SQLite, ring and the server's allocator (jemalloc) are built
# from their C sources.
if ! have cc || ! have make; then
  apt_install build-essential
fi
if ! have cargo; then
  if have rustup; then
    rustup toolchain install stable --profile minimal
  else
    apt_install rustc cargo
  fi
fi
for component in clippy rustfmt; do
  if have rustup && ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    rustup component add "$component" || log "could not add $component"
  fi
done

mkdir -p target
env_file=target/toolchain.env
wasm_target_ok() { have rustup && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; }
# SAMRAD_WASM_FALLBACK=1 forces the fallback, to check it on a machine where rustup works.
if [ -z "${SAMRAD_WASM_FALLBACK:-}" ] && { wasm_target_ok || { have rustup && timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 && wasm_target_ok; }; }; then
  log "wasm32 target: rustup"
  : > "$env_file"
else
  log "wasm32 target: rustup cannot provide it; using Debian's rustc-web (see README.md)"
  lld=$(ls /usr/bin/wasm-ld-* 2>/dev/null | sort -V | tail -n 1 || true)
  if ! dpkg -s rustc-web cargo-web rust-web-src >/dev/null 2>&1 || [ -z "$lld" ]; then
    apt_install rustc-web cargo-web rust-web-src lld-22
    lld=$(ls /usr/bin/wasm-ld-* | sort -V | tail -n 1)
  fi
  if have rustup && ! rustup toolchain list | grep -q '^debian-web'; then
    rustup toolchain link debian-web /usr
  fi
  cat > "$env_file" <<ENV
export RUSTUP_TOOLCHAIN=debian-web
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=$lld
WASM_BUILD_STD=1
ENV
fi

# --- wasm-bindgen, exactly the version in Cargo.lock ----------------------------------
wbg_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if ! have wasm-bindgen || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$wbg_version" ]; then
  log "installing wasm-bindgen-cli $wbg_version (takes several minutes once)"
  # Not --locked: its lock file can name crate versions this registry lacks.
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

# --- Node, npm packages (wasm-opt from npm binaryen, Playwright) -----------------------
if ! have node || ! have npm; then
  apt_install nodejs npm
fi
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ ! -d end2end/node_modules/@playwright/test ] \
   || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  log "npm ci (end2end)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

# --- Chromium for the end-to-end tests (never `playwright install`) --------------------
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
# brotli compresses the browser bundles once at build time (scripts/build.sh), so the
# server sends them at the best ratio without spending seconds per request on it.
if ! have brotli; then
  apt_install brotli
fi
# pdftoppm turns the printed memo's first PDF page into a PNG in the test output.
if ! have pdftoppm; then
  apt_install poppler-utils
fi

# --- PostgreSQL for the integration suite's second pass ---------------------------------
# The suite runs on both engines. It uses the server SAMRAD_TEST_PG names, or one on
# 127.0.0.1:5432 that takes the user postgres without a password (as CI's machines
# have); where there is none, Debian's PostgreSQL is installed and a cluster started
# with a password for postgres, and the address is written to target/test-pg.env.
pg_env=target/test-pg.env
pg_up() { timeout 5 psql "$1/postgres" -Atqc 'SELECT 1' >/dev/null 2>&1; }
if [ -n "${SAMRAD_TEST_PG:-}" ]; then
  echo "export SAMRAD_TEST_PG=$SAMRAD_TEST_PG" > "$pg_env"
else
  have psql || apt_install postgresql-client
  if pg_up "postgres://postgres@127.0.0.1:5432"; then
    echo "export SAMRAD_TEST_PG=postgres://postgres@127.0.0.1:5432" > "$pg_env"
  elif pg_up "postgres://postgres:samrad-test@127.0.0.1:5432"; then
    echo "export SAMRAD_TEST_PG=postgres://postgres:samrad-test@127.0.0.1:5432" > "$pg_env"
  else
    log "installing and starting PostgreSQL (Debian's packages) for the tests"
    dpkg -s postgresql >/dev/null 2>&1 || apt_install postgresql
    cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1" "$2}')
    [ -n "$cluster" ] || { $SUDO pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -n 1)" main; cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}'); }
    # shellcheck disable=SC2086
    $SUDO pg_ctlcluster $cluster start || true
    for _ in $(seq 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
    $SUDO -u postgres psql -qc "ALTER USER postgres PASSWORD 'samrad-test'" 2>/dev/null \
      || su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'samrad-test'\""
    echo "export SAMRAD_TEST_PG=postgres://postgres:samrad-test@127.0.0.1:5432" > "$pg_env"
  fi
fi

log "ready"
