#!/usr/bin/env bash
# Writes the service worker's file list and version into the built sw.js (Trunk runs
# this after each build, in its staging directory): FILES is every file Trunk wrote
# but those for other sites' pages (embed.js, loaded by a tutorial's page, which the
# worker does not serve, and the example tutorial.html), VERSION a digest of their
# contents. app.js and sql.js are left out of the digest, since
# scripts/minify-glue.sh rewrites them at the same time; they change only with
# app_bg.wasm and sql_bg.wasm, which are in it.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run by trunk}"
cd "$staging"
files=$(find . -type f ! -name sw.js ! -name embed.js ! -name tutorial.html | sed 's|^\./||' | LC_ALL=C sort)
version=$(printf '%s\n' $files | grep -vx -e 'app.js' -e 'sql.js' | xargs sha256sum | sha256sum | cut -c1-12)
list=$(printf "'./%s', " $files)
sed -i -e "s|__VERSION__|$version|" -e "s|/\* __FILES__ \*/|${list% }|" sw.js
# Its comments stay in www/sw.js: every page load fetches the worker to compare.
sed -i -e '/^ *\/\//d' sw.js
