#!/usr/bin/env bash
# Builds the release site the way cargo-leptos would, without needing cargo-leptos:
# the wasm front end (app with `hydrate`), wasm-bindgen, wasm-opt, the stylesheet, and
# the server binary (app with `ssr`). Output: target/site/pkg and target/release/samrad.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

site=target/site/pkg
mkdir -p "$site"

# The browser bundle, with the toolchain setup.sh chose.
(
  WASM_BUILD_STD=""
  # shellcheck disable=SC1091
  [ -f target/toolchain.env ] && . target/toolchain.env
  extra=()
  [ -n "${WASM_BUILD_STD:-}" ] && extra=(-Zbuild-std=std,panic_abort)
  cargo build -p app --lib --target wasm32-unknown-unknown --features hydrate --profile wasm-release "${extra[@]}"
)
wasm=target/wasm32-unknown-unknown/wasm-release/app.wasm
wasm-bindgen "$wasm" --target web --no-typescript --out-dir "$site" --out-name samrad
end2end/node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$site/samrad_bg.wasm" -o "$site/samrad_bg.wasm"
cp style/main.css "$site/samrad.css"

cargo build --release -p server
echo "built: target/release/samrad and $site"
