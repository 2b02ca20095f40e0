import type { NestExpressApplication } from '@nestjs/platform-express';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Pool } from 'pg';
import { createTestApp, loadConfig, testServiceEnv, mintToken, type LogCapture } from '@crm/nest';
import { FixedClock } from '@crm/policy';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  requireKafka,
  requirePostgres,
  testDatabaseUrl,
  uniqueSuffix,
} from '@crm/testing';
import { CreditConfig } from '../config/credit.config';
import { creditModule } from '../credit.module';
import { customerDirectoryConsumerName } from '@crm/customers-directory-replica';
import { startCreditConsumers } from '../consumer/start-credit-consumers';

export const TEST_JWT_SECRET = 'credit-test-jwt-secret-0123456789';
/** 2026-07-15 10:00 in Shanghai: the six full months averaged are 2026-01 .. 2026-06. */
export const TEST_NOW = '2026-07-15T02:00:00.000Z';

export interface CreditTestApp {
  readonly app: NestExpressApplication;
  readonly config: CreditConfig;
  readonly clock: FixedClock;
  /** A pool of its own for assertions on the service's tables. */
  readonly pool: Pool;
  /** Sends to the (test-unique) complaints topic, as the complaints relay would. */
  readonly producer: Producer;
  token(role: string, sub?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The credit app as main.ts builds it, on real PostgreSQL and Kafka, in a schema and on topics of
 * its own so test files never share state; `close` drops them. The clock is fixed and movable.
 */
export const startCreditTestApp = async (
  options: { consumeComplaints?: boolean; logs?: LogCapture } = {},
): Promise<CreditTestApp> => {
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
  const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const suffix = uniqueSuffix();
  const config = loadConfig(CreditConfig, {
    ...testServiceEnv({ databaseUrl: testDatabaseUrl(), brokers, jwtSecret: TEST_JWT_SECRET }),
    SCHEMA: `credit_${suffix}`,
    CREDIT_TOPIC: `crm.credit.events.v1.t${suffix}`,
    COMPLAINTS_TOPIC: `crm.complaints.events.v1.t${suffix}`,
    CUSTOMERS_TOPIC: `crm.customers.events.v1.t${suffix}`,
    ...(options.logs !== undefined ? { LOG_LEVEL: 'info' } : {}),
  });
  const clock = new FixedClock(TEST_NOW);
  const app = await createTestApp(
    creditModule(config, {
      clock,
      timerIntervalMs: 100,
      ...(options.logs !== undefined ? { logDestination: options.logs } : {}),
    }),
  );
  if (options.consumeComplaints === true) await startCreditConsumers(app);
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
  const kafka = new Kafka({ clientId: `credit-test-${suffix}`, brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  return {
    app,
    config,
    clock,
    pool,
    producer,
    token: (role, sub = `${role}-1`) =>
      mintToken({ sub, roles: [role], bu: 'bu-credit' }, TEST_JWT_SECRET, '30m'),
    close: async () => {
      await producer.disconnect();
      await app.close();
      await pool.end();
      await dropTestSchemas([config.SCHEMA, config.readSchema()]);
      await deleteTestKafkaResources(
        {
          topics: [
            config.CREDIT_TOPIC,
            config.COMPLAINTS_TOPIC,
            config.CUSTOMERS_TOPIC,
            `crm.${customerDirectoryConsumerName(config)}.dlq`,
          ],
          groups: [customerDirectoryConsumerName(config)],
        },
        brokers,
      );
    },
  };
};
