#!/usr/bin/env bash
# Browser tests of the console against the real system: a private Kafka broker and a fresh database,
# the five services, a mail catcher (SMTP in, HTTP out) and the console as separate processes (NODE_ENV=test), the built web app, and
# Playwright driving Debian's Chromium (installed with apt-get when missing). Stops what it started.
# Results: .local/playwright-results.json; screenshots: .local/console-screenshots/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_node_modules
ensure_postgres

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  say "installing Debian's chromium and CJK fonts (Playwright cannot download its own browser here)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
[ -x "$CHROMIUM_PATH" ] || { say "no Chromium at $CHROMIUM_PATH"; exit 1; }

RUN_DIR="$ROOT/.local/console-e2e"
rm -rf "$RUN_DIR" && mkdir -p "$RUN_DIR"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  KAFKA_STATE_DIR="$RUN_DIR/kafka" KAFKA_PORT="$E2E_KAFKA_PORT" bash "$ROOT/infra/kafka/kafka.sh" stop || true
}
trap cleanup EXIT

# A broker of its own: the Jest suites' topics and consumer offsets must not leak into this system.
E2E_KAFKA_PORT="$(free_port_pair "${E2E_KAFKA_PORT:-19292}")"
KAFKA_STATE_DIR="$RUN_DIR/kafka" KAFKA_LIB_CACHE="${KAFKA_LIB_CACHE:-$ROOT/.local/kafka}" \
  KAFKA_PORT="$E2E_KAFKA_PORT" KAFKA_CONTROLLER_PORT="$((E2E_KAFKA_PORT + 1))" KAFKA_FRESH=1 \
  bash "$ROOT/infra/kafka/kafka.sh" start

DB="${E2E_DATABASE:-crm_e2e}"
psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -q -c "drop database if exists $DB with (force)" postgres
psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -q -c "create database $DB" postgres

say "building the console web app"
npx vite build services/console/web --logLevel warn

next_port() { local p="$1"; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }
base="$(next_port "${E2E_PORT_BASE:-3101}")"
export NODE_ENV=test KAFKA_BROKERS="127.0.0.1:$E2E_KAFKA_PORT" DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export LOG_LEVEL="${E2E_LOG_LEVEL:-warn}" DB_POOL_MAX="${DB_POOL_MAX:-6}"
# The notifications service sends its e-mail to a local catcher the specs read over HTTP.
smtp_port="$(next_port "$base")"
mail_port="$(next_port "$((smtp_port + 1))")"
base=$((mail_port + 1))
SMTP_PORT="$smtp_port" HTTP_PORT="$mail_port" \
  node -r @swc-node/register services/notifications/src/testing/mail-catcher.cli.ts >"$RUN_DIR/mail-catcher.log" 2>&1 &
PIDS+=($!)
export SMTP_URL="smtp://127.0.0.1:$smtp_port" MAIL_CATCHER_URL="http://127.0.0.1:$mail_port"
declare -A URLS
for svc in customers complaints credit invitations notifications penalties; do
  port="$(next_port "$base")"
  base=$((port + 1))
  PORT="$port" SERVICE_NAME="$svc" node -r @swc-node/register "services/$svc/src/main.ts" >"$RUN_DIR/$svc.log" 2>&1 &
  PIDS+=($!)
  URLS[$svc]="http://127.0.0.1:$port"
done
console_port="$(next_port "$base")"
PORT="$console_port" WEB_DIST="services/console/web/dist" DIRECTORY_RECHECK_SECONDS=1 \
  CUSTOMERS_URL="${URLS[customers]}" COMPLAINTS_URL="${URLS[complaints]}" \
  CREDIT_URL="${URLS[credit]}" INVITATIONS_URL="${URLS[invitations]}" NOTIFICATIONS_URL="${URLS[notifications]}" \
  PENALTIES_URL="${URLS[penalties]}" \
  node -r @swc-node/register services/console/src/main.ts >"$RUN_DIR/console.log" 2>&1 &
PIDS+=($!)

for url in "${URLS[@]}" "http://127.0.0.1:$console_port" "$MAIL_CATCHER_URL"; do
  for i in $(seq 1 240); do
    curl -fsS "$url/health" >/dev/null 2>&1 && break
    [ "$i" = 240 ] && { say "$url not healthy after 120 s"; tail -30 "$RUN_DIR"/*.log >&2; exit 1; }
    sleep 0.5
  done
done
say "system up for the browser tests: console http://127.0.0.1:$console_port"

export CONSOLE_URL="http://127.0.0.1:$console_port" CHROMIUM_PATH
export CUSTOMERS_URL="${URLS[customers]}" COMPLAINTS_URL="${URLS[complaints]}" CREDIT_URL="${URLS[credit]}" INVITATIONS_URL="${URLS[invitations]}"
export NOTIFICATIONS_URL="${URLS[notifications]}"
export PENALTIES_URL="${URLS[penalties]}"
set +e
npx playwright test -c services/console/web/playwright.config.ts "$@"
status=$?
set -e
[ $status -ne 0 ] && { say "browser tests failed; service logs in $RUN_DIR"; tail -20 "$RUN_DIR/console.log" >&2; }
exit $status
