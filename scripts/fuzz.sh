#!/usr/bin/env bash
# Runs the libFuzzer targets in fuzz/ (cargo fuzz) for SECONDS each (default 600) and
# prints figures for BENCHMARKS.md. Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# Targets: parse, pipeline, link. Seeds come from the conformance corpus and the
# mistakes guide (links: each seed as `assoc link` writes it). A crash, panic, hang
# (-timeout) or runaway memory (-rss_limit_mb) stops the target with an artifact in
# fuzz/artifacts/TARGET/: make it a regression test first (tests/fuzz-regressions/).
#
# cargo fuzz needs nightly flags; the machine has one stable toolchain, so the build
# runs with RUSTC_BOOTSTRAP=1. Our code has no `unsafe`, so no sanitizer (-s none).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse pipeline link)
CARGO_FUZZ_VERSION=0.13.2

if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi
export RUSTC_BOOTSTRAP=1

seeds=fuzz/seeds
rm -rf "$seeds" && mkdir -p "$seeds/snippets" "$seeds/links"
cp tests/corpus/*.js tests/mistakes/*.js "$seeds/snippets/"
# The language beyond Sequelize calls: Node's recorded programs, and a project's files.
python3 -c 'import json,sys; [open(f"{sys.argv[1]}/node-{i}.js","w").write(c["code"]) for f in ("tests/node/printed.json","tests/node/errors.json") for i,c in enumerate(json.load(open(f)), 1000 if "errors" in f else 0)]' "$seeds/snippets"
find tests/projects tests/realcode -name '*.js' | while read -r file; do cp "$file" "$seeds/snippets/project-$(echo "$file" | tr / -)"; done
cargo build --quiet --release --bin assoc
for file in tests/corpus/*.js; do
  target/release/assoc link "$file" > "$seeds/links/$(basename "$file" .js)"
done
# Links of several files (v3): each recorded project.
for dir in tests/projects/*/ tests/realcode/*/; do
  target/release/assoc link "$dir" > "$seeds/links/project-$(basename "$dir")"
done
printf 'v1.%s' "$(printf '{"code":"x","dialect":"mysql"}' | python3 -c 'import sys,zlib,base64; c=zlib.compressobj(9,zlib.DEFLATED,-15); d=c.compress(sys.stdin.buffer.read())+c.flush(); print(base64.urlsafe_b64encode(d).decode().rstrip("="),end="")')" > "$seeds/links/v1"

for target in "${targets[@]}"; do
  case $target in link) seed=$seeds/links ;; *) seed=$seeds/snippets ;; esac
  mkdir -p "fuzz/corpus/$target"
  log=$(mktemp)
  echo "== $target: ${seconds}s"
  if ! cargo fuzz run -s none "$target" "fuzz/corpus/$target" "$seed" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 > "$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $target FAILED; the input is in fuzz/artifacts/$target/"
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{print $2}')
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | awk '{print $2}')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  corpus=$(ls "fuzz/corpus/$target" | wc -l)
  printf 'fuzz %-9s %6ss  %12s runs  %8.0f runs/s  cov %6s  corpus %5s  peak RSS %s MB  no crash\n' \
    "$target" "$seconds" "$runs" "$(echo "$runs / $seconds" | bc -l)" "$cov" "$corpus" "$rss"
  rm -f "$log"
done
