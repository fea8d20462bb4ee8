#!/usr/bin/env bash
# Builds the page into target/unsplit as Trunk alone does, without the post-build steps
# (scripts/post-build.sh): each module whole and with its function names, so that a CPU
# profile names our functions. For profiling only: the page served and tested is dist/.
#   scripts/build-unsplit.sh && DIST=target/unsplit PROFILE=/tmp/edit.cpuprofile node e2e/bench-edit.mjs
set -euo pipefail
cd "$(dirname "$0")/.."
# Trunk.toml with its post-build hook left out and another dist (in the repository's
# root, where Trunk reads the config's paths from).
config=.trunk-unsplit.toml
trap 'rm -f "$config"' EXIT
awk '
  function flush() { if (!post_build) printf "%s", block; block = ""; post_build = 0 }
  /^\[/ { flush() }
  /^stage = "post_build"/ { post_build = 1 }
  { block = block $0 "\n" }
  END { flush() }
' Trunk.toml | sed 's|^dist = "dist"|dist = "target/unsplit"|' > "$config"
scripts/trunk.sh --config "$config" build --release
