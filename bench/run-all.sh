#!/usr/bin/env bash
# Runs the benchmarks one after another against the local PostgreSQL and Kafka that are already
# running (bash infra/start-all.sh, or infra/kafka/kafka.sh start + infra/postgres/init.sh).
# One at a time on purpose: they would otherwise compete for the same cores and skew each other.
# Output (console tables + JSON) goes to bench/results/<UTC timestamp>/ as well as the terminal.
# BENCH_ONLY="credit-contention invitations-contention" runs just those (names = bench/<name>.ts);
# BENCH_ONLY=services runs the three service contention benchmarks (about 1.5 minutes in all).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/crm_test}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:19092}"
export KAFKAJS_NO_PARTITIONER_WARNING=1

out="bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

machine() {
  echo "cores: $(nproc)"
  grep -m1 'model name' /proc/cpuinfo || true
  free -g | head -2
  echo "node $(node --version)"
  psql "$TEST_DATABASE_URL" -Atc 'show server_version' 2>/dev/null | sed 's/^/postgresql /' || true
  echo "uptime: $(uptime)"
}

machine | tee "$out/machine-before.txt"
platform="event-store-append relay-throughput e2e-latency"
services="credit-contention complaints-registration invitations-contention approvals-inbox notification-latency"
case "${BENCH_ONLY:-}" in
  '') benches="$platform $services" ;;
  services) benches="$services" ;;
  platform) benches="$platform" ;;
  *) benches="$BENCH_ONLY" ;;
esac

for bench in $benches; do
  if [ ! -f "bench/$bench.ts" ]; then
    echo "no benchmark bench/$bench.ts" >&2
    exit 2
  fi
  echo
  echo "==> $bench (uptime: $(uptime | sed 's/.*load/load/'))"
  node -r @swc-node/register "bench/$bench.ts" 2>&1 | tee "$out/$bench.txt"
  # The JSON block follows the '--- json ---' marker line.
  sed -n '/^--- json ---$/,$p' "$out/$bench.txt" | tail -n +2 >"$out/$bench.json"
done
echo
machine | tee "$out/machine-after.txt"
echo "results in $out"
