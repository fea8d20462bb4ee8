#!/usr/bin/env bash
# Installs every tool the build and the tests need, from package registries only
# (rustup, crates.io, Debian, npm). Idempotent: each step is skipped once done.
set -euo pipefail
cd "$(dirname "$0")/.."

# wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock (Cargo.toml pins it with
# "=", Trunk.toml names the same version).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
TRUNK_VERSION=0.21.14

log() { printf '[setup] %s\n' "$*" >&2; }

rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target add wasm32-unknown-unknown
# The page's build compiles std itself (scripts/trunk.sh): its sources, and its crates.
rustup component add rust-src >/dev/null 2>&1 || rustup component add rust-src

if ! command -v node >/dev/null; then
  log "Node.js is needed for the end-to-end tests: apt-get install nodejs npm"
  exit 1
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing chromium and chromium-driver from apt"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

# binaryen's wasm-split divides the page's module in two (scripts/split-module.sh).
if ! command -v wasm-split >/dev/null; then
  log "installing binaryen from apt"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends binaryen >/dev/null
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 15 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ ! -d e2e/node_modules/playwright-core ] || [ ! -d e2e/node_modules/lz-string ] || [ ! -d e2e/node_modules/axe-core ]; then
  log "installing the end-to-end test driver, lz-string and axe-core (npm ci in e2e/)"
  (cd e2e && npm ci --no-audit --no-fund --silent)
fi

if [ ! -d editor/node_modules/@codemirror/view ]; then
  log "installing the code editor's packages (npm ci in editor/)"
  (cd editor && npm ci --no-audit --no-fund --silent)
fi

cargo fetch --locked >/dev/null
RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml" >/dev/null
