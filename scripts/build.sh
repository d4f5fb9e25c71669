#!/usr/bin/env bash
# Builds the release site the way cargo-leptos would, without needing cargo-leptos:
# the wasm front end (app with `hydrate`), wasm-bindgen, wasm-opt, the stylesheet, and
# the server binary (app with `ssr`). Output: target/site/pkg and target/release/samrad.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

site=target/site/pkg
mkdir -p "$site"

# Two browser bundles, with the toolchain setup.sh chose: the respondent's pages only
# (samrad), which a phone downloads to answer, and with the administration's pages too
# (samrad_admin, feature admin-ui), which the /admin pages load.
bundle() {
  local name=$1 features=$2
  (
    WASM_BUILD_STD=""
    # shellcheck disable=SC1091
    [ -f target/toolchain.env ] && . target/toolchain.env
    extra=()
    [ -n "${WASM_BUILD_STD:-}" ] && extra=(-Zbuild-std=std,panic_abort)
    cargo build -p app --lib --target wasm32-unknown-unknown --features "$features" --profile wasm-release "${extra[@]}"
  )
  wasm-bindgen target/wasm32-unknown-unknown/wasm-release/app.wasm \
    --target web --no-typescript --out-dir "$site" --out-name "$name"
  end2end/node_modules/.bin/wasm-opt -Oz \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$site/${name}_bg.wasm" -o "$site/${name}_bg.wasm"
}
bundle samrad hydrate
bundle samrad_admin hydrate,admin-ui
cp style/main.css "$site/samrad.css"
# Compressed once here at the highest levels; the server sends these files as they are
# (pages it renders are compressed per response, at a level that costs milliseconds).
for file in "$site"/*.js "$site"/*.wasm "$site"/*.css; do
  brotli --force --best --keep "$file"
  gzip --force --best --keep "$file"
done

cargo build --release -p server
echo "built: target/release/samrad and $site"
