import { PgOutageProxy, requireKafka, requirePostgres, uniqueSuffix } from '@crm/testing';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { Pool, type PoolClient } from 'pg';
import { InboxConsumer, type InboxConsumerEvent } from './inbox-consumer';
import { toKafkaMessage, type KafkaEnvelope } from './kafka-envelope';
import { dlqTopicFor } from './kafka-topics';
import {
  type KafkaTestClients,
  openKafkaTestClients,
  sampleEnvelope,
  topicMessageCount,
  waitFor,
} from './test-support/kafka-test-support';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

const suffix = uniqueSuffix();
const schema = `msg_outage_${suffix}`;
const topic = `test.outage.${suffix}`;
const name = `outage-test-${suffix}`;
const SESSION_TIMEOUT_MS = 6_000; // the broker's minimum; the outage below outlasts it

let direct: Pool;
let proxied: Pool;
let proxy: PgOutageProxy;
let kafka: Kafka;
let admin: Admin;
let producer: Producer;
let clients: KafkaTestClients | undefined;
let consumer: InboxConsumer;
const events: InboxConsumerEvent[] = [];
const warnings: string[] = [];
const attempts = new Map<string, number>();

/** `data.terminateFirst`: the handler kills its own backend (a real 57P01) on that many attempts. */
const handler = async (envelope: KafkaEnvelope, tx: PoolClient): Promise<void> => {
  const attempt = (attempts.get(envelope.eventId) ?? 0) + 1;
  attempts.set(envelope.eventId, attempt);
  await tx.query(`insert into ${schema}.effects (event_id) values ($1)`, [envelope.eventId]);
  if (attempt <= Number(envelope.data['terminateFirst'] ?? 0)) {
    await tx.query('select pg_terminate_backend(pg_backend_pid())');
  }
};

const effects = async (): Promise<string[]> =>
  (await direct.query(`select event_id from ${schema}.effects order by id`)).rows.map(
    (r: { event_id: string }) => r.event_id,
  );

const publish = async (...envelopes: KafkaEnvelope[]): Promise<string[]> => {
  const offsets: string[] = [];
  for (const envelope of envelopes) {
    const [meta] = await producer.send({ topic, acks: -1, messages: [toKafkaMessage(envelope)] });
    offsets.push(meta?.baseOffset ?? '-1');
  }
  return offsets;
};

const committedOffset = async (): Promise<string> => {
  const [offsets] = await admin.fetchOffsets({ groupId: consumer.groupId, topics: [topic] });
  return offsets?.partitions.find((p) => p.partition === 0)?.offset ?? '-1';
};

const memberIds = async (): Promise<string[]> => {
  const { groups } = await admin.describeGroups([consumer.groupId]);
  return (groups[0]?.members ?? []).map((m) => m.memberId);
};

const processedCount = (eventId: string): number =>
  events.filter((e) => e.kind === 'processed' && e.envelope.eventId === eventId).length;

beforeAll(async () => {
  const [databaseUrl, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  direct = new Pool({ connectionString: databaseUrl, max: 2 });
  await direct.query(`create schema ${schema}`);
  await direct.query(`create table ${schema}.effects (id serial primary key, event_id text not null)`);
  const target = new URL(databaseUrl);
  proxy = new PgOutageProxy(target.hostname, Number(target.port || 5432));
  const through = new URL(databaseUrl);
  through.host = `127.0.0.1:${await proxy.start()}`;
  proxied = new Pool({ connectionString: through.toString(), max: 2, connectionTimeoutMillis: 300 });
  proxied.on('error', () => undefined); // idle connections cut by the proxy; the next checkout reconnects
  clients = await openKafkaTestClients(brokers, name, [topic], {
    numPartitions: 1,
    alsoDelete: [dlqTopicFor(name)],
  });
  ({ kafka, admin, producer } = clients);
  consumer = new InboxConsumer({
    name,
    kafka,
    pool: proxied,
    schema,
    topics: [topic],
    handler,
    // The old behaviour would have dead-lettered after ~60 ms of failures.
    retry: { attempts: 3, baseDelayMs: 20 },
    infrastructureRetry: { baseDelayMs: 20, maxDelayMs: 1_000 },
    logger: { warn: (message) => warnings.push(message) },
    consumerConfig: { sessionTimeout: SESSION_TIMEOUT_MS, heartbeatInterval: 500, maxWaitTimeInMs: 100 },
    onEvent: (event) => events.push(event),
  });
  await consumer.start();
});

afterAll(async () => {
  await consumer?.stop();
  await clients?.close();
  await proxied?.end();
  await proxy?.stop();
  await direct?.query(`drop schema if exists ${schema} cascade`);
  await direct?.end();
});

describe('InboxConsumer during a PostgreSQL outage (real Kafka, real PostgreSQL behind a cuttable proxy)', () => {
  it('waits out an outage longer than the retry budget and the session timeout: once, in order, no dead letters', async () => {
    const before = sampleEnvelope();
    await publish(before);
    await waitFor(() => processedCount(before.eventId) === 1, 'warm-up message processed');
    const membersBefore = await memberIds();
    expect(consumer.health().status).toBe('up');

    const outageStart = Date.now();
    proxy.set('blackhole'); // connects hang until the pool's 300 ms connect timeout
    const first = sampleEnvelope();
    const second = sampleEnvelope();
    const [firstOffset] = await publish(first, second);
    await waitFor(
      () => events.filter((e) => e.kind === 'infrastructure-retry').length > 3,
      'retries beyond the old budget',
    );
    expect(consumer.health()).toMatchObject({
      status: 'degraded',
      lastError: expect.stringMatching(/connection timeout|timeout exceeded when trying to connect/),
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    proxy.set('reset'); // now every connection is cut at once
    await new Promise((resolve) =>
      setTimeout(resolve, SESSION_TIMEOUT_MS + 1_500 - (Date.now() - outageStart)),
    );
    expect(consumer.isAlive()).toBe(true);
    expect(consumer.health().lastError).toMatch(/Connection terminated/);
    expect(await committedOffset()).toBe(firstOffset);
    proxy.set('up');

    await waitFor(() => processedCount(second.eventId) === 1, 'messages processed after recovery');
    expect((await effects()).slice(-2)).toEqual([first.eventId, second.eventId]);
    expect(processedCount(first.eventId)).toBe(1);
    expect(events.some((e) => e.kind === 'duplicate' || e.kind === 'dead-lettered')).toBe(false);
    expect(await consumer.deadLetters.list(name)).toEqual([]);
    expect(await topicMessageCount(kafka, dlqTopicFor(name))).toBe(0);
    expect(events.find((e) => e.kind === 'infrastructure-recovered')).toMatchObject({
      offset: firstOffset,
      downMs: expect.any(Number),
    });
    expect(consumer.health().status).toBe('up');
    expect(warnings.length).toBe(events.filter((e) => e.kind === 'infrastructure-retry').length);
    expect(warnings[0]).toMatch(new RegExp(`${topic}\\[0\\]@${firstOffset}: infrastructure unavailable`));
    // Heartbeats between attempts kept the member in the group although the outage outlasted the session.
    expect(await memberIds()).toEqual(membersBefore);
    await waitFor(async () => (await consumer.lag()).total === 0, 'offsets committed');
  }, 40_000);

  it('retries a message whose backend is terminated (57P01) more often than the retry budget', async () => {
    const terminated = sampleEnvelope({ data: { terminateFirst: 5 } });
    const after = sampleEnvelope();
    await publish(terminated, after);
    await waitFor(() => processedCount(after.eventId) === 1, 'both processed');
    expect(attempts.get(terminated.eventId)).toBe(6);
    expect(processedCount(terminated.eventId)).toBe(1);
    expect((await effects()).slice(-2)).toEqual([terminated.eventId, after.eventId]);
    const retries = events.filter(
      (e) => e.kind === 'infrastructure-retry' && e.error.includes('administrator command'),
    );
    expect(retries).toHaveLength(5);
    expect(await consumer.deadLetters.list(name)).toEqual([]);
  });

  it('stops promptly in the middle of an outage, leaving the message uncommitted and not dead-lettered', async () => {
    proxy.set('reset');
    const stranded = sampleEnvelope();
    const [offset] = await publish(stranded);
    await waitFor(
      () => events.some((e) => e.kind === 'infrastructure-retry' && e.offset === offset && e.attempt >= 7),
      'backing off at the 1 s cap',
    );
    const stopping = Date.now();
    await consumer.stop();
    expect(Date.now() - stopping).toBeLessThan(2_000);
    expect(consumer.health().status).toBe('down');
    proxy.set('up');
    expect(await committedOffset()).toBe(offset);
    expect(await consumer.deadLetters.list(name)).toEqual([]);
    expect(await effects()).not.toContain(stranded.eventId);
  });
});
