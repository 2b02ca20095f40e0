import type { NestExpressApplication } from '@nestjs/platform-express';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { createTestApp, loadConfig, mintToken, testServiceEnv } from '@crm/nest';
import { ensureTopics, type KafkaEnvelope } from '@crm/messaging';
import { FixedClock } from '@crm/policy';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  requireKafka,
  requirePostgres,
  testDatabaseUrl,
  uniqueSuffix,
} from '@crm/testing';
import { PenaltiesConfig } from '../config/penalties.config';
import { startPenaltiesConsumer } from '../intake/start-penalties-consumer';
import { penaltiesModule } from '../penalties.module';

export const TEST_JWT_SECRET = 'penalties-test-jwt-secret-0123456789';

export interface PenaltiesTestApp {
  readonly app: NestExpressApplication;
  readonly config: PenaltiesConfig;
  readonly clock: FixedClock;
  /** Publishes an envelope on a topic as that service's relay would. */
  publish(topic: string, envelope: KafkaEnvelope): Promise<void>;
  token(role: string, sub: string, bu?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The penalties app as main.ts builds it, on real PostgreSQL and Kafka, in a schema and on topics
 * of its own (dropped by `close`). The clock is fixed and movable.
 */
export const startPenaltiesTestApp = async (now: string): Promise<PenaltiesTestApp> => {
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
  const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const suffix = uniqueSuffix();
  const config = loadConfig(PenaltiesConfig, {
    ...testServiceEnv({ databaseUrl: testDatabaseUrl(), brokers, jwtSecret: TEST_JWT_SECRET }),
    SCHEMA: `penalties_${suffix}`,
    CUSTOMERS_TOPIC: `crm.customers.events.v1.t${suffix}`,
    COMPLAINTS_TOPIC: `crm.complaints.events.v1.t${suffix}`,
    INVITATIONS_TOPIC: `crm.invitations.events.v1.t${suffix}`,
  });
  // The topics exist before the consumer subscribes, so it never races the producer creating them.
  const kafka = new Kafka({ clientId: `penalties-test-${suffix}`, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [config.CUSTOMERS_TOPIC, config.COMPLAINTS_TOPIC, config.INVITATIONS_TOPIC], {
    numPartitions: 1,
  });
  await admin.disconnect();
  const clock = new FixedClock(now);
  const app = await createTestApp(penaltiesModule(config, { clock }));
  await startPenaltiesConsumer(app);
  const producer: Producer = kafka.producer();
  await producer.connect();
  return {
    app,
    config,
    clock,
    publish: async (topic, e) => {
      await producer.send({ topic, messages: [{ key: e.aggregateId, value: JSON.stringify(e) }] });
    },
    token: (role, sub, bu = 'bu-2') => mintToken({ sub, roles: [role], bu }, TEST_JWT_SECRET, '30m'),
    close: async () => {
      await producer.disconnect();
      await app.close();
      await dropTestSchemas([config.SCHEMA, config.readSchema()]);
      await deleteTestKafkaResources(
        {
          topics: [
            config.CUSTOMERS_TOPIC,
            config.COMPLAINTS_TOPIC,
            config.INVITATIONS_TOPIC,
            `crm.${config.SCHEMA}.fines.dlq`,
          ],
          groups: [`${config.SCHEMA}.fines`],
        },
        brokers,
      );
    },
  };
};
