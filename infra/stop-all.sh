#!/usr/bin/env bash
# Stops the services, the console, the mail catcher and the local Kafka broker started by infra/start-all.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
for pid_file in "$ROOT"/.local/run/*.pid; do
  [ -f "$pid_file" ] || continue
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
done
bash "$ROOT/infra/kafka/kafka.sh" stop
say "stopped"
