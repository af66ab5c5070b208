#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the hub's tests: 127.0.0.1 on a free port, data under
# /tmp, trust authentication (nothing but this machine can reach it).
#
#   eval "$(tools/throwaway-postgres.sh start)"   # exports FIELDTRACE_TEST_PG and PGTEST_DIR
#   tools/throwaway-postgres.sh stop "$PGTEST_DIR"
#
# fsync is off for the tests (nothing there needs to survive a power cut); PGTEST_FSYNC=on keeps
# it for a benchmark, so its figures are those of a real server.
#
# Installs PostgreSQL from the distribution's packages if it is missing. As root (CI), the
# server runs as the `postgres` user, which initdb requires.
set -euo pipefail

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "== installing postgresql" >&2
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >/dev/null
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    bin=$(bindir)
    port=""
    for _ in $(seq 1 50); do
      candidate=$(( 20000 + RANDOM % 30000 ))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        port=$candidate
        break
      fi
    done
    [ -n "$port" ] || { echo "no free port found" >&2; exit 1; }
    dir=$(mktemp -d /tmp/fieldtrace-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=${PGTEST_FSYNC:-off}" \
      start >/dev/null
    echo "export PGTEST_DIR=$dir"
    echo "export FIELDTRACE_TEST_PG=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?the directory start printed}
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
