import { requireKafka, requirePostgres, uniqueSuffix } from '@crm/testing';
import type { Kafka, Producer } from 'kafkajs';
import { Pool, type PoolClient } from 'pg';
import { parseContract } from './contract-violation';
import { DLQ_HEADERS } from './dead-letter-sink';
import { InboxConsumer } from './inbox-consumer';
import { headerText, toKafkaMessage, type KafkaEnvelope } from './kafka-envelope';
import { dlqTopicFor } from './kafka-topics';
import {
  collectMessages,
  type KafkaTestClients,
  openKafkaTestClients,
  sampleEnvelope,
  waitFor,
} from './test-support/kafka-test-support';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

const suffix = uniqueSuffix();
const schema = `msg_poison_${suffix}`;
const topic = `test.poison.${suffix}`;
const name = `poison-test-${suffix}`;
const ONE_MIB = 1024 * 1024;

let pool: Pool;
let kafka: Kafka;
let producer: Producer;
let clients: KafkaTestClients | undefined;
let consumer: InboxConsumer | undefined;
const handled: string[] = [];
const calls = new Map<string, number>();

const parseAmount = (data: unknown): { amount: number } => {
  const amount = (data as { amount?: unknown }).amount;
  if (typeof amount !== 'number') throw new Error(`'amount' must be a number`);
  return { amount };
};

/** Bytes as hex (null stays null), so a mismatch reads well and 1 MiB compares fast. */
const hex = (value: Buffer | null | undefined): string | null => (value ? value.toString('hex') : null);

const handler = async (envelope: KafkaEnvelope, tx: PoolClient): Promise<void> => {
  calls.set(envelope.eventId, (calls.get(envelope.eventId) ?? 0) + 1);
  const { amount } = parseContract(envelope, parseAmount);
  await tx.query('select $1::int', [amount]);
  handled.push(envelope.eventId);
};

const wrongContract = sampleEnvelope({ data: { amount: 'ten' } });
const nulInEnvelope = Buffer.from(JSON.stringify(sampleEnvelope({ eventId: 'evt\u0000nul' })));
const nulInData = Buffer.from(JSON.stringify(sampleEnvelope({ data: { amount: 1, note: 'a\u0000b' } })));

/** Every kind of bytes a topic can carry that is not a usable event, each with the bytes it is. */
const POISON: ReadonlyArray<{ readonly kind: string; readonly value: Buffer | null }> = [
  { kind: 'single NUL byte', value: Buffer.from([0x00]) },
  { kind: 'invalid UTF-8', value: Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x00, 0x7b]) },
  { kind: 'empty value', value: Buffer.alloc(0) },
  { kind: 'null value (tombstone)', value: null },
  { kind: '1 MiB of text', value: Buffer.alloc(ONE_MIB, 'x') },
  { kind: 'JSON of the wrong shape', value: Buffer.from('{"hello":"world","\\u0000":[1,2]}') },
  { kind: 'envelope whose eventId holds NUL', value: nulInEnvelope },
  { kind: 'envelope whose data holds NUL', value: nulInData },
  { kind: 'envelope whose data breaks the contract', value: Buffer.from(JSON.stringify(wrongContract)) },
];

beforeAll(async () => {
  const [databaseUrl, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  pool = new Pool({ connectionString: databaseUrl, max: 3 });
  clients = await openKafkaTestClients(brokers, name, [], { alsoDelete: [topic, dlqTopicFor(name)] });
  ({ kafka, producer } = clients);
  // The source topic takes bigger messages than the broker default (as a real topic may), so the
  // dead-letter copy of the 1 MiB message cannot fit the dead-letter topic.
  await clients.admin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: String(4 * ONE_MIB) }] },
    ],
  });
});

afterAll(async () => {
  await consumer?.stop();
  await clients?.close();
  await pool?.query(`drop schema if exists ${schema} cascade`);
  await pool?.end();
});

describe('InboxConsumer with poison messages on the real broker', () => {
  it('dead-letters every kind of poison with its exact bytes and goes on to the next message', async () => {
    const good = sampleEnvelope({ data: { amount: 7 } });
    const offsets: string[] = [];
    for (const { value } of POISON) {
      const [meta] = await producer.send({ topic, acks: -1, messages: [{ key: 'k\u0000\u00ff', value }] });
      offsets.push(meta?.baseOffset ?? '-1');
    }
    await producer.send({ topic, acks: -1, messages: [toKafkaMessage(good)] });

    consumer = new InboxConsumer({
      name,
      kafka,
      pool,
      schema,
      topics: [topic],
      handler,
      retry: { attempts: 3, baseDelayMs: 20 },
      consumerConfig: { maxWaitTimeInMs: 100 },
    });
    await consumer.start();
    await waitFor(() => handled.includes(good.eventId), 'the good message after the poison', 60_000);

    const letters = await consumer.deadLetters.list(name);
    expect(letters.map((l) => l.offset)).toEqual(offsets);
    POISON.forEach(({ kind, value }, i) => {
      const letter = letters[i];
      expect({ kind, value: hex(letter?.value) }).toEqual({ kind, value: hex(value) });
      expect({ kind, error: letter?.error }).toEqual({ kind, error: expect.any(String) });
      expect(letter?.error).not.toContain('\u0000');
    });
    expect(letters[POISON.length - 1]?.error).toMatch(/ContractViolationError: .* breaks its v1 contract/);
    expect(letters[POISON.length - 1]?.eventId).toBe(wrongContract.eventId);
    // A contract violation is not retried: the handler saw it exactly once.
    expect(calls.get(wrongContract.eventId)).toBe(1);

    const copies = await collectMessages(kafka, dlqTopicFor(name), POISON.length);
    const byOffset = new Map(
      copies.map((c) => [headerText(c.message.headers, DLQ_HEADERS.originalOffset), c.message]),
    );
    POISON.forEach(({ kind, value }, i) => {
      const copy = byOffset.get(offsets[i]);
      const expected = value !== null && value.length === ONE_MIB ? null : value;
      expect({ kind, value: hex(copy?.value) }).toEqual({ kind, value: hex(expected) });
    });
    const big = byOffset.get(offsets[POISON.findIndex((p) => p.kind === '1 MiB of text')]);
    expect(headerText(big?.headers, DLQ_HEADERS.valueOmitted)).toMatch(/too large/);
  }, 90_000);
});
