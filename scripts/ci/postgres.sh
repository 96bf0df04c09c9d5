#!/usr/bin/env bash
# A throwaway PostgreSQL for the test suite: Debian's packages, a fresh cluster in a temp dir,
# listening on 127.0.0.1 only (a free port), one database and one password-protected role.
#
# Sourced (as .ci/run does):   . scripts/ci/postgres.sh; sitrep_pg_start; trap sitrep_pg_stop EXIT
#   -> exports SITREP_TEST_PG_URL=postgresql+psycopg://sitrep:…@127.0.0.1:PORT/sitrep_test
# Run:                         scripts/ci/postgres.sh run -- .venv/bin/pytest tests/store
#   -> starts the server, runs the command with SITREP_TEST_PG_URL set, stops the server.
# An already set SITREP_TEST_PG_URL is used as it is: nothing is installed or started.

_sitrep_pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

_sitrep_pg_as_owner() {
  # initdb and postgres refuse to run as root: run them as the postgres user then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

sitrep_pg_start() {
  if [ -n "${SITREP_TEST_PG_URL:-}" ]; then
    echo "postgres: using the given SITREP_TEST_PG_URL" >&2
    return 0
  fi
  local bin
  if ! bin=$(_sitrep_pg_bindir); then
    echo "postgres: installing Debian's postgresql package" >&2
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
    bin=$(_sitrep_pg_bindir) || { echo "postgres: no initdb after install" >&2; return 1; }
  fi
  SITREP_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-pg.XXXXXX")
  export SITREP_PG_DIR SITREP_PG_BIN="$bin"
  local port password
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  printf '%s\n' "$password" >"$SITREP_PG_DIR/pwfile"
  chmod 600 "$SITREP_PG_DIR/pwfile"
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$SITREP_PG_DIR"; fi

  # Superuser 'postgres' (socket: trust, only reachable inside the temp dir; TCP: password).
  _sitrep_pg_as_owner "$bin/initdb" -D "$SITREP_PG_DIR/data" -U postgres -E UTF8 \
    --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$SITREP_PG_DIR/pwfile" >"$SITREP_PG_DIR/initdb.log" 2>&1 \
    || { cat "$SITREP_PG_DIR/initdb.log" >&2; return 1; }
  # A test server: loopback only, no durability across a server crash (fsync off) for speed;
  # committed transactions still survive a killed client, which is what the tests kill.
  _sitrep_pg_as_owner "$bin/pg_ctl" -D "$SITREP_PG_DIR/data" -l "$SITREP_PG_DIR/server.log" \
    -w -t 60 start -o "-c listen_addresses=127.0.0.1 -p $port -k $SITREP_PG_DIR \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { cat "$SITREP_PG_DIR/server.log" >&2; return 1; }

  _sitrep_pg_as_owner "$bin/psql" -q -h "$SITREP_PG_DIR" -p "$port" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 -v pw="$password" >/dev/null <<'SQL' || return 1
CREATE ROLE sitrep LOGIN PASSWORD :'pw';
CREATE DATABASE sitrep_test OWNER sitrep;
SQL
  export SITREP_PG_PORT="$port"
  export SITREP_TEST_PG_URL="postgresql+psycopg://sitrep:$password@127.0.0.1:$port/sitrep_test"
  echo "postgres: $("$bin/postgres" --version) on 127.0.0.1:$port (data in $SITREP_PG_DIR)" >&2
}

sitrep_pg_stop() {
  [ -n "${SITREP_PG_DIR:-}" ] && [ -d "$SITREP_PG_DIR" ] || return 0
  _sitrep_pg_as_owner "$SITREP_PG_BIN/pg_ctl" -D "$SITREP_PG_DIR/data" -m fast -w stop \
    >/dev/null 2>&1 || true
  rm -rf "$SITREP_PG_DIR"
  unset SITREP_PG_DIR SITREP_TEST_PG_URL
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  if [ "${1:-}" != run ] || [ "${2:-}" != -- ] || [ $# -lt 3 ]; then
    echo "usage: $0 run -- COMMAND [ARGS...]" >&2
    exit 2
  fi
  shift 2
  trap sitrep_pg_stop EXIT
  sitrep_pg_start
  "$@"
fi
