#!/usr/bin/env bash
# Splits each of the page's two modules in two with binaryen's wasm-split (run by
# scripts/post-build.sh in Trunk's staging directory; BENCHMARKS.md, session 8):
#
# - The page's module: app_bg.wasm keeps the functions its first render runs,
#   app_more.wasm has the rest, which the page fetches right after that render and the
#   worker at once. The first render waits for about half the bytes. Which functions
#   the first render runs is measured, not guessed: wasm-split instruments the module,
#   headless Chromium opens the page the ways people arrive
#   (e2e/first-render-profile.mjs), and wasm-split splits by that profile.
# - The SQL engine's module (GlueSQL): sql_bg.wasm keeps the functions runs call, and
#   sql_more.wasm, which nothing fetches unless it is called, has the rest: the SQL
#   parser (the store hands GlueSQL syntax trees, never SQL text: runtime::store) and
#   what no statement the store builds reaches. Which functions runs call is measured
#   too: every case of the corpus and the real-code set, on each dialect, and a workload
#   of larger tables (e2e/engine-profile.mjs), run by the page with the engine's module
#   instrumented.
#
# A function moved out that is called before its part has arrived still works: its
# placeholder loads the rest at once (scripts/split-glue.mjs, in the glue).
#
# The modules come here with their name section (scripts/trunk.sh), which names the
# functions in target/split/*.placeholders; wasm-split writes both parts without it.
set -euo pipefail
cd "$(dirname "$0")/.."
staging="${TRUNK_STAGING_DIR:?run by trunk}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Rust's wasm32 target uses post-MVP features (bulk memory, …). (--merge-profiles takes
# no feature flags.)
instrument() { wasm-split --all-features --instrument "$@"; }
# Which function each placeholder stands for, for a look when one is called.
maps=target/split
mkdir -p "$maps"

# split_in_two NAME HOW [GLUE-OPTION]: scripts/split-in-two.sh on the staged NAME_bg.wasm,
# its placeholder map kept out of the page.
split_in_two() {
  scripts/split-in-two.sh "$staging" "$@"
  mv "$staging/$1.placeholders" "$maps/$1.placeholders"
}

cp -r "$staging" "$work/page"
instrument "$staging/app_bg.wasm" -o "$work/page/app_bg.wasm"
node e2e/first-render-profile.mjs "$work/page" "$work/profile"
wasm-split --merge-profiles "$work"/profile.* -o "$work/profile"
split_in_two app --profile="$work/profile" --after-start

# The engine's worker keeps the instrumented module's exports for the profile.
cp -r "$staging" "$work/engine"
instrument "$staging/sql_bg.wasm" -o "$work/engine/sql_bg.wasm"
sed -i 's|^await initEngine(|self.instrumentedSql = await initEngine(|' "$work/engine/worker.js"
node e2e/engine-profile.mjs "$work/engine" "$work/engine-profile"
wasm-split --merge-profiles "$work"/engine-profile.* -o "$work/engine-profile"
# The engine's module whole, with its names, and its glue: e2e/split.test.mjs splits
# them another way, to test a run that calls into a rest not yet loaded.
cp "$staging/sql_bg.wasm" "$maps/sql_whole.wasm"
cp "$staging/sql.js" "$maps/sql_whole.js"
split_in_two sql --profile="$work/engine-profile"
