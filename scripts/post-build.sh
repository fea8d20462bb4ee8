#!/usr/bin/env bash
# Trunk's post-build steps, one after the other (Trunk.toml): each works on what the
# previous one wrote in Trunk's staging directory.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/split-module.sh
scripts/minify-glue.sh
scripts/service-worker.sh
