import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { requireKafka, requirePostgres, uniqueSuffix } from '@crm/testing';
import type { Kafka, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { toKafkaMessage, type KafkaEnvelope } from './kafka-envelope';
import { KafkaInboxExceptionFilter } from './kafka-inbox-exception.filter';
import { KafkaInboxContext } from './kafka-inbox.context';
import { KafkaInboxTransport } from './kafka-inbox.transport';
import { dlqTopicFor } from './kafka-topics';
import {
  type KafkaTestClients,
  openKafkaTestClients,
  sampleEnvelope,
  waitFor,
} from './test-support/kafka-test-support';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

const suffix = uniqueSuffix();
const schema = `msg_nest_${suffix}`;
const topic = `test.nest.${suffix}`;
const name = `nest-inbox-${suffix}`;
let handlerCalls = 0;

@Controller()
class DirectoryController {
  @EventPattern('CustomerRegistered')
  async registered(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    handlerCalls += 1;
    if (context.getEnvelope().eventId !== envelope.eventId)
      throw new Error('context carries another envelope');
    if (envelope.data['explode'] === true) throw new Error(`directory refuses ${envelope.aggregateId}`);
    await context
      .getTransaction()
      .query(`insert into ${schema}.directory (customer_id, name) values ($1, $2)`, [
        envelope.aggregateId,
        envelope.data['name'],
      ]);
  }
}

@Module({ controllers: [DirectoryController] })
class DirectoryModule {}

let pool: Pool;
let kafka: Kafka;
let producer: Producer;
let clients: KafkaTestClients | undefined;
let app: INestMicroservice;

const rowsFor = async (customerId: string): Promise<number> =>
  (
    await pool.query(`select count(*)::int as n from ${schema}.directory where customer_id = $1`, [
      customerId,
    ])
  ).rows[0].n as number;

const inboxHas = async (eventId: string): Promise<boolean> =>
  ((await pool.query(`select 1 from ${schema}.inbox where consumer = $1 and event_id = $2`, [name, eventId]))
    .rowCount ?? 0) === 1;

beforeAll(async () => {
  const [databaseUrl, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  pool = new Pool({ connectionString: databaseUrl, max: 5 });
  await pool.query(`create schema ${schema}`);
  await pool.query(`create table ${schema}.directory (customer_id text not null, name text)`);
  clients = await openKafkaTestClients(brokers, `nest-inbox-${suffix}`, [topic], {
    numPartitions: 2,
    alsoDelete: [dlqTopicFor(name)],
  });
  ({ kafka, producer } = clients);
  app = await NestFactory.createMicroservice(DirectoryModule, {
    strategy: new KafkaInboxTransport({
      name,
      kafka,
      pool,
      schema,
      topics: [topic],
      retry: { attempts: 2, baseDelayMs: 10 },
      consumerConfig: { maxWaitTimeInMs: 100 },
    }),
    logger: false,
  });
  app.useGlobalFilters(new KafkaInboxExceptionFilter());
  await app.listen();
});

afterAll(async () => {
  await app?.close();
  await clients?.close();
  await pool?.query(`drop schema if exists ${schema} cascade`);
  await pool?.end();
});

describe('KafkaInboxTransport in a Nest microservice (real Kafka + PostgreSQL)', () => {
  it('runs an @EventPattern handler once for a duplicate delivery and acknowledges unknown types', async () => {
    const registered = sampleEnvelope({
      type: 'CustomerRegistered',
      aggregateId: 'c-1',
      data: { name: 'Ann' },
    });
    const unknown = sampleEnvelope({ type: 'CustomerNicknamed', aggregateId: 'c-1', data: {} });
    const marker = sampleEnvelope({
      type: 'CustomerRegistered',
      aggregateId: 'c-1',
      data: { name: 'Marker' },
    });
    await producer.send({
      topic,
      acks: -1,
      messages: [registered, registered, unknown, marker].map((e) => toKafkaMessage(e)),
    });
    await waitFor(() => inboxHas(marker.eventId), 'marker handled');

    expect(await rowsFor('c-1')).toBe(2); // Ann once + Marker once
    expect(handlerCalls).toBe(2);
    expect(await inboxHas(unknown.eventId)).toBe(true);
  });

  it('rolls a failing handler back and parks the message with the original error', async () => {
    const failing = sampleEnvelope({
      type: 'CustomerRegistered',
      aggregateId: 'c-2',
      data: { explode: true },
    });
    await producer.send({ topic, acks: -1, messages: [toKafkaMessage(failing)] });
    const letter = await waitForDeadLetter();
    expect(letter.error).toBe('Error: directory refuses c-2');
    expect(await rowsFor('c-2')).toBe(0);
    expect(await inboxHas(failing.eventId)).toBe(false);
  });
});

const waitForDeadLetter = async (): Promise<{ error: string }> => {
  let found: { error: string } | undefined;
  await waitFor(async () => {
    const rows = await pool.query(`select error from ${schema}.dead_letters where consumer = $1`, [name]);
    found = rows.rows[0] as { error: string } | undefined;
    return found !== undefined;
  }, 'dead letter');
  return found as { error: string };
};
