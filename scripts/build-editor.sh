#!/usr/bin/env bash
# Bundles the page's code editor (CodeMirror 6, editor/src/main.js) into one script,
# target/editor/editor.js, which index.html copies into the page. Trunk runs this before
# each build (Trunk.toml); packages come from the npm registry (editor/package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d editor/node_modules/@codemirror/view ] || [ ! -x editor/node_modules/.bin/esbuild ]; then
  (cd editor && npm ci --no-audit --no-fund --silent)
fi
mkdir -p target/editor
editor/node_modules/.bin/esbuild editor/src/main.js --bundle --minify --format=iife \
  --target=es2020 --outfile=target/editor/editor.js --log-level=warning
