#!/usr/bin/env bash
# Re-records the corpus from real Sequelize 6 + PostgreSQL (not run by CI).
#   recorder/record.sh                   every tests/corpus/*.js
#   recorder/record.sh tests/corpus/x.js just these
# Installs what it needs (npm packages, a PostgreSQL server from apt) on first use.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/recorder"
[ -d node_modules/sequelize ] || npm ci --no-audit --no-fund --silent
export PG_URL=$(./start-postgres.sh)
cd "$root"
if [ $# -eq 0 ]; then set -- tests/corpus/*.js; fi
node recorder/record.js "$@"
node recorder/record-inflection.js tests/inflection/words.txt > tests/inflection/expected.json
node recorder/record-types.js tests/types/types.txt > tests/types/expected.json
