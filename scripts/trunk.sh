#!/usr/bin/env bash
# Runs Trunk (`scripts/trunk.sh build --release`, `… serve --release`) with the page's
# WebAssembly built smaller: the standard library is compiled with the app
# (`-Zbuild-std`, with std's `optimize_for_size`), and a panic aborts at once
# (`-Cpanic=immediate-abort`), leaving out the panic messages and their formatting.
# This is 42 KB gzip less of the page's first bundle and 54 KB less of the worker's
# (BENCHMARKS.md, session 7). These flags are unstable: RUSTC_BOOTSTRAP lets the
# machine's stable toolchain take them, for this build only (tests and the native build
# use plain stable). std's sources come from rustup's rust-src component, its crates
# from crates.io (scripts/setup.sh fetches both).
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# No reference types: with them (and the target-features section that names them),
# wasm-bindgen keeps JavaScript objects in a table it fills with `table.fill`, which
# Debian's binaryen (scripts/split-module.sh) cannot read.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Ctarget-feature=-reference-types"
# Function names stay in for scripts/split-module.sh, whose wasm-split leaves them out.
export CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_PAGE_STRIP=false
exec trunk "$@"
