#!/usr/bin/env bash
# Starts a throwaway MariaDB server on 127.0.0.1:33069 for recording the corpus on the mysql
# dialect (Debian's mariadb-server package), its data under /tmp. Prints the connection URL
# (user root, no password, no database: the recorder makes one per case). Safe to call twice.
set -euo pipefail
MYPORT=${MYPORT:-33069}
MYDATA=${MYDATA:-/tmp/assoc-recorder-mariadb}
SOCK="$MYDATA/mariadb.sock"
if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
fi
PATH="$PATH:/usr/sbin"
user=$(id -un); [ "$(id -u)" = 0 ] && user=mysql
if [ ! -d "$MYDATA/mysql" ]; then
  mkdir -p "$MYDATA"; [ "$(id -u)" = 0 ] && chown mysql "$MYDATA"
  mariadb-install-db --no-defaults --datadir="$MYDATA" --user="$user" --auth-root-authentication-method=normal \
    --skip-test-db >"$MYDATA/install.log" 2>&1
fi
if ! mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1; then
  # --no-defaults: none of /etc/mysql's settings. The server's own default character set is
  # latin1; utf8mb4 is said here, as Debian's configuration says it.
  mariadbd --no-defaults --datadir="$MYDATA" --user="$user" --bind-address=127.0.0.1 --port="$MYPORT" \
    --socket="$SOCK" --pid-file="$MYDATA/mariadb.pid" --log-error="$MYDATA/error.log" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --skip-name-resolve --innodb-buffer-pool-size=64M >/dev/null 2>&1 &
  for _ in $(seq 1 60); do
    mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1 && break
    sleep 0.5
  done
  mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null
fi
echo "mysql://root@127.0.0.1:$MYPORT"
