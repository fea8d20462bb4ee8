#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1:54329 for recording (Debian's postgresql package).
# Prints the connection URL. Safe to call twice.
set -euo pipefail
PGPORT=${PGPORT:-54329}
PGDATA=${PGDATA:-/tmp/assoc-recorder-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
if [ ! -x "$BIN/initdb" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
fi
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
  run "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust >/dev/null
fi
if ! run "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  run "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp" -w start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
