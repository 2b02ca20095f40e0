import type { NestExpressApplication } from '@nestjs/platform-express';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { CommandContext } from '@crm/event-sourcing';
import { createTestApp, loadConfig, testServiceEnv, mintToken, type TokenClaims } from '@crm/nest';
import { dlqTopicFor, parseEnvelope, type KafkaEnvelope, ensureTopics } from '@crm/messaging';
import { FixedClock } from '@crm/policy';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  requireKafka,
  requirePostgres,
  testDatabaseUrl,
  uniqueSuffix,
} from '@crm/testing';
import {
  customerDirectoryConsumerName,
  startCustomerDirectoryConsumer,
} from '@crm/customers-directory-replica';
import { ComplaintsConfig } from '../config/complaints.config';
import { complaintsModule } from '../complaints.module';

export const TEST_JWT_SECRET = 'complaints-test-jwt-secret-0123456789';

export interface ComplaintsTestApp {
  readonly app: NestExpressApplication;
  readonly config: ComplaintsConfig;
  readonly clock: FixedClock;
  readonly pool: Pool;
  token(claims: Partial<TokenClaims>): Promise<string>;
  /** A command context at the test clock's instant, as a customer-service agent. */
  ctx(): CommandContext;
  readonly kafka: Kafka;
  /** Everything published on the service's topic so far, read from the beginning. */
  readonly published: KafkaEnvelope[];
  close(): Promise<void>;
}

/**
 * The complaints app as main.ts builds it, on real PostgreSQL and Kafka, in its own schema and
 * topics, with a clock the test moves. A consumer collects what the relay publishes.
 */
export const startComplaintsTestApp = async (start = '2025-09-30T02:00:00Z'): Promise<ComplaintsTestApp> => {
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
  const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const suffix = uniqueSuffix();
  const config = loadConfig(ComplaintsConfig, {
    ...testServiceEnv({ databaseUrl: testDatabaseUrl(), brokers, jwtSecret: TEST_JWT_SECRET }),
    SCHEMA: `cmp_${suffix}`,
    CUSTOMERS_TOPIC: `crm.customers.events.v1.t${suffix}`,
    COMPLAINTS_TOPIC: `crm.complaints.events.v1.t${suffix}`,
  });
  // The topic exists before the relay starts, so the two never race to create it.
  const kafka = new Kafka({ clientId: `complaints-test-${suffix}`, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [config.COMPLAINTS_TOPIC, config.CUSTOMERS_TOPIC], { numPartitions: 1 });
  await admin.disconnect();
  const clock = new FixedClock(start);
  const app = await createTestApp(complaintsModule(config, { clock, timerIntervalMs: 100 }));
  // As main.ts does: the customers directory replica feeds 'who is concerned' by default.
  await startCustomerDirectoryConsumer(app);
  const directoryConsumer = customerDirectoryConsumerName(config);
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
  const published: KafkaEnvelope[] = [];
  const consumer: Consumer = kafka.consumer({ groupId: `complaints-test-${suffix}` });
  await consumer.connect();
  await consumer.subscribe({ topic: config.COMPLAINTS_TOPIC, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      published.push(parseEnvelope(message.value));
    },
  });
  return {
    app,
    config,
    clock,
    pool,
    published,
    kafka,
    ctx: () => ({
      actor: { id: 'agent-1', role: 'cs_agent', bu: 'bu-cs' },
      now: clock.now(),
      commandId: randomUUID(),
      correlationId: randomUUID(),
    }),
    token: (claims) =>
      mintToken({ sub: 'agent-1', roles: ['cs_agent'], bu: 'bu-cs', ...claims }, TEST_JWT_SECRET, '10m'),
    close: async () => {
      await consumer.disconnect();
      await app.close();
      await pool.end();
      await dropTestSchemas([config.SCHEMA, config.readSchema()]);
      await deleteTestKafkaResources(
        {
          topics: [config.COMPLAINTS_TOPIC, config.CUSTOMERS_TOPIC, dlqTopicFor(directoryConsumer)],
          groups: [`complaints-test-${suffix}`, directoryConsumer],
        },
        brokers,
      );
    },
  };
};
