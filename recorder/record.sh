#!/usr/bin/env bash
# Re-records the corpus from real Sequelize 6 + PostgreSQL (not run by CI).
#   recorder/record.sh                   every tests/corpus/*.js
#   recorder/record.sh tests/corpus/x.js just these
#   recorder/record.sh realcode          every case of the real-code corpus, tests/realcode:
#                                        each NAME.js snippet (record.js) and NAME/ project
#                                        (record-project.js) gets its NAME.json
#   recorder/record.sh realcode tests/realcode/x.js tests/realcode/y
#                                        just these
#   recorder/record.sh --dialect sqlite [tests/corpus/x.js ...]
#   recorder/record.sh --dialect mysql  [tests/corpus/x.js ...]
#                                        runs every corpus case (or just these) for real on
#                                        that dialect's database instead, and writes
#                                        tests/corpus/dialects/CASE.DIALECT.json: the same
#                                        report (`error`, `models`, `associations`, `ddl` for
#                                        that dialect, `steps` with its SQL log), the run's
#                                        clock fixed (record.js says how). sqlite: an
#                                        in-memory database per case; mysql: a fresh database
#                                        assoc_corpus per case on a MariaDB server
#                                        (start-mariadb.sh). The PostgreSQL recordings are
#                                        left as they are.
# Installs what it needs (npm packages, a PostgreSQL or MariaDB server from apt) on first use.
# The real-code corpus runs in a database of its own (assoc_realcode), so that it and the
# corpus may be recorded at once.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/recorder"
if [ ! -d node_modules/sequelize ] || [ ! -d node_modules/sqlite3 ] || [ ! -d node_modules/mysql2 ]; then
  # sqlite3 is compiled here (a few minutes) against the installed Node's headers, rather
  # than fetched prebuilt.
  if [ -f /usr/include/node/node_api.h ]; then export npm_config_nodedir=/usr; fi
  npm_config_build_from_source=true npm ci --no-audit --no-fund --silent
fi
if [ "${1:-}" = --dialect ]; then
  dialect=${2:?--dialect sqlite or --dialect mysql}
  shift 2
  case "$dialect" in
    sqlite) ;;
    mysql) export MYSQL_URL=$(./start-mariadb.sh) ;;
    *) echo "record.sh: --dialect sqlite or mysql, not $dialect" >&2; exit 2 ;;
  esac
  cd "$root"
  if [ $# -eq 0 ]; then set -- tests/corpus/*.js; fi
  exec node recorder/record.js --dialect "$dialect" "$@"
fi
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
