import request from 'supertest';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import {
  type CustomerOwnershipChangedV1,
  type CustomerRegisteredV1,
  type CustomerServiceLapsedV1,
} from '@crm/customers-contracts';
import { DLQ_HEADERS, dlqTopicFor, type KafkaEnvelope } from '@crm/messaging';
import { eventually, requireKafka, requirePostgres, uniqueSuffix } from '@crm/testing';
import { customerDirectoryConsumerName } from './customer-directory.config';
import { CUSTOMER_DIRECTORY_PROBE } from './start-customer-directory-consumer';
import {
  startCustomerDirectoryTestApp,
  type CustomerDirectoryTestApp,
} from './testing/customer-directory-test-app';
import {
  aCustomerRegistered,
  customerEventEnvelope,
  publishCustomerEvent,
  type Published,
} from './testing/customer-registered.fixture';
import { ReplicaHostConfig, replicaHostModule } from './testing/replica-host.app';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
jest.setTimeout(120_000);

/** The replica in a minimal host, fed with contract messages on a private topic. */
describe('customers directory replica (real PostgreSQL + Kafka)', () => {
  const suffix = uniqueSuffix();
  const topic = `crm.customers.events.v1.replica${suffix}`;
  let kafka: Kafka;
  let producer: Producer;
  let t: CustomerDirectoryTestApp<ReplicaHostConfig>;
  let server: Server;
  let token: string;
  let consumer: string;

  const publish = (
    data: CustomerRegisteredV1,
    options: { version?: number; eventId?: string } = {},
  ): Promise<Published> => publishCustomerEvent(producer, topic, customerEventEnvelope(data, options));

  const entry = async (customerId: string): Promise<Record<string, unknown> | undefined> => {
    const res = await request(server)
      .get(`/customer-directory/${customerId}`)
      .set('Authorization', `Bearer ${token}`);
    if (res.status === 404) return undefined;
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  };

  const inboxRows = async (eventId: string): Promise<number> =>
    (
      await t.pool.query(`select count(*)::int as n from "${t.config.SCHEMA}".inbox where event_id = $1`, [
        eventId,
      ])
    ).rows[0].n as number;

  /** Resolves once the replica's group has committed past `sent`: everything up to it is handled. */
  const handled = async (sent: Published): Promise<void> => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(async () => {
        const [offsets] = await admin.fetchOffsets({ groupId: consumer, topics: [topic] });
        const committed = offsets?.partitions.find((p) => p.partition === sent.partition)?.offset ?? '-1';
        return BigInt(committed) > BigInt(sent.offset) ? true : undefined;
      }, `the replica to commit past ${sent.partition}@${sent.offset}`);
    } finally {
      await admin.disconnect();
    }
  };

  beforeAll(async () => {
    const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
    kafka = new Kafka({ clientId: `replica-${suffix}`, brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    t = await startCustomerDirectoryTestApp({
      configClass: ReplicaHostConfig,
      appModule: replicaHostModule,
      brokers,
      schema: `replica_${suffix}`,
      customersTopic: topic,
      jwtSecret: 'replica-test-jwt-secret-0123456789',
    });
    server = t.app.getHttpServer() as Server;
    token = await t.token({ roles: ['auditor'], bu: undefined });
    consumer = customerDirectoryConsumerName(t.config);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await t?.close();
    if (kafka) {
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('serves health (with the consumer probe up), docs and metrics without a token', async () => {
    const health = await request(server).get('/health').expect(200);
    expect(health.body.checks[CUSTOMER_DIRECTORY_PROBE]).toMatchObject({ status: 'up' });
    expect(Object.keys(health.body.checks as object)).toEqual(expect.arrayContaining(['postgres', 'kafka']));
    const docs = await request(server).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths as object)).toEqual(
      expect.arrayContaining(['/customer-directory', '/customer-directory/{customerId}']),
    );
    await request(server).get('/metrics').expect(200);
  });

  it('records the owner of each published customer, without personal data; any role may read it', async () => {
    const a = aCustomerRegistered({ ownerBu: 'bu-1', registeredAt: '2025-01-01T01:00:00.000Z' });
    const b = aCustomerRegistered({ ownerBu: 'bu-2', registeredAt: '2025-01-02T01:00:00.000Z' });
    const sentA = await publish(a);
    await publish(b);
    const got = await eventually(() => entry(a.customerId), 'customer a in the directory');
    expect(got).toMatchObject({
      customerId: a.customerId,
      ownerBu: 'bu-1',
      ownerEmployeeId: 'e-bu-1',
      source: 'walk_in',
      registeredAt: a.registeredAt,
      lastEventId: sentA.envelope.eventId,
    });
    await eventually(() => entry(b.customerId), 'customer b in the directory');
    const bu2 = await request(server)
      .get('/customer-directory?ownerBu=bu-2')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(bu2.body).toMatchObject({ total: 1, page: 1, items: [{ customerId: b.customerId }] });
    const pastTheEnd = await request(server)
      .get('/customer-directory?ownerBu=bu-2&page=2')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(pastTheEnd.body).toMatchObject({ total: 1, page: 2, items: [] });
    const row = await t.pool.query(
      `select * from "${t.config.readSchema()}".customer_directory where customer_id = $1`,
      [a.customerId],
    );
    expect(JSON.stringify(row.rows[0])).not.toContain('c2VhbGVk');
  });

  it('applies a newer event and never lets an older one overwrite it', async () => {
    const c = aCustomerRegistered({ ownerBu: 'bu-1' });
    await publish({ ...c, ownerBu: 'bu-new', ownerEmployeeId: 'e-new' }, { version: 3 });
    await eventually(
      async () => ((await entry(c.customerId))?.['ownerBu'] === 'bu-new' ? true : undefined),
      'version 3 applied',
    );
    const stale = await publish(c, { version: 0 });
    await handled(stale);
    expect(await inboxRows(stale.envelope.eventId)).toBe(1);
    expect(await entry(c.customerId)).toMatchObject({ ownerBu: 'bu-new', ownerEmployeeId: 'e-new' });

    const newer = await publish({ ...c, ownerBu: 'bu-newer', ownerEmployeeId: 'e-newer' }, { version: 4 });
    await handled(newer);
    expect(await entry(c.customerId)).toMatchObject({
      ownerBu: 'bu-newer',
      ownerEmployeeId: 'e-newer',
      lastEventId: newer.envelope.eventId,
    });
  });

  it('changes nothing on a duplicate delivery, recognised by event id', async () => {
    const d = aCustomerRegistered({ ownerBu: 'bu-dup' });
    const first = await publish(d, { version: 1 });
    const before = await eventually(() => entry(d.customerId), 'the original delivery applied');

    const again = await publish(d, { version: 1, eventId: first.envelope.eventId });
    await handled(again);
    // Same id, other content and a higher version: only the inbox can tell it was seen already.
    const tampered = await publish(
      { ...d, ownerBu: 'bu-other', ownerEmployeeId: 'e-other' },
      { version: 2, eventId: first.envelope.eventId },
    );
    await handled(tampered);

    expect(await entry(d.customerId)).toEqual(before);
    expect(await inboxRows(first.envelope.eventId)).toBe(1);
  });

  it('follows ownership changes, lapses and forgetting; an older event never overwrites a newer one', async () => {
    const registered = aCustomerRegistered({ ownerBu: 'bu-1' });
    const { customerId } = registered;
    const at = '2025-05-01T00:00:00.000Z';
    const send = (type: string, version: number, data: Record<string, unknown>) =>
      publishCustomerEvent(
        producer,
        topic,
        customerEventEnvelope({ customerId, ...data }, { type, version }),
      );
    await publish(registered);
    await send('CustomerServiceLapsed', 1, {
      ownerBu: 'bu-1',
      ownerEmployeeId: 'e-bu-1',
      lastServiceAt: registered.registeredAt,
      lapsedAt: at,
      policyVersion: 1,
    } satisfies Omit<CustomerServiceLapsedV1, 'customerId'>);
    await eventually(
      async () => ((await entry(customerId))?.['lapsed'] === true ? true : undefined),
      'the lapse',
    );
    const moved = await send('CustomerOwnershipChanged', 2, {
      fromBu: 'bu-1',
      fromEmployeeId: 'e-bu-1',
      toBu: 'bu-2',
      toEmployeeId: 'e-bu-2',
      reason: 'service_lapse',
      decidedBy: 'd-1',
      policyVersion: 1,
      changedAt: at,
    } satisfies Omit<CustomerOwnershipChangedV1, 'customerId'>);
    await eventually(
      async () => ((await entry(customerId))?.['ownerBu'] === 'bu-2' ? true : undefined),
      'the move',
    );
    expect(await entry(customerId)).toMatchObject({
      ownerEmployeeId: 'e-bu-2',
      lapsed: false,
      forgotten: false,
    });

    // A late redelivery of the lapse (an older stream version, new event id) changes nothing.
    await send('CustomerServiceLapsed', 1, {
      ownerBu: 'bu-1',
      ownerEmployeeId: 'e-bu-1',
      lastServiceAt: registered.registeredAt,
      lapsedAt: at,
      policyVersion: 1,
    });
    const forgotten = await send('CustomerForgotten', 3, { forgottenAt: at });
    await handled(forgotten);
    expect(await entry(customerId)).toMatchObject({
      ownerBu: 'bu-2',
      lapsed: false,
      forgotten: true,
      lastEventId: forgotten.envelope.eventId,
    });
    expect(moved.envelope.version).toBe(2);
  });

  it('dead-letters a CustomerRegistered that breaks the contract or cannot be parsed, and keeps going', async () => {
    const badId = randomUUID();
    const plain = { ...aCustomerRegistered({ customerId: badId }), personalData: undefined, name: '明文' };
    const broken: KafkaEnvelope = customerEventEnvelope(plain);
    await publishCustomerEvent(producer, topic, broken);
    await producer.send({ topic, messages: [{ key: 'garbage', value: 'not json {' }] });
    const unknown = await publishCustomerEvent(
      producer,
      topic,
      customerEventEnvelope(aCustomerRegistered(), { type: 'CustomerSomethingNew' }),
    );
    const next = aCustomerRegistered({ ownerBu: 'bu-after' });
    await publish(next);

    await eventually(() => entry(next.customerId), 'the next customer after the poison messages');
    const letters = await eventually(async () => {
      const { rows } = await t.pool.query<{ event_id: string | null; error: string; key: Buffer | null }>(
        `select event_id, error, key from "${t.config.SCHEMA}".dead_letters where consumer = $1`,
        [consumer],
      );
      return rows.length >= 2 ? rows : undefined;
    }, 'both poison messages in dead_letters');
    expect(letters).toHaveLength(2);
    expect(letters.find((l) => l.event_id === broken.eventId)?.error).toMatch(/personalData/);
    expect(letters.some((l) => l.key?.toString() === 'garbage')).toBe(true);
    expect(await entry(badId)).toBeUndefined();
    // An event type the replica does not know yet is acknowledged, not dead-lettered.
    expect(await inboxRows(unknown.envelope.eventId)).toBe(1);

    const parked = await readDlq(kafka, dlqTopicFor(consumer), 2);
    expect(parked.map((h) => h[DLQ_HEADERS.consumer])).toEqual([consumer, consumer]);
    const metrics = await request(server).get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      new RegExp(`dead_letters_total\\{[^}]*consumer="${consumer.replace(/\./g, '\\.')}"[^}]*\\} 2`),
    );

    // Operators see the parked messages over HTTP and can try them again.
    const admin = await t.token({ roles: ['admin'], bu: undefined });
    await request(server).get('/admin/dead-letters').set('Authorization', `Bearer ${token}`).expect(403);
    const listed = await request(server)
      .get(`/admin/dead-letters?consumer=${consumer}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const items = listed.body.items as {
      id: string;
      eventId: string | null;
      error: string;
      message: unknown;
    }[];
    expect(items).toHaveLength(2);
    const contractBreach = items.find((l) => l.eventId === broken.eventId);
    expect(contractBreach?.message).toMatchObject({ eventId: broken.eventId, type: 'CustomerRegistered' });
    const garbage = items.find((l) => l.eventId === null);
    expect(garbage?.message).toBe('not json {');

    const again = await request(server)
      .post(`/admin/dead-letters/${contractBreach?.id}/replay`)
      .set('Authorization', `Bearer ${admin}`);
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('dead_letter.replay_failed');
    expect(again.body.detail).toMatch(/personalData/);
    const unparseable = await request(server)
      .post(`/admin/dead-letters/${garbage?.id}/replay`)
      .set('Authorization', `Bearer ${admin}`);
    expect(unparseable.status).toBe(422);
    expect(unparseable.body.code).toBe('dead_letter.unparseable');
    const unknownLetter = await request(server)
      .post(`/admin/dead-letters/${randomUUID()}/replay`)
      .set('Authorization', `Bearer ${admin}`);
    expect(unknownLetter.status).toBe(404);
    // Still parked: a failed replay changes nothing.
    const still = await request(server)
      .get(`/admin/dead-letters?consumer=${consumer}&pending=true`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(still.body.items).toHaveLength(2);
    expect(await entry(badId)).toBeUndefined();
  });

  it('answers 401 without a token, 404 for an unknown customer and 400 for bad paging, as problem+json', async () => {
    await request(server).get('/customer-directory').expect(401);
    const missing = await request(server)
      .get(`/customer-directory/${randomUUID()}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body.code).toBe('customer_directory.not_found');
    for (const query of ['limit=0', 'limit=101', 'page=0', 'ownerBu=', 'unknown=1']) {
      const bad = await request(server)
        .get(`/customer-directory?${query}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});

/** Headers (as text) of the first `atLeast` messages on the DLQ topic, read with a throwaway group. */
const readDlq = async (kafka: Kafka, topic: string, atLeast: number): Promise<Record<string, string>[]> => {
  const reader = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
  const seen: Record<string, string>[] = [];
  await reader.connect();
  try {
    await reader.subscribe({ topics: [topic], fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) =>
        void seen.push(
          Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? ''])),
        ),
    });
    return await eventually(
      async () => (seen.length >= atLeast ? seen : undefined),
      `${atLeast} on ${topic}`,
    );
  } finally {
    await reader.disconnect();
  }
};
