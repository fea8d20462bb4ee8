#!/usr/bin/env bash
# Prints the benchmark figures kept in BENCHMARKS.md (not a test: nothing here fails on
# a slow machine). The runtime workload — Owner.findAll({ include: Pug }) for N owners
# with 5 pugs each (the full include), and the same with where: { id } (the point
# include) — is timed natively, in headless Chromium (WebAssembly), and on real
# Sequelize 6 + PostgreSQL in the same run, with the ratios the budgets are stated in.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
(cd recorder && { [ -d node_modules/sequelize ] || npm ci --no-audit --no-fund --silent; })
export PG_URL=$(recorder/start-postgres.sh)

out=$(mktemp)
echo "== analysis (native)"
cargo run --quiet --release --example bench_analyze
echo "== the page: edit -> re-rendered panels (headless Chromium)"
scripts/trunk.sh build --release >/dev/null 2>&1
(cd e2e && node bench-edit.mjs)
echo "== the page's bytes, gzip -9 (budgets: 353 KB before first render, 1.2 MB in all)"
(cd e2e && node bench-size.mjs)
echo "== share links: #v2. next to lz-string (budget: seeds at most 0.6x)"
(cd e2e && node bench-links.mjs)
echo "== embeds: the first height embed.js reserves against the height they report"
(cd e2e && node bench-embed-height.mjs)
echo "== runtime: native"
cargo run --quiet --release --example bench_runtime | tee -a "$out"
echo "== runtime: headless Chromium"
# Built as the page's module is (the `page` profile of Cargo.toml).
WASM_BINDGEN_TEST_TIMEOUT=600 cargo test --profile page --target wasm32-unknown-unknown \
  --test browser_bench -- --nocapture 2>&1 | grep -E '^(browser|in-module)(-point)? ' | tee -a "$out"
echo "== runtime: Sequelize 6 + PostgreSQL"
node recorder/bench.js | tee -a "$out"
echo "== ratios (budgets: browser 10000x5 at most 0.25 x Sequelize + PostgreSQL;"
echo "   native full include at most 0.2 x, native point include at most 0.5 x)"
awk '{ t[$1" "$2] = $3 } END {
  for (n in t) { split(n, p, " "); if (p[1] == "sequelize") {
    s = t[n]; printf "%-8s native/sequelize %.3f   browser/sequelize %.3f\n", p[2], t["native "p[2]]/s, t["browser "p[2]]/s } }
  for (n in t) { split(n, p, " "); if (p[1] == "sequelize-point") {
    s = t[n]; printf "%-8s point: native/sequelize %.3f   browser/sequelize %.3f\n", p[2], t["native-point "p[2]]/s, t["browser-point "p[2]]/s } } }' "$out"
rm -f "$out"
