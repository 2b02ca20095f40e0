#!/usr/bin/env bash
# Starts the whole system on this machine: npm packages, PostgreSQL databases, a local Kafka broker
# (jars from Maven Central) and the five services in the background. Stop with infra/stop-all.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_node_modules
ensure_postgres
bash "$ROOT/infra/kafka/kafka.sh" start

# A local run: the only setting under which the services accept their development secrets.
export NODE_ENV="${NODE_ENV:-development}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-19092}}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/crm}"
RUN_DIR="$ROOT/.local/run"
mkdir -p "$RUN_DIR"

# Services run from the compiled build in dist/ (as in the images). START_MODE=dev runs the
# TypeScript sources through @swc-node/register instead: no build step, slower start.
if [ "${START_MODE:-dist}" = dev ]; then
  entry() { echo "-r @swc-node/register services/$1/src/main.ts"; }
else
  say "building the services into dist/"
  node -r @swc-node/register tools/build/build.ts --all
  entry() { echo "dist/services/$1/src/main.js"; }
fi

# Without a mail server of your own (SMTP_URL), e-mail goes to a local catcher: read it at
# http://127.0.0.1:3025/messages.
if [ -z "${SMTP_URL:-}" ]; then
  if ! { [ -f "$RUN_DIR/mail-catcher.pid" ] && kill -0 "$(cat "$RUN_DIR/mail-catcher.pid")" 2>/dev/null; }; then
    SMTP_PORT=2525 HTTP_PORT=3025 nohup node -r @swc-node/register services/notifications/src/testing/mail-catcher.cli.ts \
      >"$RUN_DIR/mail-catcher.log" 2>&1 &
    echo $! >"$RUN_DIR/mail-catcher.pid"
  fi
  export SMTP_URL="smtp://127.0.0.1:2525"
fi
declare -A PORTS=([customers]="${CUSTOMERS_PORT:-3001}" [complaints]="${COMPLAINTS_PORT:-3002}" [credit]="${CREDIT_PORT:-3003}" [invitations]="${INVITATIONS_PORT:-3004}" [notifications]="${NOTIFICATIONS_PORT:-3005}"
  [penalties]="${PENALTIES_PORT:-3006}")
SERVICES=(customers complaints credit invitations notifications penalties)
for svc in "${SERVICES[@]}"; do
  pid_file="$RUN_DIR/$svc.pid"
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then say "$svc already running"; continue; fi
  say "starting $svc on :${PORTS[$svc]} (log: .local/run/$svc.log)"
  PORT="${PORTS[$svc]}" SERVICE_NAME="$svc" nohup node $(entry "$svc") \
    >"$RUN_DIR/$svc.log" 2>&1 &
  echo $! >"$pid_file"
done

for svc in "${SERVICES[@]}"; do
  url="http://127.0.0.1:${PORTS[$svc]}/health"
  for i in $(seq 1 120); do
    if curl -fsS "$url" >/dev/null 2>&1; then say "$svc healthy: http://127.0.0.1:${PORTS[$svc]}/docs"; break; fi
    if ! kill -0 "$(cat "$RUN_DIR/$svc.pid")" 2>/dev/null; then say "$svc exited:"; tail -30 "$RUN_DIR/$svc.log" >&2; exit 1; fi
    [ "$i" = 120 ] && { say "$svc not healthy after 60 s:"; tail -30 "$RUN_DIR/$svc.log" >&2; exit 1; }
    sleep 0.5
  done
done

# The console: the web app built once, the BFF on :3000 in front of the services.
say "building the console web app"
npx vite build services/console/web --logLevel warn
CONSOLE_PORT="${CONSOLE_PORT:-3000}"
if [ -f "$RUN_DIR/console.pid" ] && kill -0 "$(cat "$RUN_DIR/console.pid")" 2>/dev/null; then
  say "console already running"
else
  PORT="$CONSOLE_PORT" SERVICE_NAME=console WEB_DIST="services/console/web/dist" \
    CUSTOMERS_URL="http://127.0.0.1:${PORTS[customers]}" COMPLAINTS_URL="http://127.0.0.1:${PORTS[complaints]}" \
    CREDIT_URL="http://127.0.0.1:${PORTS[credit]}" INVITATIONS_URL="http://127.0.0.1:${PORTS[invitations]}" \
    NOTIFICATIONS_URL="http://127.0.0.1:${PORTS[notifications]}" PENALTIES_URL="http://127.0.0.1:${PORTS[penalties]}" \
    nohup node $(entry console) >"$RUN_DIR/console.log" 2>&1 &
  echo $! >"$RUN_DIR/console.pid"
fi
for i in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$CONSOLE_PORT/health" >/dev/null 2>&1 && break
  [ "$i" = 60 ] && { say "console not healthy after 30 s:"; tail -30 "$RUN_DIR/console.log" >&2; exit 1; }
  sleep 0.5
done

# A demo company for newcomers, only into an empty system (SEED_DEMO=0 skips it).
if [ "${SEED_DEMO:-1}" = 1 ]; then
  CUSTOMERS_URL="http://127.0.0.1:${PORTS[customers]}" INVITATIONS_URL="http://127.0.0.1:${PORTS[invitations]}" \
    npm run -s seed:demo -- --if-empty || say "demo seed failed (see above); the system is up without it"
fi
say "system up. Open the console: http://127.0.0.1:$CONSOLE_PORT (sign in as a person of the staff directory)"
