import type { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import {
  createTestApp,
  EventPipeline,
  loadConfig,
  testServiceEnv,
  mintToken,
  type LogCapture,
  type TokenClaims,
} from '@crm/nest';
import { dlqTopicFor } from '@crm/messaging';
import type { Clock } from '@crm/policy';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  requireKafka,
  requirePostgres,
  testDatabaseUrl,
  uniqueSuffix,
} from '@crm/testing';
import { CustomersConfig } from '../config/customers.config';
import { inboundFactsConsumerName } from '../consumers/consumer-names';
import { startInboundConsumer } from '../consumers/start-inbound-consumer';
import { customersModule } from '../customers.module';

export const TEST_JWT_SECRET = 'customers-test-jwt-secret-0123456789';

export interface CustomersTestApp {
  readonly app: NestExpressApplication;
  readonly config: CustomersConfig;
  readonly brokers: readonly string[];
  /** A pool of its own for assertions on the service's tables. */
  readonly pool: Pool;
  token(claims: Partial<TokenClaims>): Promise<string>;
  /** Resolves when the relay and every projection reached the committed head. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

export interface CustomersTestAppOptions {
  readonly clock?: Clock;
  /** Also consume the (private) invitations and complaints topics, as main.ts does. */
  readonly consumers?: boolean;
  readonly timerIntervalMs?: number;
  /** Captures the service's logs (at info level) instead of silencing them. */
  readonly logs?: LogCapture;
}

/**
 * The customers app as main.ts builds it, on real PostgreSQL and Kafka, in a schema and on topics
 * of its own so test files never share state. `close` drops them.
 */
export const startCustomersTestApp = async (
  options: CustomersTestAppOptions = {},
): Promise<CustomersTestApp> => {
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
  const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const suffix = uniqueSuffix();
  const config = loadConfig(CustomersConfig, {
    ...testServiceEnv({ databaseUrl: testDatabaseUrl(), brokers, jwtSecret: TEST_JWT_SECRET }),
    SCHEMA: `cust_${suffix}`,
    CUSTOMERS_TOPIC: `crm.customers.events.v1.t${suffix}`,
    INVITATIONS_TOPIC: `crm.invitations.events.v1.t${suffix}`,
    COMPLAINTS_TOPIC: `crm.complaints.events.v1.t${suffix}`,
    PII_HMAC_SECRET: `test-hmac-secret-${suffix}-0123456789abcdef`,
    ...(options.logs !== undefined ? { LOG_LEVEL: 'info' } : {}),
  });
  const app = await createTestApp(
    customersModule(config, {
      ...(options.clock !== undefined ? { clock: options.clock } : {}),
      ...(options.timerIntervalMs !== undefined ? { timerIntervalMs: options.timerIntervalMs } : {}),
      ...(options.logs !== undefined ? { logDestination: options.logs } : {}),
    }),
  );
  if (options.consumers === true) await startInboundConsumer(app);
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
  const consumer = inboundFactsConsumerName(config);
  return {
    app,
    config,
    brokers,
    pool,
    token: (claims) =>
      mintToken({ sub: 'e-001', roles: ['staff'], bu: 'bu-1', ...claims }, TEST_JWT_SECRET, '10m'),
    caughtUp: () => app.get(EventPipeline).caughtUp(),
    close: async () => {
      await app.close();
      await pool.end();
      await dropTestSchemas([config.SCHEMA, config.readSchema()]);
      await deleteTestKafkaResources(
        {
          topics: [
            config.CUSTOMERS_TOPIC,
            config.INVITATIONS_TOPIC,
            config.COMPLAINTS_TOPIC,
            dlqTopicFor(consumer),
          ],
          ...(options.consumers === true ? { groups: [consumer] } : {}),
        },
        brokers,
      );
    },
  };
};
