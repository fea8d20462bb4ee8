#!/usr/bin/env bash
# Writes the service worker's file list and version into the built sw.js (run by
# scripts/post-build.sh in Trunk's staging directory, last): FILES is every file the
# build wrote but those for other sites' pages (embed.js, loaded by a tutorial's page,
# which the worker does not serve, and the example tutorial.html) and sql_more.wasm,
# the SQL engine's parser, which a page fetches only if it needs it (the worker keeps
# it when it does). VERSION is a digest of them all.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run by trunk}"
cd "$staging"
served=$(find . -type f ! -name sw.js ! -name embed.js ! -name tutorial.html | sed 's|^\./||' | LC_ALL=C sort)
files=$(printf '%s\n' $served | grep -vx 'sql_more.wasm')
version=$(printf '%s\n' $served | xargs sha256sum | sha256sum | cut -c1-12)
list=$(printf "'./%s', " $files)
sed -i -e "s|__VERSION__|$version|" -e "s|/\* __FILES__ \*/|${list% }|" sw.js
# Its comments stay in www/sw.js: every page load fetches the worker to compare.
sed -i -e '/^ *\/\//d' sw.js
