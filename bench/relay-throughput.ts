/**
 * Relay throughput: N contract events are appended first, then the real EventRelay publishes them
 * to a fresh Kafka topic; we time it until every event is on the broker (issue 2, item 10).
 *
 *   node -r @swc-node/register bench/relay-throughput.ts
 *
 * Env: TEST_DATABASE_URL, KAFKA_BROKERS, BENCH_RELAY_EVENTS (20000), BENCH_RELAY_BATCHES (500,2000;
 * 500 is the relay's default and what the customers service uses).
 */
import { PostgresCheckpointStore, PostgresEventStore } from '@crm/event-store';
import {
  EventRelay,
  HEADER_EVENT_ID,
  ensureTopics,
  topicMessageCount,
  type ContractMapper,
  type RelayEvent,
} from '@crm/messaging';
import { CUSTOMER_REGISTERED, parseCustomerRegisteredV1 } from '@crm/customers-contracts';
import { requireKafka, requirePostgres, uniqueSuffix } from '@crm/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { numberFromEnv, printJson } from './support/bench-env';
import { distinctHeaderValues } from './support/kafka-count';
import { describeLoad, machineSnapshot } from './support/machine';
import { sampleEvent } from './support/sample-events';
import { formatTable, nowMs, percentile, round, sleep } from './support/stats';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

const APPEND_WRITERS = 8;

/** Same work as the customers service's mapper: re-validate the payload against the v1 contract. */
const toContract: ContractMapper = (event) => {
  if (event.type !== CUSTOMER_REGISTERED) return null;
  const data = parseCustomerRegisteredV1(event.data);
  return { aggregateId: data.customerId, type: CUSTOMER_REGISTERED, data };
};

const preAppend = async (store: PostgresEventStore, total: number): Promise<number> => {
  const started = nowMs();
  let next = 0;
  const writer = async (): Promise<void> => {
    while (next < total) {
      next += 1;
      const event = sampleEvent();
      const customerId = (event.data as { customerId: string }).customerId;
      await store.append(`customer-${customerId}`, [event], 'no_stream');
    }
  };
  await Promise.all(Array.from({ length: APPEND_WRITERS }, writer));
  return (nowMs() - started) / 1000;
};

/**
 * The gap-safe log hides every event whose transaction is newer than the oldest transaction still
 * open anywhere on the cluster (other test suites hold some open on purpose). Waiting until all N
 * are readable keeps that wait out of the relay's number; it is reported separately.
 */
const waitUntilVisible = async (pool: Pool, schema: string, total: number): Promise<number> => {
  const started = nowMs();
  for (;;) {
    const result = await pool.query<{ n: string }>(
      `select count(*)::text as n from "${schema}".events
        where transaction_id < pg_snapshot_xmin(pg_current_snapshot())`,
    );
    if (Number(result.rows[0]?.n ?? 0) >= total) return (nowMs() - started) / 1000;
    if (nowMs() - started > 300_000) throw new Error('events not visible to the gap-safe read after 300 s');
    await sleep(20);
  }
};

interface RunResult {
  readonly batchSize: number;
  /** Time spent waiting for other sessions' open transactions before the run could start. */
  readonly visibilityWaitSeconds: number;
  /** relay.start() until it held the lock and its producer was connected. */
  readonly secondsToActive: number;
  readonly events: number;
  readonly recordsOnTopic: number;
  readonly distinctEventIds: number;
  /** relay.start() until the broker acknowledged the last batch (includes producer connect). */
  readonly secondsFromStart: number;
  /** First batch read until the last acknowledgement: the steady-state pipeline. */
  readonly secondsPublishing: number;
  readonly eventsPerSecondFromStart: number;
  readonly eventsPerSecondPublishing: number;
  readonly batches: number;
  readonly batchP50Ms: number;
  readonly batchP99Ms: number;
}

const runRelay = async (
  kafka: Kafka,
  pool: Pool,
  store: PostgresEventStore,
  suffix: string,
  batchSize: number,
  total: number,
): Promise<RunResult> => {
  const topic = `bench.relay.b${batchSize}.${suffix}`;
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [topic]);
  await admin.disconnect();

  const batches: { readonly at: number; readonly published: number; readonly durationMs: number }[] = [];
  let published = 0;
  let lastAckAt = 0;
  let activeAt = 0;
  const relay = new EventRelay({
    name: `bench-relay-b${batchSize}-${suffix}`,
    store,
    checkpoints: new PostgresCheckpointStore(pool, store.schema),
    kafka,
    topic,
    lockPool: pool,
    toContract,
    batchSize,
    pollIntervalMs: 20,
    ensureTopic: false,
    onEvent: (event: RelayEvent) => {
      if (event.kind === 'published') {
        batches.push({ at: nowMs(), published: event.published, durationMs: event.durationMs });
        published += event.published;
        if (published >= total && lastAckAt === 0) lastAckAt = nowMs();
      } else if (event.kind === 'role' && event.role === 'active') activeAt = nowMs();
      else if (event.kind === 'error') console.error(`relay error: ${event.error}`);
    },
  });
  const visibilityWaitSeconds = await waitUntilVisible(pool, store.schema, total);
  const startedAt = nowMs();
  relay.start();
  // The gap-safe read shows nothing while an older transaction anywhere on the cluster is open,
  // so this waits on what the broker acknowledged rather than assuming a duration.
  while (lastAckAt === 0) {
    if (nowMs() - startedAt > 300_000) throw new Error(`relay published only ${published}/${total} in 300 s`);
    await sleep(5);
  }
  await relay.caughtUp(60_000);
  await relay.stop();

  const firstBatchStart = (batches[0]?.at ?? startedAt) - (batches[0]?.durationMs ?? 0);
  const recordsOnTopic = await topicMessageCount(kafka, topic);
  const verified = await distinctHeaderValues(kafka, topic, HEADER_EVENT_ID, total);
  const secondsFromStart = (lastAckAt - startedAt) / 1000;
  const secondsPublishing = (lastAckAt - firstBatchStart) / 1000;
  return {
    batchSize,
    visibilityWaitSeconds: round(visibilityWaitSeconds, 2),
    secondsToActive: round((activeAt - startedAt) / 1000, 3),
    events: total,
    recordsOnTopic,
    distinctEventIds: verified.distinct.size,
    secondsFromStart: round(secondsFromStart, 2),
    secondsPublishing: round(secondsPublishing, 2),
    eventsPerSecondFromStart: round(total / secondsFromStart, 0),
    eventsPerSecondPublishing: round(total / secondsPublishing, 0),
    batches: batches.length,
    batchP50Ms: percentile(
      batches.map((b) => b.durationMs),
      50,
    ),
    batchP99Ms: percentile(
      batches.map((b) => b.durationMs),
      99,
    ),
  };
};

const main = async (): Promise<void> => {
  const total = numberFromEnv('BENCH_RELAY_EVENTS', 20_000);
  const batchSizes = (process.env['BENCH_RELAY_BATCHES'] ?? '500,2000')
    .split(',')
    .map((v) => Number(v.trim()));
  const [databaseUrl, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const before = machineSnapshot();
  console.log(describeLoad('before', before));

  const suffix = uniqueSuffix();
  const schema = `bench_relay_${suffix}`;
  const pool = new Pool({ connectionString: databaseUrl, max: APPEND_WRITERS + 2 });
  const kafka = new Kafka({ clientId: `bench-relay-${suffix}`, brokers, logLevel: logLevel.ERROR });
  const topics = batchSizes.map((b) => `bench.relay.b${b}.${suffix}`);
  try {
    const store = new PostgresEventStore({ pool, schema });
    await store.migrate();
    const appendSeconds = await preAppend(store, total);
    console.log(`pre-appended ${total} CustomerRegistered events in ${round(appendSeconds, 1)} s`);

    const results: RunResult[] = [];
    for (const batchSize of batchSizes) {
      const result = await runRelay(kafka, pool, store, suffix, batchSize, total);
      results.push(result);
      console.log(
        `batch ${batchSize}: ${result.eventsPerSecondFromStart} events/s from start, ` +
          `${result.eventsPerSecondPublishing} events/s publishing; ${result.recordsOnTopic} records, ` +
          `${result.distinctEventIds} distinct event ids on the topic ` +
          `(active after ${result.secondsToActive} s; waited ${result.visibilityWaitSeconds} s for visibility)`,
      );
      if (result.recordsOnTopic !== total || result.distinctEventIds !== total)
        throw new Error(`expected exactly ${total} events on the topic`);
    }
    const after = machineSnapshot();
    console.log(describeLoad('after', after));
    console.log(`\n${total} events, 6 partitions, acks=all, idempotent producer:\n`);
    console.log(
      formatTable(
        [
          'relay batch',
          'events/s from start',
          'events/s publishing',
          'seconds',
          'batch p50/p99 ms',
          'on topic',
        ],
        results.map((r) => [
          String(r.batchSize),
          r.eventsPerSecondFromStart,
          r.eventsPerSecondPublishing,
          r.secondsFromStart,
          `${r.batchP50Ms} / ${r.batchP99Ms}`,
          `${r.recordsOnTopic} (${r.distinctEventIds} distinct)`,
        ]),
      ),
    );
    printJson({
      bench: 'relay-throughput',
      settings: { events: total, batchSizes, partitions: 6, appendWriters: APPEND_WRITERS },
      machine: { before, after },
      preAppendSeconds: round(appendSeconds, 2),
      results,
    });
  } finally {
    const admin = kafka.admin();
    await admin.connect().catch(() => undefined);
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    await pool.query(`drop schema if exists "${schema}" cascade`).catch((e: unknown) => console.error(e));
    await pool.end();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
