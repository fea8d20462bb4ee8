#!/usr/bin/env bash
# Minifies the page's wasm-bindgen glue (app.js), which Trunk leaves as generated
# (2.4 KB gzip of the page's budget). Trunk runs this after each build (Trunk.toml),
# in its staging directory; the app's rust link in index.html asks for no integrity
# digest, since the file changes after Trunk hashed it. esbuild comes with the editor's
# packages (scripts/build-editor.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
glue="${TRUNK_STAGING_DIR:?run by trunk}/app.js"
editor/node_modules/.bin/esbuild "$glue" --minify --format=esm --target=es2020 \
  --outfile="$glue" --allow-overwrite --log-level=warning
