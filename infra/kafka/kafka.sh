#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft) broker from Maven Central jars; no Docker needed.
# Usage: infra/kafka/kafka.sh fetch|start|stop|status
# The broker keeps its data (topics, offsets, cluster id) across stop/start; KAFKA_FRESH=1 deletes it
# first (infra/test-all.sh sets it for its private broker).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
KAFKA_VERSION="${KAFKA_VERSION:-3.9.2}"
STATE_DIR="${KAFKA_STATE_DIR:-$ROOT/.local/kafka}"
LIB_DIR="${KAFKA_LIB_CACHE:-$STATE_DIR}/lib-$KAFKA_VERSION"
DATA_DIR="$STATE_DIR/data"
PID_FILE="$STATE_DIR/kafka.pid"
LOG_FILE="$STATE_DIR/kafka.log"
PORT="${KAFKA_PORT:-19092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
LOG_OPTS="-Dlog4j.configuration=file:$HERE/log4j.properties"

log() { printf '[kafka] %s\n' "$*" >&2; }

fetch() {
  if [ -f "$LIB_DIR/.complete" ]; then return 0; fi
  log "fetching Apache Kafka $KAFKA_VERSION jars from Maven Central into $LIB_DIR"
  rm -rf "$LIB_DIR" && mkdir -p "$LIB_DIR" "$STATE_DIR"
  mvn -B -q -ntp -f "$HERE/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIB_DIR"
  touch "$LIB_DIR/.complete"
  log "$(ls "$LIB_DIR" | wc -l) jars ready"
}

is_running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

start() {
  fetch
  if is_running; then log "already running (pid $(cat "$PID_FILE"))"; return 0; fi
  if [ "${KAFKA_FRESH:-0}" = 1 ]; then log "KAFKA_FRESH=1: deleting $DATA_DIR"; rm -rf "$DATA_DIR"; fi
  mkdir -p "$STATE_DIR" "$DATA_DIR"
  local props="$STATE_DIR/server.properties"
  cat >"$props" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
default.replication.factor=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
offsets.topic.num.partitions=1
transaction.state.log.num.partitions=1
num.network.threads=2
num.io.threads=2
background.threads=2
log.cleaner.dedupe.buffer.size=1048577
auto.create.topics.enable=false
PROPS
  # KRaft storage is formatted once: formatting again would mint a new cluster id for old data.
  if [ ! -f "$DATA_DIR/meta.properties" ]; then
    local cluster_id
    # Kafka's own rule (Uuid.randomUuid): never start with '-', which the format tool would take for an
    # option ("expected one argument"); with 64 possible first characters that failed 1 start in 64.
    cluster_id="$(node -e "let id; do { id = require('crypto').randomBytes(16).toString('base64url'); } while (id.startsWith('-')); process.stdout.write(id)")"
    java $LOG_OPTS -cp "$LIB_DIR/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" >"$STATE_DIR/format.log" 2>&1 \
      || { cat "$STATE_DIR/format.log" >&2; exit 1; }
    log "formatted $DATA_DIR (cluster id $cluster_id)"
  fi
  log "starting broker on 127.0.0.1:$PORT"
  nohup java -Xms256m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 $LOG_OPTS \
    -cp "$LIB_DIR/*" kafka.Kafka "$props" >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 120); do
    if grep -q 'Kafka Server started' "$LOG_FILE" 2>/dev/null; then log "ready (pid $(cat "$PID_FILE"))"; return 0; fi
    if ! is_running; then log "broker exited during start-up:"; tail -40 "$LOG_FILE" >&2; exit 1; fi
    sleep 0.5
  done
  log "broker not ready after 60 s:"; tail -40 "$LOG_FILE" >&2; stop; exit 1
}

stop() {
  if ! is_running; then rm -f "$PID_FILE"; return 0; fi
  local pid; pid="$(cat "$PID_FILE")"
  log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) if is_running; then echo "running pid $(cat "$PID_FILE") on 127.0.0.1:$PORT"; else echo "stopped"; exit 1; fi ;;
  *) echo "usage: $0 fetch|start|stop|status" >&2; exit 2 ;;
esac
