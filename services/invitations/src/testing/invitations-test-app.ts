import type { NestExpressApplication } from '@nestjs/platform-express';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { Pool } from 'pg';
import { createTestApp, loadConfig, testServiceEnv, mintToken, type TokenClaims } from '@crm/nest';
import { dlqTopicFor, ensureTopics, type KafkaEnvelope } from '@crm/messaging';
import { FixedClock } from '@crm/policy';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  requireKafka,
  requirePostgres,
  testDatabaseUrl,
  uniqueSuffix,
} from '@crm/testing';
import { InvitationsConfig } from '../config/invitations.config';
import {
  eligibilityConsumerName,
  startCustomersTopicConsumer,
} from '../eligibility/start-eligibility-consumer';
import { creditConsumerName, startCreditTopicConsumer } from '../credit/start-credit-consumer';
import { invitationsModule } from '../invitations.module';

export const TEST_JWT_SECRET = 'invitations-test-jwt-secret-0123456789';

export interface InvitationsTestApp {
  readonly app: NestExpressApplication;
  readonly config: InvitationsConfig;
  readonly clock: FixedClock;
  readonly kafka: Kafka;
  readonly producer: Producer;
  /** A pool of its own for assertions on the service's tables. */
  readonly pool: Pool;
  /** Every envelope the relay published on the service's topic so far. */
  readonly published: KafkaEnvelope[];
  token(claims: Partial<TokenClaims>): Promise<string>;
  close(): Promise<void>;
}

/**
 * The invitations app as main.ts wires it (HTTP, relay, projections, timers, the customers-topic
 * and the credit-topic consumers) on real PostgreSQL and Kafka, with a schema and topics of its own and a clock the test
 * moves. A test consumer records what the relay publishes.
 */
export const startInvitationsTestApp = async (start: string): Promise<InvitationsTestApp> => {
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
  const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const suffix = uniqueSuffix();
  const config = loadConfig(InvitationsConfig, {
    ...testServiceEnv({ databaseUrl: testDatabaseUrl(), brokers, jwtSecret: TEST_JWT_SECRET }),
    SCHEMA: `inv_${suffix}`,
    CUSTOMERS_TOPIC: `crm.customers.events.v1.inv${suffix}`,
    CREDIT_TOPIC: `crm.credit.events.v1.inv${suffix}`,
    INVITATIONS_TOPIC: `crm.invitations.events.v1.t${suffix}`,
  });
  const kafka = new Kafka({ clientId: `inv-test-${suffix}`, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [config.CUSTOMERS_TOPIC, config.CREDIT_TOPIC, config.INVITATIONS_TOPIC]).finally(
    () => admin.disconnect(),
  );
  const producer = kafka.producer();
  await producer.connect();
  const published: KafkaEnvelope[] = [];
  const group = `inv-test-reader-${suffix}`;
  const reader: Consumer = kafka.consumer({ groupId: group });
  await reader.connect();
  await reader.subscribe({ topic: config.INVITATIONS_TOPIC, fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message }) => {
      if (message.value) published.push(JSON.parse(message.value.toString()) as KafkaEnvelope);
    },
  });

  const clock = new FixedClock(start);
  const app = await createTestApp(invitationsModule(config, { clock, timerIntervalMs: 100 }));
  await startCustomersTopicConsumer(app);
  await startCreditTopicConsumer(app);
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
  const consumers = [eligibilityConsumerName(config), creditConsumerName(config)];
  return {
    app,
    config,
    clock,
    kafka,
    producer,
    pool,
    published,
    token: (claims) =>
      mintToken({ sub: 'e-001', roles: ['staff'], bu: 'bu-1', ...claims }, TEST_JWT_SECRET, '30m'),
    close: async () => {
      await reader.disconnect();
      await producer.disconnect();
      await app.close();
      await pool.end();
      await dropTestSchemas([config.SCHEMA, config.readSchema()]);
      await deleteTestKafkaResources(
        {
          topics: [
            config.CUSTOMERS_TOPIC,
            config.CREDIT_TOPIC,
            config.INVITATIONS_TOPIC,
            ...consumers.map(dlqTopicFor),
          ],
          groups: [...consumers, group],
        },
        brokers,
      );
    },
  };
};
