/**
 * Event-store appends per second with 1 and 8 concurrent writers, next to a plain INSERT of the
 * same rows into an equivalent table, in the same run (issue 2, item 10).
 *
 *   node -r @swc-node/register bench/event-store-append.ts
 *
 * Env: TEST_DATABASE_URL (default crm_test on 127.0.0.1), BENCH_WARMUP_S (2), BENCH_DURATION_S (5),
 * BENCH_ROUNDS (4), BENCH_WRITERS (1,8), BENCH_BATCHES (1,10).
 */
import { PostgresEventStore } from '@crm/event-store';
import { requirePostgres, uniqueSuffix } from '@crm/testing';
import { Pool } from 'pg';
import {
  createPlainTable,
  eventStoreTarget,
  plainInsertTarget,
  type AppendTarget,
} from './support/append-targets';
import { numberFromEnv, printJson } from './support/bench-env';
import { describeLoad, machineSnapshot } from './support/machine';
import { sampleEvent } from './support/sample-events';
import { cpuSampler, serverSecondsBetween, type CpuSample } from './support/append-cpu';
import { formatTable, median, nowMs, percentile, round, sleep } from './support/stats';

/** Each stream receives this many appends before a writer opens a new one (1 in 10 appends creates a stream). */
const APPENDS_PER_STREAM = 10;

interface CaseResult {
  readonly target: AppendTarget['name'];
  readonly writers: number;
  readonly batch: number;
  readonly round: number;
  readonly appends: number;
  readonly seconds: number;
  readonly appendsPerSecond: number;
  readonly eventsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** CPU microseconds per event during the measured window. */
  readonly clientCpuUsPerEvent: number;
  readonly serverCpuUsPerEvent: number;
}

const listFromEnv = (name: string, fallback: number[]): number[] =>
  process.env[name] ? (process.env[name] as string).split(',').map((v) => Number(v.trim())) : fallback;

/**
 * Closed loop: every writer issues its next append as soon as the previous one returned, on
 * streams no other writer touches, so nothing conflicts and the number is pure write throughput.
 */
const runCase = async (
  target: AppendTarget,
  writers: number,
  batch: number,
  roundNo: number,
  warmupMs: number,
  durationMs: number,
  sampleCpu: () => Promise<CpuSample>,
): Promise<CaseResult> => {
  const started = nowMs();
  const measureFrom = started + warmupMs;
  const stopAt = measureFrom + durationMs;
  const latencies: number[] = [];
  let appends = 0;
  const cpuAtStart = sleep(warmupMs).then(sampleCpu);
  const cpuAtEnd = sleep(warmupMs + durationMs).then(sampleCpu);
  const writer = async (w: number): Promise<void> => {
    for (let n = 0; ; n++) {
      const streamId = `bench-${target.name}-r${roundNo}-b${batch}-w${writers}.${w}-${Math.floor(n / APPENDS_PER_STREAM)}`;
      const version = (n % APPENDS_PER_STREAM) * batch;
      const events = Array.from({ length: batch }, () => sampleEvent());
      const t0 = nowMs();
      if (t0 >= stopAt) return;
      await target.write(streamId, version, events);
      const t1 = nowMs();
      if (t0 >= measureFrom && t1 <= stopAt) {
        appends += 1;
        latencies.push(t1 - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  const [cpuStart, cpuEnd] = await Promise.all([cpuAtStart, cpuAtEnd]);
  const events = Math.max(1, appends * batch);
  const seconds = durationMs / 1000;
  return {
    target: target.name,
    writers,
    batch,
    round: roundNo,
    appends,
    seconds,
    appendsPerSecond: round1(appends / seconds),
    eventsPerSecond: round1((appends * batch) / seconds),
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    clientCpuUsPerEvent: round(((cpuEnd.client - cpuStart.client) * 1e6) / events, 1),
    serverCpuUsPerEvent: round((serverSecondsBetween(cpuStart, cpuEnd) * 1e6) / events, 1),
  };
};

const round1 = (v: number): number => round(v, 1);

interface Summary {
  readonly writers: number;
  readonly batch: number;
  readonly storeEventsPerSecond: number;
  readonly plainEventsPerSecond: number;
  /** Median over rounds of (store ÷ plain) measured back to back in the same round. */
  readonly storeToPlain: number;
  readonly storeToPlainRange: readonly [number, number];
  readonly storeP50Ms: number;
  readonly storeP99Ms: number;
  readonly plainP50Ms: number;
  readonly plainP99Ms: number;
  readonly storeCpuUsPerEvent: { readonly client: number; readonly server: number };
  readonly plainCpuUsPerEvent: { readonly client: number; readonly server: number };
}

const summarise = (results: readonly CaseResult[], writers: number, batch: number): Summary => {
  const of = (target: AppendTarget['name']) =>
    results.filter((r) => r.target === target && r.writers === writers && r.batch === batch);
  const store = of('event-store');
  const plain = of('plain-insert');
  // Background load on a shared machine moves both paths; a ratio taken within one round cancels most of it.
  const ratios = store.flatMap((r) => {
    const partner = plain.find((p) => p.round === r.round);
    return partner === undefined ? [] : [r.eventsPerSecond / partner.eventsPerSecond];
  });
  return {
    writers,
    batch,
    storeEventsPerSecond: round1(median(store.map((r) => r.eventsPerSecond))),
    plainEventsPerSecond: round1(median(plain.map((r) => r.eventsPerSecond))),
    storeToPlain: round(median(ratios), 3),
    storeToPlainRange: [round(Math.min(...ratios), 2), round(Math.max(...ratios), 2)],
    storeP50Ms: round(median(store.map((r) => r.p50Ms)), 2),
    storeP99Ms: round(median(store.map((r) => r.p99Ms)), 2),
    plainP50Ms: round(median(plain.map((r) => r.p50Ms)), 2),
    plainP99Ms: round(median(plain.map((r) => r.p99Ms)), 2),
    storeCpuUsPerEvent: {
      client: round(median(store.map((r) => r.clientCpuUsPerEvent)), 0),
      server: round(median(store.map((r) => r.serverCpuUsPerEvent)), 0),
    },
    plainCpuUsPerEvent: {
      client: round(median(plain.map((r) => r.clientCpuUsPerEvent)), 0),
      server: round(median(plain.map((r) => r.serverCpuUsPerEvent)), 0),
    },
  };
};

/**
 * What autovacuum's analyze does in a service within a minute or so, done here after every case.
 * Without it, a pooled connection that first ran the store's append statement while the table was
 * empty keeps a cached generic plan that scans the whole events table for the duplicate-id check
 * (measured: ~15 appends/s at 220k rows instead of ~1,200/s) until the next ANALYZE, so the number
 * would depend on which pooled connection a case happened to get. See docs/benchmarks.md.
 */
const analyzeTables = async (pool: Pool, schema: string): Promise<void> => {
  for (const table of ['events', 'streams', 'plain_events']) await pool.query(`analyze "${schema}".${table}`);
};

const main = async (): Promise<void> => {
  const warmupMs = numberFromEnv('BENCH_WARMUP_S', 2) * 1000;
  const durationMs = numberFromEnv('BENCH_DURATION_S', 5) * 1000;
  const rounds = numberFromEnv('BENCH_ROUNDS', 4);
  const writerCounts = listFromEnv('BENCH_WRITERS', [1, 8]);
  const batches = listFromEnv('BENCH_BATCHES', [1, 10]);
  const databaseUrl = await requirePostgres();
  const before = machineSnapshot();
  console.log(describeLoad('before', before));

  const suffix = uniqueSuffix();
  const schema = `bench_append_${suffix}`;
  const applicationName = `bench-append-${suffix}`;
  const pool = new Pool({
    connectionString: databaseUrl,
    max: Math.max(...writerCounts) + 2,
    application_name: applicationName,
    // Connections stay open between cases: no reconnect cost inside a measurement, stable backend pids.
    idleTimeoutMillis: 0,
  });
  const sampleCpu = cpuSampler(pool, applicationName);
  const results: CaseResult[] = [];
  try {
    const store = new PostgresEventStore({ pool, schema });
    await store.migrate();
    const plainTable = await createPlainTable(pool, schema);
    const targets = [eventStoreTarget(store, pool), plainInsertTarget(pool, plainTable)];
    for (let r = 1; r <= rounds; r++) {
      for (const writers of writerCounts) {
        for (const batch of batches) {
          // Alternate which path goes first so background load and table growth hit both alike.
          const ordered = r % 2 === 1 ? targets : [...targets].reverse();
          for (const target of ordered) {
            const result = await runCase(target, writers, batch, r, warmupMs, durationMs, sampleCpu);
            await analyzeTables(pool, schema);
            results.push(result);
            console.log(
              `round ${r} ${target.name.padEnd(12)} writers=${writers} batch=${batch}: ` +
                `${result.eventsPerSecond} events/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
            );
          }
        }
      }
    }
    // Sanity check that every counted append really landed (counts include warm-up appends).
    const [storeRows, plainRows] = await Promise.all(targets.map((t) => t.rowCount()));
    console.log(`rows written: event store ${storeRows}, plain table ${plainRows}`);
    const after = machineSnapshot();
    console.log(describeLoad('after', after));

    const summaries = writerCounts.flatMap((w) => batches.map((b) => summarise(results, w, b)));
    console.log(
      `\nMedian of ${rounds} round(s), ${durationMs / 1000} s measured after ${warmupMs / 1000} s warm-up each:\n`,
    );
    console.log(
      formatTable(
        [
          'writers',
          'events/append',
          'event store ev/s',
          'plain INSERT ev/s',
          'store/plain (range)',
          'store p50/p99 ms',
          'plain p50/p99 ms',
        ],
        summaries.map((s) => [
          String(s.writers),
          s.batch,
          s.storeEventsPerSecond,
          s.plainEventsPerSecond,
          `${s.storeToPlain} (${s.storeToPlainRange[0]}-${s.storeToPlainRange[1]})`,
          `${s.storeP50Ms} / ${s.storeP99Ms}`,
          `${s.plainP50Ms} / ${s.plainP99Ms}`,
        ]),
      ),
    );
    console.log('\nCPU per event, µs (client = this Node process; server = its PostgreSQL backends):\n');
    console.log(
      formatTable(
        ['writers', 'events/append', 'store client', 'store server', 'plain client', 'plain server'],
        summaries.map((s) => [
          String(s.writers),
          s.batch,
          s.storeCpuUsPerEvent.client,
          s.storeCpuUsPerEvent.server,
          s.plainCpuUsPerEvent.client,
          s.plainCpuUsPerEvent.server,
        ]),
      ),
    );
    printJson({
      bench: 'event-store-append',
      settings: { warmupMs, durationMs, rounds, writerCounts, batches, appendsPerStream: APPENDS_PER_STREAM },
      machine: { before, after },
      rows: { eventStore: storeRows, plain: plainRows },
      summaries,
      results,
    });
  } finally {
    await pool.query(`drop schema if exists "${schema}" cascade`).catch((e: unknown) => console.error(e));
    await pool.end();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
