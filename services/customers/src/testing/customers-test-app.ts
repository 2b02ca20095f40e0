import type { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import { createTestApp, loadConfig, mintToken, type TokenClaims } from '@crm/nest';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  requireKafka,
  requirePostgres,
  testDatabaseUrl,
  uniqueSuffix,
} from '@crm/testing';
import { CustomersConfig } from '../config/customers.config';
import { customersModule } from '../customers.module';

export const TEST_JWT_SECRET = 'customers-test-jwt-secret-0123456789';

export interface CustomersTestApp {
  readonly app: NestExpressApplication;
  readonly config: CustomersConfig;
  /** A pool of its own for assertions on the service's tables. */
  readonly pool: Pool;
  token(claims: Partial<TokenClaims>): Promise<string>;
  close(): Promise<void>;
}

/**
 * The customers app as main.ts builds it, on real PostgreSQL and Kafka, in a schema and on a topic
 * of its own so test files never share state. `close` drops both.
 */
export const startCustomersTestApp = async (): Promise<CustomersTestApp> => {
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
  const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const suffix = uniqueSuffix();
  const config = loadConfig(CustomersConfig, {
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    KAFKA_BROKERS: brokers.join(','),
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    SCHEMA: `cust_${suffix}`,
    CUSTOMERS_TOPIC: `crm.customers.events.v1.t${suffix}`,
    PII_HMAC_SECRET: `test-hmac-secret-${suffix}-0123456789abcdef`,
  });
  const app = await createTestApp(customersModule(config));
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
  return {
    app,
    config,
    pool,
    token: (claims) =>
      mintToken({ sub: 'e-001', roles: ['staff'], bu: 'bu-1', ...claims }, TEST_JWT_SECRET, '10m'),
    close: async () => {
      await app.close();
      await pool.end();
      await dropTestSchemas([config.SCHEMA, config.readSchema()]);
      await deleteTestKafkaResources({ topics: [config.CUSTOMERS_TOPIC] }, brokers);
    },
  };
};
