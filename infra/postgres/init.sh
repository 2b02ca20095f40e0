#!/usr/bin/env bash
# Creates the databases the services and tests use on the local PostgreSQL (idempotent).
# Each service creates its own schemas (events + read models) at start-up.
set -euo pipefail
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
for i in $(seq 1 30); do pg_isready -q && break; sleep 1; done
pg_isready -q || { echo "[postgres] not reachable at $PGHOST:$PGPORT" >&2; exit 1; }
for db in ${CRM_DATABASES:-crm crm_test}; do
  if [ "$(psql -tAc "select 1 from pg_database where datname='$db'" postgres)" != "1" ]; then
    psql -q -c "create database $db" postgres
    echo "[postgres] created database $db" >&2
  fi
done
# Read-only role for analysts querying read models (architecture §6).
psql -q -d crm -c "do \$\$ begin if not exists (select from pg_roles where rolname='crm_analyst') then create role crm_analyst login; end if; end \$\$;"
