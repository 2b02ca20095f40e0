import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { INestApplication } from '@nestjs/common';
import { createTestApp, loadConfig } from '@crm/nest';
import {
  STAFF_MEMBER_EMAIL_CHANGED,
  STAFF_MEMBER_JOINED,
  STAFF_MEMBER_POSTS_CHANGED,
  STAFF_MEMBER_STATUS_CHANGED,
} from '@crm/customers-contracts';
import { dlqTopicFor, type KafkaEnvelope } from '@crm/messaging';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  eventually,
  requireKafka,
  requirePostgres,
  testDatabaseUrl,
  uniqueSuffix,
} from '@crm/testing';
import { STAFF_DIRECTORY, type StaffDirectory } from './staff-directory';
import { staffReplicaConsumerName, startStaffReplicaConsumer } from './start-staff-replica-consumer';
import { seedStaffMembers } from './testing/seed-staff-members';
import { staffEventEnvelope } from './testing/staff-event.fixture';
import { StaffHostConfig, staffHostModule } from './testing/staff-host.app';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
jest.setTimeout(120_000);

const T = (iso: string): Date => new Date(iso);

/** The replica in a minimal host, fed with contract messages on a private topic. */
describe('staff replica (real PostgreSQL + Kafka)', () => {
  const suffix = uniqueSuffix();
  const topic = `crm.customers.events.v1.staff${suffix}`;
  let kafka: Kafka;
  let producer: Producer;
  let app: INestApplication;
  let config: StaffHostConfig;
  let directory: StaffDirectory;

  const publish = async (envelope: KafkaEnvelope): Promise<void> => {
    await producer.send({
      topic,
      messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
    });
  };

  beforeAll(async () => {
    const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
    kafka = new Kafka({ clientId: `staff-${suffix}`, brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    config = loadConfig(StaffHostConfig, {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: brokers.join(','),
      JWT_SECRET: 'staff-replica-test-jwt-secret-0123456789',
      LOG_LEVEL: 'silent',
      SCHEMA: `staff_${suffix}`,
    });
    app = await createTestApp(staffHostModule(config));
    await startStaffReplicaConsumer(app, topic);
    directory = app.get<StaffDirectory>(STAFF_DIRECTORY);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await dropTestSchemas([config.SCHEMA, config.readSchema()]);
    const consumer = staffReplicaConsumerName(config.SCHEMA);
    await deleteTestKafkaResources({ topics: [topic, dlqTopicFor(consumer)], groups: [consumer] }, [
      ...config.kafkaBrokers(),
    ]);
  });

  it('follows a member through joining, posts, e-mail, transfer and leaving, and answers as of any instant', async () => {
    const id = `e-${suffix}`;
    const joined = staffEventEnvelope(
      STAFF_MEMBER_JOINED,
      {
        employeeId: id,
        bu: 'bu-1',
        displayName: '李雷',
        posts: ['staff'],
        joinedAt: '2025-01-01T00:00:00.000Z',
      },
      0,
    );
    await publish(joined);
    await publish(
      staffEventEnvelope(
        STAFF_MEMBER_POSTS_CHANGED,
        { employeeId: id, bu: 'bu-1', posts: ['staff', 'cs_agent'], changedAt: '2025-02-01T00:00:00.000Z' },
        1,
      ),
    );
    await publish(
      staffEventEnvelope(
        STAFF_MEMBER_EMAIL_CHANGED,
        { employeeId: id, bu: 'bu-1', email: 'lilei@example.cn', changedAt: '2025-02-15T00:00:00.000Z' },
        2,
      ),
    );
    await publish(
      staffEventEnvelope(
        STAFF_MEMBER_STATUS_CHANGED,
        {
          employeeId: id,
          change: 'transferred',
          status: 'active',
          bu: 'bu-2',
          fromBu: 'bu-1',
          changedAt: '2025-03-01T00:00:00.000Z',
        },
        3,
      ),
    );
    // A redelivery of the join (same event id) and a replay of an older fact change nothing.
    await publish(joined);
    await publish(
      staffEventEnvelope(
        STAFF_MEMBER_POSTS_CHANGED,
        { employeeId: id, bu: 'bu-1', posts: ['admin'], changedAt: '2025-02-01T00:00:00.000Z' },
        1,
      ),
    );
    await publish(
      staffEventEnvelope(
        STAFF_MEMBER_STATUS_CHANGED,
        { employeeId: id, change: 'left', status: 'left', bu: 'bu-2', changedAt: '2025-04-01T00:00:00.000Z' },
        4,
      ),
    );
    await eventually(
      async () => ((await directory.member(id))?.status === 'left' ? true : undefined),
      'the member to have left',
    );

    expect(await directory.member(id, T('2024-12-31T23:59:59Z'))).toBeUndefined();
    expect(await directory.member(id, T('2025-01-15T00:00:00Z'))).toEqual({
      employeeId: id,
      displayName: '李雷',
      bu: 'bu-1',
      status: 'active',
      posts: ['staff'],
    });
    expect(await directory.member(id, T('2025-02-01T00:00:00Z'))).toMatchObject({
      bu: 'bu-1',
      posts: ['staff', 'cs_agent'],
    });
    expect(await directory.member(id, T('2025-03-15T00:00:00Z'))).toEqual({
      employeeId: id,
      displayName: '李雷',
      bu: 'bu-2',
      status: 'active',
      posts: ['staff', 'cs_agent'],
      email: 'lilei@example.cn',
    });
    expect(await directory.member(id)).toMatchObject({ status: 'left', bu: 'bu-2' });

    const holderIds = async (post: string, bu: string | null, at: string): Promise<string[]> =>
      (await directory.holders(post, bu, T(at))).map((m) => m.employeeId).filter((e) => e === id);
    expect(await holderIds('cs_agent', 'bu-1', '2025-02-20T00:00:00Z')).toEqual([id]);
    expect(await holderIds('cs_agent', 'bu-1', '2025-01-20T00:00:00Z')).toEqual([]);
    expect(await holderIds('cs_agent', 'bu-2', '2025-03-20T00:00:00Z')).toEqual([id]);
    expect(await holderIds('cs_agent', null, '2025-03-20T00:00:00Z')).toEqual([id]);
    // Once left, nobody holds anything.
    expect(await holderIds('cs_agent', null, '2025-04-02T00:00:00Z')).toEqual([]);
    expect(await holderIds('admin', null, '2025-02-20T00:00:00Z')).toEqual([]);
  });

  it('reads messages older than posts (a member held staff) and seeds members for tests', async () => {
    const id = `old-${suffix}`;
    await publish(
      staffEventEnvelope(
        STAFF_MEMBER_JOINED,
        { employeeId: id, bu: 'bu-3', displayName: '韩梅梅', joinedAt: '2025-01-01T00:00:00.000Z' },
        0,
      ),
    );
    await eventually(() => directory.member(id), 'the member to have joined');
    expect(await directory.member(id)).toMatchObject({ bu: 'bu-3', posts: ['staff'], status: 'active' });

    await seedStaffMembers(app, [
      { employeeId: `gm-${suffix}`, bu: 'hq', posts: ['gm'] },
      { employeeId: `gone-${suffix}`, bu: 'bu-3', status: 'left' },
    ]);
    expect(await directory.member(`gm-${suffix}`, T('2020-01-01T00:00:00Z'))).toMatchObject({
      bu: 'hq',
      posts: ['gm'],
      status: 'active',
    });
    expect((await directory.holders('gm', null)).map((m) => m.employeeId)).toContain(`gm-${suffix}`);
    expect((await directory.holders('staff', 'bu-3')).map((m) => m.employeeId)).toEqual([id]);
  });
});
