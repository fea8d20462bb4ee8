#!/usr/bin/env bash
# Builds everything the page needs (installing the tools on first use) and serves it
# at http://127.0.0.1:8080/ (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec scripts/trunk.sh serve --release --port "${PORT:-8080}"
