import { randomUUID } from 'node:crypto';
import { Controller, Inject, Injectable } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import request from 'supertest';
import {
  ensureTopics,
  type KafkaEnvelope,
  KafkaInboxContext,
  NonRetriableError,
  toKafkaMessage,
} from '@crm/messaging';
import { eventually, requireKafka, uniqueSuffix } from '@crm/testing';
import { connectInboxConsumer } from '../pipeline/connect-inbox-consumer';
import { startTestPlatform, type TestPlatform } from '../testing-app/test-platform';
import type { Pool } from 'pg';
import { PG_POOL, SERVICE_INFO, type ServiceInfo } from '../tokens';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
jest.setTimeout(120_000);

/** Whether the downstream the handler needs is broken (what an operator fixes before replaying). */
@Injectable()
class Downstream {
  broken = true;
}

@Controller()
class GadgetReactions {
  constructor(
    private readonly downstream: Downstream,
    @Inject(SERVICE_INFO) private readonly service: ServiceInfo,
  ) {}

  @EventPattern('GadgetMade')
  async onGadgetMade(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    if (this.downstream.broken) throw new NonRetriableError('downstream refuses gadgets today');
    await context
      .getTransaction()
      .query(`insert into "${this.service.schema}".gadgets (event_id) values ($1)`, [envelope.eventId]);
  }
}

describe('dead letters over HTTP (real PostgreSQL and Kafka)', () => {
  const suffix = uniqueSuffix();
  const topic = `test.gadgets.${suffix}`;
  const consumerName = `gadgets-${suffix}`;
  let platform: TestPlatform;
  let producer: Producer;
  let kafka: Kafka;
  const http = () => request(platform.app.getHttpServer());

  beforeAll(async () => {
    const brokers = await requireKafka();
    kafka = new Kafka({ clientId: `dlq-http-${suffix}`, brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [topic]);
    await admin.disconnect();
    producer = kafka.producer();
    await producer.connect();
    platform = await startTestPlatform('dlq', { controllers: [GadgetReactions], providers: [Downstream] });
    const pool = platform.app.get<Pool>(PG_POOL);
    await pool.query(`create table "${platform.schema}".gadgets (event_id uuid primary key)`);
    await connectInboxConsumer(platform.app, { name: consumerName, topics: [topic], retry: { attempts: 1 } });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await platform?.close();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic, `crm.${consumerName}.dlq`] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('lists a parked message and replays it once the cause is fixed; a second replay is a no-op', async () => {
    const admin = await platform.token({ roles: ['admin'] });
    const eventId = randomUUID();
    const envelope: KafkaEnvelope = {
      eventId,
      type: 'GadgetMade',
      streamId: 'gadget-1',
      aggregateId: 'gadget-1',
      version: 0,
      position: { commit: '1', prepare: '1' },
      occurredAt: '2026-01-05T01:00:00.000Z',
      recordedAt: '2026-01-05T01:00:00.010Z',
      correlationId: randomUUID(),
      data: { size: 3 },
    };
    await producer.send({ topic, messages: [toKafkaMessage(envelope)] });

    const parked = await eventually(async () => {
      const res = await http().get('/admin/dead-letters').set('Authorization', `Bearer ${admin}`).expect(200);
      const items = res.body.items as { id: string; eventId: string; consumer: string; error: string }[];
      return items.find((l) => l.eventId === eventId);
    }, 'the message parked in dead_letters');
    expect(parked).toMatchObject({
      consumer: consumerName,
      error: expect.stringContaining('downstream refuses'),
    });

    const stillBroken = await http()
      .post(`/admin/dead-letters/${parked.id}/replay`)
      .set('Authorization', `Bearer ${admin}`);
    expect(stillBroken.status).toBe(422);

    platform.app.get(Downstream).broken = false;
    const replayed = await http()
      .post(`/admin/dead-letters/${parked.id}/replay`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(replayed.body).toEqual({ id: parked.id, outcome: 'processed' });
    const again = await http()
      .post(`/admin/dead-letters/${parked.id}/replay`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(again.body.outcome).toBe('duplicate');

    const pool = platform.app.get<Pool>(PG_POOL);
    const rows = await pool.query(`select event_id from "${platform.schema}".gadgets`);
    expect(rows.rows).toEqual([{ event_id: eventId }]);
    const pending = await http()
      .get('/admin/dead-letters')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(pending.body.items).toEqual([]);
    const all = await http()
      .get('/admin/dead-letters?pending=false')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(all.body.items[0].replayedAt).not.toBeNull();

    const health = await http().get('/health').expect(200);
    expect(health.body.checks[`consumer.${consumerName}`]).toMatchObject({ status: 'up' });
  });

  it('shows a binary poison message exactly (base64), with no text preview', async () => {
    const admin = await platform.token({ roles: ['admin'] });
    const raw = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(randomUUID(), 'utf8')]);
    await producer.send({ topic, messages: [{ value: raw }] });
    const parked = await eventually(async () => {
      const res = await http().get('/admin/dead-letters').set('Authorization', `Bearer ${admin}`).expect(200);
      const items = res.body.items as { valueBase64: string | null }[];
      return items.find((l) => l.valueBase64 === raw.toString('base64'));
    }, 'the binary message parked in dead_letters');
    expect(parked).toMatchObject({ valueText: null, message: null, eventId: null });
  });

  it('refuses a malformed id (400) and non-admins (403)', async () => {
    const admin = await platform.token({ roles: ['admin'] });
    await http()
      .post('/admin/dead-letters/not-a-uuid/replay')
      .set('Authorization', `Bearer ${admin}`)
      .expect(400);
    const staff = await platform.token({ roles: ['staff'] });
    await http().get('/admin/dead-letters').set('Authorization', `Bearer ${staff}`).expect(403);
  });
});
