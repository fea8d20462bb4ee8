#!/usr/bin/env bash
# Minifies the wasm-bindgen glue of the page's module (app.js, 2.4 KB gzip of the page's
# budget) and of the SQL engine's (sql.js, which the worker imports), which Trunk leaves
# as generated. Trunk runs this after each build (Trunk.toml), in its staging directory;
# the app's rust link in index.html asks for no integrity digest, since the file changes
# after Trunk hashed it. esbuild comes with the editor's packages
# (scripts/build-editor.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
for glue in app.js sql.js; do
  glue="${TRUNK_STAGING_DIR:?run by trunk}/$glue"
  editor/node_modules/.bin/esbuild "$glue" --minify --format=esm --target=es2020 \
    --outfile="$glue" --allow-overwrite --log-level=warning
done
