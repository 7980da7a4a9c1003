#!/usr/bin/env bash
# Idempotent: install (if missing) and start PostgreSQL, create role/db for the ledger tests,
# and print the test database URL on the last line:
#   export COPILOT_TEST_PG_URL=$(bash .ci/postgres.sh | tail -1)
# Runs as root on Debian/Ubuntu (CI) or with sudo available.
set -euo pipefail

PG_USER="${PG_USER:-copilot}"
PG_PASSWORD="${PG_PASSWORD:-copilot}"
PG_DB="${PG_DB:-copilot_test}"
PG_PORT="${PG_PORT:-5432}"

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "installing postgresql ..." >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main"' | grep -q .; then
  $SUDO pg_createcluster "$VERSION" main --port "$PG_PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" && $4=="online"' | grep -q .; then
  $SUDO pg_ctlcluster "$VERSION" main start >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')"

as_postgres() { if [ -z "$SUDO" ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
psql_admin() { as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
for _ in $(seq 1 30); do  # wait until the server accepts connections
  if psql_admin -c "SELECT 1" >/dev/null 2>&1; then break; fi
  sleep 1
done

if [ -z "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='${PG_USER}'")" ]; then
  psql_admin -c "CREATE ROLE ${PG_USER} LOGIN PASSWORD '${PG_PASSWORD}'" >&2
fi
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname='${PG_DB}'")" ]; then
  psql_admin -c "CREATE DATABASE ${PG_DB} OWNER ${PG_USER}" >&2
fi

echo "postgresql+psycopg://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${PORT}/${PG_DB}"
