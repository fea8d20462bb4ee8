#!/usr/bin/env bash
# Splits the module DIR/NAME_bg.wasm in two with binaryen's wasm-split: DIR/NAME_bg.wasm
# becomes its first part and DIR/NAME_more.wasm the rest, HOW (wasm-split's --profile=…
# or --split-funcs=…) choosing what goes; the glue DIR/NAME.js learns to load the rest
# (scripts/split-glue.mjs, GLUE-OPTION), and DIR/NAME.placeholders says which function
# each placeholder stands for. Used by scripts/split-module.sh and e2e/split.test.mjs.
#
# Rust's wasm32 target uses post-MVP features (bulk memory, …). SPLIT_NAMES=1 keeps the
# function names in both parts, for a profiler.
#
# Usage: scripts/split-in-two.sh DIR NAME HOW [GLUE-OPTION]
set -euo pipefail
dir=$1 name=$2 how=$3
shift 3
first=$(mktemp -d)
trap 'rm -rf "$first"' EXIT
wasm-split --all-features ${SPLIT_NAMES:+-g} "$how" \
  --export-prefix=% --placeholder-namespace=placeholder --import-namespace=primary \
  --placeholdermap "$dir/${name}_bg.wasm" -o1 "$first/${name}_bg.wasm" -o2 "$dir/${name}_more.wasm"
mv "$first/${name}_bg.wasm.placeholders" "$dir/$name.placeholders"
mv "$first/${name}_bg.wasm" "$dir/${name}_bg.wasm"
node "$(dirname "$0")/split-glue.mjs" "$dir/$name.js" "${name}_more.wasm" "$@"
