import { freePort, PgOutageProxy, requireKafka, requirePostgres, uniqueSuffix } from '@crm/testing';
import { Pool } from 'pg';
import { InboxConsumer } from './inbox-consumer';
import { toKafkaMessage, type KafkaEnvelope } from './kafka-envelope';
import { dlqTopicFor } from './kafka-topics';
import {
  openKafkaTestClients,
  sampleEnvelope,
  testKafka,
  waitFor,
  type KafkaTestClients,
} from './test-support/kafka-test-support';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
jest.setTimeout(240_000);

const suffix = uniqueSuffix();
const schema = `msg_startup_${suffix}`;
const topic = `test.startup.${suffix}`;
const name = `startup-test-${suffix}`;

let pool: Pool;
let clients: KafkaTestClients | undefined;
let brokerHost = '';
let brokerPort = 0;
const proxies: PgOutageProxy[] = [];
const consumers: InboxConsumer[] = [];

/**
 * A consumer whose only broker address is a port nobody listens on yet: KafkaJS gives up after its
 * own retries (here under 2 s), as it does after about 30 s with the services' defaults.
 */
const consumerBehind = (port: number, startupTimeoutMs: number, handled: string[], warnings: string[]) => {
  const consumer = new InboxConsumer({
    name,
    kafka: testKafka([`127.0.0.1:${port}`], `${name}-client`),
    pool,
    schema,
    topics: [topic],
    handler: async (envelope: KafkaEnvelope) => {
      handled.push(envelope.eventId);
    },
    startupTimeoutMs,
    infrastructureRetry: { baseDelayMs: 100, maxDelayMs: 500 },
    logger: { warn: (message) => warnings.push(message) },
    consumerConfig: { sessionTimeout: 6_000, heartbeatInterval: 500, maxWaitTimeInMs: 100 },
  });
  consumers.push(consumer);
  return consumer;
};

beforeAll(async () => {
  const [databaseUrl, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  pool = new Pool({ connectionString: databaseUrl, max: 2 });
  [brokerHost = '', brokerPort = 0] = (brokers[0] ?? '')
    .split(':')
    .map((p, i) => (i === 1 ? Number(p) : p)) as [string, number];
  clients = await openKafkaTestClients(brokers, name, [topic], {
    numPartitions: 1,
    alsoDelete: [dlqTopicFor(name)],
  });
});

afterAll(async () => {
  for (const consumer of consumers) await consumer.stop();
  for (const proxy of proxies) await proxy.stop();
  await clients?.close();
  await pool?.query(`drop schema if exists ${schema} cascade`);
  await pool?.end();
});

describe('InboxConsumer start-up while the broker is unreachable (real Kafka behind a port that opens late)', () => {
  it('keeps connecting until the broker answers, then consumes', async () => {
    const port = await freePort();
    const handled: string[] = [];
    const warnings: string[] = [];
    const consumer = consumerBehind(port, 120_000, handled, warnings);
    const starting = consumer.start();
    // Before the fix, start() rejected here with KafkaJSNumberOfRetriesExceeded and no warning.
    await waitFor(() => warnings.length >= 1, 'a failed connection attempt, logged', 90_000);
    // The broker "comes back": its address now answers (the proxy forwards to the real broker).
    const proxy = new PgOutageProxy(brokerHost, brokerPort);
    proxies.push(proxy);
    await proxy.start(port);
    await starting;
    expect(consumer.isAlive()).toBe(true);
    expect(warnings[0]).toMatch(
      new RegExp(`consumer ${name}: Kafka unavailable at start \\(attempt 1: .*ECONNREFUSED`),
    );

    const envelope = sampleEnvelope();
    await clients!.producer.send({ topic, acks: -1, messages: [toKafkaMessage(envelope)] });
    await waitFor(
      () => handled.includes(envelope.eventId),
      'the message handled after the late start',
      90_000,
    );
    await consumer.stop();
  });

  it('gives up after startupTimeoutMs with the connection error, stopped', async () => {
    const port = await freePort();
    const consumer = consumerBehind(port, 1_500, [], []);
    const started = Date.now();
    await expect(consumer.start()).rejects.toThrow(/ECONNREFUSED|retries/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    expect(consumer.isAlive()).toBe(false);
  });
});
