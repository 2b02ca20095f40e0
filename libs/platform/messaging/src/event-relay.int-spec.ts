import { randomUUID } from 'node:crypto';
import { PostgresCheckpointStore, PostgresEventStore, START, type StoredEvent } from '@crm/event-store';
import { requireKafka, requirePostgres, uniqueSuffix } from '@crm/testing';
import type { Admin, Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { advisoryLockKey } from './advisory-lock';
import { EventRelay, type EventRelayOptions, type RelayEvent } from './event-relay';
import { headerText, parseEnvelope, type ContractMapper } from './kafka-envelope';
import { ensureTopics } from './kafka-topics';
import { collectMessages, testKafka, topicMessageCount, waitFor } from './test-support/kafka-test-support';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

const suffix = uniqueSuffix();
let pool: Pool;
let kafka: Kafka;
let admin: Admin;
const schemas: string[] = [];
const topics: string[] = [];
const relays: EventRelay[] = [];

/** The service's contract: Registered/Renamed leave the service (without `secret`), NoteAdded never does. */
const toContract: ContractMapper = (event) =>
  event.type === 'ThingNoteAdded'
    ? null
    : {
        aggregateId: event.streamId.replace(/^thing-/, ''),
        type: event.type,
        data: { label: event.data['label'] },
      };

const metadata = () => ({
  actor: { id: 'u1', role: 'agent' },
  correlationId: randomUUID(),
  businessTime: '2025-01-02T03:04:05.000Z',
});

interface Fixture {
  readonly store: PostgresEventStore;
  readonly checkpoints: PostgresCheckpointStore;
  readonly topic: string;
  readonly name: string;
  relay(overrides?: Partial<EventRelayOptions>): EventRelay;
  /** Appends one event per aggregate per round; every third version is private. Returns all appended. */
  appendRounds(aggregates: readonly string[], fromVersion: number, rounds: number): Promise<StoredEvent[]>;
}

const fixture = async (label: string, options: { createTopic?: boolean } = {}): Promise<Fixture> => {
  const schema = `msg_relay_${label}_${suffix}`;
  const topic = `test.relay.${label}.${suffix}`;
  const name = `relay-${label}-${suffix}`;
  schemas.push(schema);
  topics.push(topic);
  const store = new PostgresEventStore({ pool, schema });
  await store.migrate();
  if (options.createTopic !== false) await ensureTopics(admin, [topic]);
  const checkpoints = new PostgresCheckpointStore(pool, schema);
  return {
    store,
    checkpoints,
    topic,
    name,
    relay: (overrides = {}) => {
      const relay = new EventRelay({
        name,
        store,
        checkpoints,
        kafka,
        topic,
        lockPool: pool,
        toContract,
        pollIntervalMs: 20,
        standbyRetryMs: 100,
        maxErrorBackoffMs: 300,
        ...overrides,
      });
      relays.push(relay);
      return relay;
    },
    appendRounds: async (aggregates, fromVersion, rounds) => {
      for (let v = fromVersion; v < fromVersion + rounds; v += 1) {
        for (const aggregate of aggregates) {
          const type = v === 0 ? 'ThingRegistered' : v % 3 === 2 ? 'ThingNoteAdded' : 'ThingRenamed';
          const data = { label: `${aggregate}@${v}`, secret: 'never published' };
          await store.append(
            `thing-${aggregate}`,
            [{ id: randomUUID(), type, data, metadata: metadata() }],
            v - 1,
          );
        }
      }
      const all: StoredEvent[] = [];
      for (const aggregate of aggregates)
        for await (const e of store.readStream(`thing-${aggregate}`)) all.push(e);
      return all;
    },
  };
};

/**
 * The gap-safe log hides events while ANY older transaction on the cluster is open (other test
 * files run beside this one), so wait for the expected count before asking for caught-up.
 */
const published = async (relay: EventRelay, topic: string, count: number): Promise<void> => {
  await waitFor(
    async () => (await topicMessageCount(kafka, topic)) >= count,
    `${count} messages on ${topic}`,
    40_000,
  );
  await relay.caughtUp();
  expect(await topicMessageCount(kafka, topic)).toBe(count);
};

const lastPosition = (events: readonly StoredEvent[]) =>
  events
    .map((e) => e.position)
    .reduce((a, b) => (a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare) ? a : b));

beforeAll(async () => {
  const [databaseUrl, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  pool = new Pool({ connectionString: databaseUrl, max: 10 });
  kafka = testKafka(brokers, `relay-test-${suffix}`);
  admin = kafka.admin();
  await admin.connect();
});

afterAll(async () => {
  for (const relay of relays) await relay.stop();
  if (admin) {
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  }
  for (const schema of schemas) await pool?.query(`drop schema if exists ${schema} cascade`);
  await pool?.end();
});

describe('EventRelay against real PostgreSQL event store and Kafka', () => {
  it('publishes only contract events, keyed by aggregate id, in per-aggregate order', async () => {
    const f = await fixture('order');
    const aggregates = ['a', 'b', 'c', 'd', 'e'];
    const appended = await f.appendRounds(aggregates, 0, 6);
    const contract = appended.filter((e) => e.type !== 'ThingNoteAdded');
    const relay = f.relay();
    relay.start();
    await published(relay, f.topic, contract.length);
    expect(relay.role()).toBe('active');
    const received = await collectMessages(kafka, f.topic, contract.length);
    const partitionOf = new Map<string, number>();
    const versionsByKey = new Map<string, number[]>();
    for (const { partition, message } of received) {
      const key = message.key?.toString() ?? '';
      const envelope = parseEnvelope(message.value);
      expect(envelope.aggregateId).toBe(key);
      expect(envelope.type).not.toBe('ThingNoteAdded');
      expect(envelope.data).toEqual({ label: `${key}@${envelope.version}` });
      expect(headerText(message.headers, 'event-id')).toBe(envelope.eventId);
      expect(headerText(message.headers, 'event-type')).toBe(envelope.type);
      expect(partitionOf.get(key) ?? partition).toBe(partition);
      partitionOf.set(key, partition);
      versionsByKey.set(key, [...(versionsByKey.get(key) ?? []), envelope.version]);
    }
    // Versions 2 and 5 are private notes; the rest arrive once each and in stream order.
    for (const aggregate of aggregates) expect(versionsByKey.get(aggregate)).toEqual([0, 1, 3, 4]);
    expect(await f.checkpoints.load(f.name)).toEqual(lastPosition(appended));
    expect((await relay.lag()).eventsBehind).toBe(0);
    expect(relay.isAlive()).toBe(true);
  });

  it('does not move the checkpoint while the broker refuses the batch, then catches up', async () => {
    const f = await fixture('ack', { createTopic: false });
    const appended = await f.appendRounds(['x', 'y'], 0, 2);
    const events: RelayEvent[] = [];
    const relay = f.relay({ ensureTopic: false, onEvent: (e) => events.push(e) });
    relay.start();
    // The topic does not exist and auto-creation is off: every send fails.
    await waitFor(() => events.filter((e) => e.kind === 'error').length >= 2, 'failed sends', 40_000);
    expect(relay.role()).toBe('active');
    expect(await f.checkpoints.load(f.name)).toEqual(START);
    // lag() reads the gap-safe log, which another test file's open transaction can hold back.
    await waitFor(
      async () => (await relay.lag()).eventsBehind === appended.length,
      'every appended event counted behind the checkpoint',
      40_000,
    );

    await ensureTopics(admin, [f.topic]);
    await published(relay, f.topic, appended.length);
    expect(await f.checkpoints.load(f.name)).toEqual(lastPosition(appended));
  });

  it('is woken by an append in this process instead of waiting for its poll interval', async () => {
    const f = await fixture('wake');
    const relay = f.relay({ pollIntervalMs: 120_000 });
    relay.start();
    await waitFor(() => relay.role() === 'active', 'relay active', 20_000);
    await relay.caughtUp();
    await f.appendRounds(['w'], 0, 2);
    // Far inside the two-minute poll interval: only the wake-up can have sent them.
    await waitFor(async () => (await topicMessageCount(kafka, f.topic)) >= 2, 'woken relay', 20_000);
  });

  it('after a clean stop, a restarted relay re-sends nothing and continues with new events', async () => {
    const f = await fixture('restart');
    await f.appendRounds(['p', 'q'], 0, 2);
    const first = f.relay();
    first.start();
    await published(first, f.topic, 4);
    await first.stop();

    const second = f.relay();
    second.start();
    await second.caughtUp();
    expect(await topicMessageCount(kafka, f.topic)).toBe(4);
    await f.appendRounds(['p', 'q'], 2, 2); // version 2 is private, version 3 public
    await published(second, f.topic, 6);
  });

  it('keeps a second instance on standby while the first holds the lock, and fails over', async () => {
    const f = await fixture('standby');
    await f.appendRounds(['m'], 0, 2);
    const active = f.relay();
    active.start();
    await published(active, f.topic, 2);
    const standby = f.relay();
    standby.start();
    await waitFor(() => standby.role() === 'standby', 'standby role');
    await f.appendRounds(['m'], 2, 2);
    await published(active, f.topic, 3);
    await new Promise((resolve) => setTimeout(resolve, 400)); // several standby lock retries
    expect(standby.role()).toBe('standby');
    expect(await topicMessageCount(kafka, f.topic)).toBe(3);

    // The active instance's database session dies: PostgreSQL frees the lock with it. Whoever takes
    // it next (the standby or the old holder after its back-off), exactly one instance publishes.
    const key = BigInt(advisoryLockKey(`crm.relay.${f.name}`));
    const killed = await pool.query(
      `select pg_terminate_backend(pid) as ok from pg_locks
        where locktype = 'advisory' and granted and classid::text = $1 and objid::text = $2 and objsubid = 1`,
      [((key >> 32n) & 0xffffffffn).toString(), (key & 0xffffffffn).toString()],
    );
    expect(killed.rowCount).toBe(1);
    const pair = [active, standby];
    const activeOne = (): EventRelay | undefined => pair.find((r) => r.role() === 'active');
    await waitFor(() => active.role() === 'standby' || standby.role() === 'active', 'lock loss noticed');
    await waitFor(() => pair.filter((r) => r.role() === 'active').length === 1, 'one active instance');
    await f.appendRounds(['m'], 4, 2); // version 4 public, 5 private
    await published(activeOne() as EventRelay, f.topic, 4);

    // A clean stop hands over to the other instance, which resumes from the shared checkpoint.
    const leaving = activeOne() as EventRelay;
    const staying = pair.find((r) => r !== leaving) as EventRelay;
    await leaving.stop();
    await waitFor(() => staying.role() === 'active', 'the other instance takes over');
    await f.appendRounds(['m'], 6, 2); // version 6 public, 7 public
    await published(staying, f.topic, 6);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await topicMessageCount(kafka, f.topic)).toBe(6);
  });
});
