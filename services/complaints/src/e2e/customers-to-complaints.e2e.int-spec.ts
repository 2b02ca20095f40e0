import request from 'supertest';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { mintToken } from '@crm/nest';
import {
  customerDirectoryConsumerName,
  startCustomerDirectoryTestApp,
  type CustomerDirectoryTestApp,
} from '@crm/customers-directory-replica';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  eventually,
  requireKafka,
  requirePostgres,
  startServiceProcess,
  testDatabaseUrl,
  uniqueSuffix,
  type ServiceProcess,
} from '@crm/testing';
import { ComplaintsConfig } from '../config/complaints.config';
import { complaintsModule } from '../complaints.module';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
jest.setTimeout(180_000);

const JWT_SECRET = 'e2e-jwt-secret-0123456789abcdef';

/**
 * End to end over real infrastructure: the customers service (its own process, started like
 * production) registers a customer, its relay publishes to Kafka, and the complaints service's
 * inbox consumer puts the customer into its local directory.
 */
describe('customers → Kafka → complaints customer directory (e2e)', () => {
  const suffix = uniqueSuffix();
  const topic = `crm.customers.events.v1.e2e${suffix}`;
  const customersSchema = `cust_e2e_${suffix}`;
  let brokers: string[];
  let kafka: Kafka;
  let customers: ServiceProcess;
  let complaints: CustomerDirectoryTestApp<ComplaintsConfig>;
  let directory: Server;
  let staff: string;
  let reader: string;

  const register = async (body: Record<string, unknown>): Promise<string> => {
    const res = await fetch(`${customers.baseUrl}/customers`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${staff}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201)
      throw new Error(`register: ${res.status} ${await res.text()}\n${customers.output().slice(-2000)}`);
    return ((await res.json()) as { customerId: string }).customerId;
  };

  const directoryEntry = async (customerId: string): Promise<Record<string, unknown> | undefined> => {
    const res = await request(directory)
      .get(`/customer-directory/${customerId}`)
      .set('Authorization', `Bearer ${reader}`);
    if (res.status === 404) return undefined;
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  };

  /** Every message of the topic so far, read with a throwaway group. */
  const readTopic = async (atLeast: number): Promise<{ partition: number; message: KafkaMessage }[]> => {
    const consumer = kafka.consumer({ groupId: `e2e-reader-${randomUUID()}` });
    const seen: { partition: number; message: KafkaMessage }[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ partition, message }) => void seen.push({ partition, message }),
      });
      await eventually(
        async () => (seen.length >= atLeast ? true : undefined),
        `${atLeast} messages on ${topic}`,
      );
      return seen;
    } finally {
      await consumer.disconnect();
    }
  };

  /** True once the directory's consumer group has committed past `offset` on `partition`. */
  const committedPast = async (partition: number, offset: string): Promise<boolean> => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [entry] = await admin.fetchOffsets({
        groupId: customerDirectoryConsumerName(complaints.config),
        topics: [topic],
      });
      const committed = entry?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
      return BigInt(committed) > BigInt(offset);
    } finally {
      await admin.disconnect();
    }
  };

  beforeAll(async () => {
    [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
    kafka = new Kafka({ clientId: `e2e-${suffix}`, brokers, logLevel: logLevel.NOTHING });
    staff = await mintToken({ sub: 'e-007', bu: 'bu-3', roles: ['staff'] }, JWT_SECRET);
    customers = await startServiceProcess('customers', {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: brokers.join(','),
      JWT_SECRET,
      SCHEMA: customersSchema,
      CUSTOMERS_TOPIC: topic,
      PII_HMAC_SECRET: `e2e-hmac-${suffix}-0123456789abcdefghij`,
      LOG_LEVEL: 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    });
  });

  afterAll(async () => {
    await complaints?.close();
    await customers?.stop();
    await dropTestSchemas([customersSchema, `${customersSchema}_read`]);
    if (brokers) await deleteTestKafkaResources({ topics: [topic] }, brokers);
  });

  const plain = { name: '端到端测试', mobile: '+86 137-0000-7777', address: '广州市天河区' };
  let early: string;
  let late: string;

  it('delivers customers registered before and after the complaints service started', async () => {
    early = await register({ ...plain, source: 'outreach' });
    complaints = await startCustomerDirectoryTestApp({
      configClass: ComplaintsConfig,
      appModule: complaintsModule,
      brokers,
      schema: `compl_e2e_${suffix}`,
      customersTopic: topic,
      jwtSecret: JWT_SECRET,
    });
    directory = complaints.app.getHttpServer() as Server;
    reader = await complaints.token();
    late = await register({ name: '后来者', mobile: '13700008888', source: 'phone' });

    for (const id of [early, late]) {
      const entry = await eventually(() => directoryEntry(id), `customer ${id} in the complaints directory`);
      expect(entry).toMatchObject({ customerId: id, ownerBu: 'bu-3', ownerEmployeeId: 'e-007' });
    }
    const early0 = await directoryEntry(early);
    expect(early0).toMatchObject({ source: 'outreach' });
    const list = await request(directory)
      .get('/customer-directory?ownerBu=bu-3')
      .set('Authorization', `Bearer ${reader}`)
      .expect(200);
    expect((list.body.items as { customerId: string }[]).map((i) => i.customerId).sort()).toEqual(
      [early, late].sort(),
    );
    const health = await request(directory).get('/health').expect(200);
    expect(health.body.checks['consumer.customer-directory']).toMatchObject({ status: 'up' });
  });

  it('publishes no plain personal data on Kafka', async () => {
    const messages = await readTopic(2);
    const values = messages.map((m) => m.message.value?.toString() ?? '');
    expect(messages.map((m) => m.message.key?.toString()).sort()).toEqual([early, late].sort());
    for (const value of values) {
      for (const text of [
        plain.name,
        '13700007777',
        '0000-7777',
        '7777',
        plain.address,
        '后来者',
        '13700008888',
        '****',
      ]) {
        expect(value).not.toContain(text);
      }
      const envelope = JSON.parse(value) as {
        type: string;
        data: { personalData: { alg: string; ciphertext: string } };
      };
      expect(envelope.type).toBe('CustomerRegistered');
      expect(envelope.data.personalData.alg).toBe('AES-256-GCM');
      expect(envelope.data.personalData.ciphertext.length).toBeGreaterThan(20);
      expect(Object.keys(envelope.data).sort()).toEqual(
        ['customerId', 'ownerBu', 'ownerEmployeeId', 'personalData', 'registeredAt', 'source'].sort(),
      );
    }
  });

  it('leaves the directory unchanged on a duplicate delivery', async () => {
    const [original] = (await readTopic(2)).filter((m) => m.message.key?.toString() === early);
    if (original === undefined) throw new Error('message of the early customer not found');
    const before = await directoryEntry(early);
    const table = `"${complaints.config.readSchema()}".customer_directory`;
    const countBefore = (await complaints.pool.query(`select count(*)::int as n from ${table}`)).rows[0]
      .n as number;

    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({
      topic,
      messages: [
        { key: original.message.key, value: original.message.value, headers: original.message.headers ?? {} },
      ],
    });
    await producer.disconnect();
    if (sent === undefined || sent.baseOffset === undefined) throw new Error('duplicate not acknowledged');
    expect(sent.partition).toBe(original.partition);
    await eventually(
      async () => ((await committedPast(sent.partition, sent.baseOffset as string)) ? true : undefined),
      'the directory consumer to commit past the duplicate',
    );

    expect(await directoryEntry(early)).toEqual(before);
    expect((await complaints.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n).toBe(
      countBefore,
    );
    const eventId = (JSON.parse(original.message.value?.toString() ?? '{}') as { eventId: string }).eventId;
    const inbox = await complaints.pool.query(
      `select count(*)::int as n from "${complaints.config.SCHEMA}".inbox where event_id = $1`,
      [eventId],
    );
    expect(inbox.rows[0].n).toBe(1);
  });

  it('dead-letters a CustomerRegistered that breaks the contract and keeps going', async () => {
    const badId = randomUUID();
    const producer = kafka.producer();
    await producer.connect();
    const envelope = {
      eventId: randomUUID(),
      type: 'CustomerRegistered',
      streamId: `customer-${badId}`,
      aggregateId: badId,
      version: 0,
      position: { commit: '1', prepare: '1' },
      occurredAt: new Date().toISOString(),
      recordedAt: new Date().toISOString(),
      correlationId: 'e2e',
      data: {
        customerId: badId,
        ownerBu: 'bu-3',
        ownerEmployeeId: 'e-1',
        source: 'walk_in',
        registeredAt: new Date().toISOString(),
        name: '明文',
      },
    };
    await producer.send({ topic, messages: [{ key: badId, value: JSON.stringify(envelope) }] });
    await producer.disconnect();
    const next = await register({ name: '之后', mobile: '13700009999', source: 'walk_in' });
    await eventually(() => directoryEntry(next), 'the next customer after a poison message');
    await eventually(async () => {
      const { rows } = await complaints.pool.query(
        `select event_id from "${complaints.config.SCHEMA}".dead_letters`,
      );
      return rows.some((r: { event_id: string }) => r.event_id === envelope.eventId) ? true : undefined;
    }, 'the contract violation in dead_letters');
    expect(await directoryEntry(badId)).toBeUndefined();
    const metrics = await request(directory).get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /dead_letters_total\{[^}]*consumer="compl_e2e_[^"]*\.customer-directory"[^}]*\} 1/,
    );
  });
});
