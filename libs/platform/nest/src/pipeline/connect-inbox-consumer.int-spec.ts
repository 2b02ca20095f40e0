import { randomUUID } from 'node:crypto';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import request from 'supertest';
import type { Pool } from 'pg';
import { ensureTopics, type KafkaEnvelope, KafkaInboxContext, toKafkaMessage } from '@crm/messaging';
import { eventually, requireKafka, uniqueSuffix } from '@crm/testing';
import { connectInboxConsumer } from './connect-inbox-consumer';
import { startTestPlatform, type TestPlatform } from '../testing-app/test-platform';
import { PG_POOL, SERVICE_INFO, type ServiceInfo } from '../tokens';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
jest.setTimeout(120_000);

@Controller()
class WidgetReactions {
  constructor(@Inject(SERVICE_INFO) private readonly service: ServiceInfo) {}

  @EventPattern('WidgetMade')
  async onWidgetMade(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    await context
      .getTransaction()
      .query(`insert into "${this.service.schema}".widgets (event_id) values ($1)`, [envelope.eventId]);
  }
}

const widgetMade = (): KafkaEnvelope => {
  const id = randomUUID();
  return {
    eventId: id,
    type: 'WidgetMade',
    streamId: `widget-${id}`,
    aggregateId: id,
    version: 0,
    position: { commit: '1', prepare: '1' },
    occurredAt: '2026-01-05T01:00:00.000Z',
    recordedAt: '2026-01-05T01:00:00.010Z',
    correlationId: randomUUID(),
    data: {},
  };
};

/** A service that reads several other services' topics connects one inbox consumer per topic. */
describe('connectInboxConsumer with several consumers in one app (real PostgreSQL and Kafka)', () => {
  const suffix = uniqueSuffix();
  const topics = [`test.widgets-a.${suffix}`, `test.widgets-b.${suffix}`];
  let platform: TestPlatform;
  let kafka: Kafka;
  let producer: Producer;

  beforeAll(async () => {
    const brokers = await requireKafka();
    kafka = new Kafka({ clientId: `multi-inbox-${suffix}`, brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, topics);
    await admin.disconnect();
    producer = kafka.producer();
    await producer.connect();
    platform = await startTestPlatform('multi_inbox', { controllers: [WidgetReactions] });
    await platform.app
      .get<Pool>(PG_POOL)
      .query(`create table "${platform.schema}".widgets (event_id uuid primary key)`);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await platform?.close();
  });

  it('starts the second consumer without restarting the first, and both deliver', async () => {
    await connectInboxConsumer(platform.app, { name: `widgets-a-${suffix}`, topics: [topics[0] as string] });
    await connectInboxConsumer(platform.app, { name: `widgets-b-${suffix}`, topics: [topics[1] as string] });
    const [a, b] = [widgetMade(), widgetMade()];
    await producer.send({ topic: topics[0] as string, messages: [toKafkaMessage(a)] });
    await producer.send({ topic: topics[1] as string, messages: [toKafkaMessage(b)] });
    const pool = platform.app.get<Pool>(PG_POOL);
    const seen = await eventually(async () => {
      const { rows } = await pool.query<{ event_id: string }>(
        `select event_id from "${platform.schema}".widgets order by event_id`,
      );
      return rows.length === 2 ? rows.map((r) => r.event_id) : undefined;
    }, 'both widgets consumed');
    expect(seen.sort()).toEqual([a.eventId, b.eventId].sort());
    const health = await request(platform.app.getHttpServer()).get('/health');
    expect(health.body.checks).toMatchObject({
      [`consumer.widgets-a-${suffix}`]: { status: 'up' },
      [`consumer.widgets-b-${suffix}`]: { status: 'up' },
    });
  });
});
