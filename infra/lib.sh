#!/usr/bin/env bash
# Shared helpers for the start/test scripts. Sourced, not executed.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export KAFKAJS_NO_PARTITIONER_WARNING=1

say() { printf '\033[1m[crm]\033[0m %s\n' "$*" >&2; }

# Install only when the lock file changed since the last install (a fresh clone always installs).
# `npm install` rather than `npm ci`: the registry mirror here serves only this platform's optional
# native packages (@swc/core-linux-x64-gnu, ...), so the lock lacks the others and `npm ci` refuses it
# as out of sync; `npm install` follows the lock and skips unavailable optional packages.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.crm-lock-hash" want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  say "installing npm packages"
  (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

# The machine's PostgreSQL is normally running; start the cluster if it is not.
ensure_postgres() {
  if ! pg_isready -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}"; then
    say "PostgreSQL not answering; trying to start the local cluster"
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    fi
  fi
  bash "$ROOT/infra/postgres/init.sh"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# First pair of free ports (broker, controller) at or above $1.
free_port_pair() {
  local p="$1"
  while ! port_free "$p" || ! port_free "$((p + 1))"; do p=$((p + 10)); done
  echo "$p"
}
