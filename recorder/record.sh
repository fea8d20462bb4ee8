#!/usr/bin/env bash
# Re-records the corpus from real Sequelize 6 + PostgreSQL (not run by CI).
#   recorder/record.sh                   every tests/corpus/*.js
#   recorder/record.sh tests/corpus/x.js just these
#   recorder/record.sh realcode          every case of the real-code corpus, tests/realcode:
#                                        each NAME.js snippet (record.js) and NAME/ project
#                                        (record-project.js) gets its NAME.json
#   recorder/record.sh realcode tests/realcode/x.js tests/realcode/y
#                                        just these
# Installs what it needs (npm packages, a PostgreSQL server from apt) on first use.
# The real-code corpus runs in a database of its own (assoc_realcode), so that it and the
# corpus may be recorded at once.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/recorder"
[ -d node_modules/sequelize ] || npm ci --no-audit --no-fund --silent
export PG_URL=$(./start-postgres.sh)
cd "$root"
if [ "${1:-}" = realcode ]; then
  shift
  PG_URL=$(node recorder/record-project.js --database assoc_realcode)
  export PG_URL
  if [ $# -eq 0 ]; then set -- tests/realcode/*; fi
  snippets=() projects=()
  for case in "$@"; do
    case "$case" in
      *.json) ;;
      *.js) snippets+=("$case") ;;
      *) projects+=("${case%/}") ;;
    esac
  done
  if [ ${#snippets[@]} -gt 0 ]; then node recorder/record.js "${snippets[@]}"; fi
  if [ ${#projects[@]} -gt 0 ]; then node recorder/record-project.js "${projects[@]}"; fi
  exit 0
fi
if [ $# -eq 0 ]; then set -- tests/corpus/*.js; fi
node recorder/record.js "$@"
node recorder/record-inflection.js tests/inflection/words.txt > tests/inflection/expected.json
node recorder/record-types.js tests/types/types.txt > tests/types/expected.json
