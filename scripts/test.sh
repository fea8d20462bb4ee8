#!/usr/bin/env bash
# Runs every check and test: formatting, lints, the native suite (unit tests, the
# conformance corpus against recordings of real Sequelize), then builds the page with
# Trunk and drives it in headless Chromium. Installs its tools on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
# A clean clone gains nothing from incremental compilation, whose caches take
# gigabytes of disk; set CARGO_INCREMENTAL=1 to keep them between local runs.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
step() { printf '\n== %s\n' "$*" >&2; }

step "tools"
scripts/setup.sh

step "format and lints"
cargo fmt --all --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --no-default-features --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests"
cargo test --locked

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --no-default-features --test components

step "build the page"
scripts/trunk.sh build --release

step "end-to-end tests in headless Chromium"
(cd e2e && node --test)
