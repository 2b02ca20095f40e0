import { requireKafka, requirePostgres, uniqueSuffix } from '@crm/testing';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { Pool, type PoolClient } from 'pg';
import { DLQ_HEADERS } from './dead-letter-sink';
import { InboxConsumer, type InboxConsumerEvent } from './inbox-consumer';
import { headerText, PoisonMessageError, toKafkaMessage, type KafkaEnvelope } from './kafka-envelope';
import { dlqTopicFor, ensureTopics } from './kafka-topics';
import {
  collectMessages,
  type KafkaTestClients,
  openKafkaTestClients,
  sampleEnvelope,
  waitFor,
} from './test-support/kafka-test-support';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

const suffix = uniqueSuffix();
const schema = `msg_inbox_${suffix}`;
const topic = `test.inbox.${suffix}`;
const name = `inbox-test-${suffix}`;

let pool: Pool;
let kafka: Kafka;
let admin: Admin;
let producer: Producer;
let clients: KafkaTestClients | undefined;
let consumer: InboxConsumer;
const events: InboxConsumerEvent[] = [];
const attempts = new Map<string, number>();
let fixed = false;
let releaseGate: () => void = () => undefined;
let gate = Promise.resolve();
let gateEntered = false;

/** Each envelope's `data.mode` selects a behaviour; every mode writes its effect row first. */
const handler = async (envelope: KafkaEnvelope, tx: PoolClient): Promise<void> => {
  const attempt = (attempts.get(envelope.eventId) ?? 0) + 1;
  attempts.set(envelope.eventId, attempt);
  await tx.query(`insert into ${schema}.effects (event_id, attempt) values ($1, $2)`, [
    envelope.eventId,
    attempt,
  ]);
  const mode = envelope.data['mode'];
  if (mode === 'always-fail' && !fixed) throw new Error(`handler refuses ${envelope.eventId}`);
  if (mode === 'fail-twice' && attempt < 3) throw new Error(`transient failure ${attempt}`);
  if (mode === 'block') {
    gateEntered = true;
    await gate;
  }
};

const effectCount = async (eventId: string): Promise<number> => {
  const result = await pool.query(`select count(*)::int as n from ${schema}.effects where event_id = $1`, [
    eventId,
  ]);
  return result.rows[0].n as number;
};

const publish = async (...values: Array<KafkaEnvelope | Buffer>): Promise<string[]> => {
  const offsets: string[] = [];
  for (const value of values) {
    const message = Buffer.isBuffer(value) ? { key: 'same-key', value } : toKafkaMessage(value);
    const [meta] = await producer.send({ topic, acks: -1, messages: [message] });
    offsets.push(meta?.baseOffset ?? '-1');
  }
  return offsets;
};

const committedOffset = async (): Promise<string> => {
  const [offsets] = await admin.fetchOffsets({ groupId: consumer.groupId, topics: [topic] });
  return offsets?.partitions.find((p) => p.partition === 0)?.offset ?? '-1';
};

beforeAll(async () => {
  const [databaseUrl, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  pool = new Pool({ connectionString: databaseUrl, max: 5 });
  await pool.query(`create schema ${schema}`);
  await pool.query(
    `create table ${schema}.effects (id serial primary key, event_id text not null, attempt int)`,
  );
  // One partition: "later messages on the same partition" is then every later message.
  clients = await openKafkaTestClients(brokers, `inbox-test-${suffix}`, [topic], {
    numPartitions: 1,
    alsoDelete: [dlqTopicFor(name)],
  });
  ({ kafka, admin, producer } = clients);
  consumer = new InboxConsumer({
    name,
    kafka,
    pool,
    schema,
    topics: [topic],
    handler,
    retry: { attempts: 3, baseDelayMs: 20 },
    consumerConfig: { sessionTimeout: 10_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 100 },
    onEvent: (event) => events.push(event),
  });
  await consumer.start();
});

afterAll(async () => {
  releaseGate();
  await consumer?.stop();
  await clients?.close();
  await pool?.query(`drop schema if exists ${schema} cascade`);
  await pool?.end();
});

describe('InboxConsumer against real Kafka and PostgreSQL', () => {
  it('applies a duplicate delivery once: one effect row, one inbox row, both offsets committed', async () => {
    const envelope = sampleEnvelope({ data: { mode: 'ok' } });
    const marker = sampleEnvelope({ data: { mode: 'ok' } });
    const offsets = await publish(envelope, envelope, marker);
    await waitFor(async () => (await effectCount(marker.eventId)) === 1, 'marker processed');

    expect(await effectCount(envelope.eventId)).toBe(1);
    const inbox = await pool.query(`select consumer from ${schema}.inbox where event_id = $1`, [
      envelope.eventId,
    ]);
    expect(inbox.rows).toEqual([{ consumer: name }]);
    const outcomes = events.filter(
      (e) => e.kind !== 'retry' && 'envelope' in e && e.envelope.eventId === envelope.eventId,
    );
    expect(outcomes.map((e) => e.kind)).toEqual(['processed', 'duplicate']);
    await waitFor(
      async () => (await committedOffset()) === String(Number(offsets[2]) + 1),
      'offsets committed',
    );
  });

  it('rolls a failed attempt back entirely and retries until the handler succeeds', async () => {
    const envelope = sampleEnvelope({ data: { mode: 'fail-twice' } });
    await publish(envelope);
    await waitFor(() => attempts.get(envelope.eventId) === 3, 'third attempt');
    await waitFor(async () => (await effectCount(envelope.eventId)) === 1, 'effect committed');

    // Attempts 1 and 2 wrote their effect row before throwing; only attempt 3's survived.
    const rows = await pool.query(`select attempt from ${schema}.effects where event_id = $1`, [
      envelope.eventId,
    ]);
    expect(rows.rows).toEqual([{ attempt: 3 }]);
    const retries = events.filter((e) => e.kind === 'retry' && e.offset !== undefined);
    expect(retries.length).toBeGreaterThanOrEqual(2);
  });

  it('commits the Kafka offset only after the PostgreSQL transaction committed', async () => {
    gate = new Promise((resolve) => (releaseGate = resolve));
    gateEntered = false;
    const envelope = sampleEnvelope({ data: { mode: 'block' } });
    const [offset] = await publish(envelope);
    await waitFor(() => gateEntered, 'handler entered');
    // Handler running, transaction open: the group's position is still this very message.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await committedOffset()).toBe(offset);
    const visible = await pool.query(`select count(*)::int as n from ${schema}.inbox where event_id = $1`, [
      envelope.eventId,
    ]);
    expect(visible.rows[0].n).toBe(0);

    releaseGate();
    await waitFor(async () => (await committedOffset()) === String(Number(offset) + 1), 'offset committed');
    expect(await effectCount(envelope.eventId)).toBe(1);
  });

  it('dead-letters a poison message and an always-failing one, keeps processing later messages, replays', async () => {
    const failing = sampleEnvelope({ data: { mode: 'always-fail' } });
    const later = sampleEnvelope({ data: { mode: 'ok' } });
    const [poisonOffset, failingOffset] = await publish(Buffer.from('{not json'), failing, later);
    await waitFor(async () => (await effectCount(later.eventId)) === 1, 'later message processed');

    expect(await effectCount(failing.eventId)).toBe(0);
    expect(attempts.get(failing.eventId)).toBe(3);

    const dlq = await collectMessages(kafka, dlqTopicFor(name), 2);
    const byOffset = new Map(
      dlq.map((m) => [headerText(m.message.headers, DLQ_HEADERS.originalOffset), m.message]),
    );
    const poison = byOffset.get(poisonOffset);
    const failed = byOffset.get(failingOffset);
    expect(poison?.value?.toString()).toBe('{not json');
    expect(headerText(poison?.headers, DLQ_HEADERS.error)).toMatch(
      /^PoisonMessageError: poison message: value is not JSON/,
    );
    expect(headerText(failed?.headers, DLQ_HEADERS.error)).toBe(`Error: handler refuses ${failing.eventId}`);
    for (const message of [poison, failed]) {
      expect(headerText(message?.headers, DLQ_HEADERS.originalTopic)).toBe(topic);
      expect(headerText(message?.headers, DLQ_HEADERS.originalPartition)).toBe('0');
      expect(headerText(message?.headers, DLQ_HEADERS.consumer)).toBe(name);
      expect(Number.isNaN(Date.parse(headerText(message?.headers, DLQ_HEADERS.failedAt) ?? ''))).toBe(false);
    }
    expect(headerText(failed?.headers, 'event-id')).toBe(failing.eventId);

    const letters = await consumer.deadLetters.list(name);
    expect(letters.map((l) => [l.offset, l.eventId, l.replayedAt])).toEqual([
      [poisonOffset, null, null],
      [failingOffset, failing.eventId, null],
    ]);
    const [poisonLetter, failedLetter] = letters;
    if (!poisonLetter || !failedLetter) throw new Error('dead letters missing');

    await expect(consumer.deadLetters.replay(failedLetter.id)).rejects.toThrow(/handler refuses/);
    expect((await consumer.deadLetters.get(failedLetter.id)).replayedAt).toBeNull();

    fixed = true;
    await expect(consumer.deadLetters.replay(failedLetter.id)).resolves.toBe('processed');
    expect(await effectCount(failing.eventId)).toBe(1);
    expect((await consumer.deadLetters.get(failedLetter.id)).replayedAt).toBeInstanceOf(Date);
    await expect(consumer.deadLetters.replay(failedLetter.id)).resolves.toBe('duplicate');
    expect(await effectCount(failing.eventId)).toBe(1);
    await expect(consumer.deadLetters.replay(poisonLetter.id)).rejects.toBeInstanceOf(PoisonMessageError);
    expect(await consumer.deadLetters.list(name, { pendingOnly: true })).toHaveLength(1);
  });

  it('leaves a message uncommitted when stopped mid-retry; the next instance in the group handles it once', async () => {
    const restartTopic = `test.inbox.restart.${suffix}`;
    const restartName = `inbox-restart-${suffix}`;
    await ensureTopics(admin, [restartTopic], { numPartitions: 1 });
    let dependencyUp = false;
    const seen: InboxConsumerEvent[] = [];
    const flaky = async (envelope: KafkaEnvelope, tx: PoolClient): Promise<void> => {
      await tx.query(`insert into ${schema}.effects (event_id) values ($1)`, [envelope.eventId]);
      if (!dependencyUp) throw new Error('dependency unavailable');
    };
    const instance = (retry: { attempts: number; baseDelayMs: number }) =>
      new InboxConsumer({
        name: restartName,
        kafka,
        pool,
        schema,
        topics: [restartTopic],
        handler: flaky,
        retry,
        consumerConfig: { maxWaitTimeInMs: 100 },
        onEvent: (event) => seen.push(event),
      });
    const envelope = sampleEnvelope();
    const first = instance({ attempts: 5, baseDelayMs: 5_000 });
    try {
      await first.start();
      await producer.send({ topic: restartTopic, acks: -1, messages: [toKafkaMessage(envelope)] });
      await waitFor(() => seen.some((e) => e.kind === 'retry'), 'first failure');
      const stopping = Date.now();
      await first.stop(); // "crash" during the back-off: the message is neither done nor dead-lettered
      expect(Date.now() - stopping).toBeLessThan(4_000);
    } finally {
      await first.stop();
    }
    const [committed] = await admin.fetchOffsets({ groupId: restartName, topics: [restartTopic] });
    expect(committed?.partitions[0]?.offset).toBe('-1');
    expect(await effectCount(envelope.eventId)).toBe(0);
    expect(await first.deadLetters.list(restartName)).toEqual([]);

    dependencyUp = true;
    const second = instance({ attempts: 2, baseDelayMs: 10 });
    try {
      await second.start();
      await waitFor(async () => (await effectCount(envelope.eventId)) === 1, 'redelivered message handled');
      await waitFor(async () => (await second.lag()).total === 0, 'offset committed');
    } finally {
      await second.stop();
      await admin.deleteTopics({ topics: [restartTopic, dlqTopicFor(restartName)] }).catch(() => undefined);
    }
    expect(seen.filter((e) => e.kind === 'processed')).toHaveLength(1);
  });

  it('reports zero lag once everything is handled, and is alive', async () => {
    await waitFor(async () => (await consumer.lag()).total === 0, 'zero lag');
    expect(consumer.isAlive()).toBe(true);
  });
});
