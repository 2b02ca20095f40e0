import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import { createTestApp, loadConfig, mintToken, type PlatformConfig, type TokenClaims } from '@crm/nest';
import { dlqTopicFor, type KafkaInboxTransport } from '@crm/messaging';
import { deleteTestKafkaResources, dropTestSchemas, testDatabaseUrl } from '@crm/testing';
import { customerDirectoryConsumerName, type CustomerDirectoryConfig } from '../customer-directory.config';
import { startCustomerDirectoryConsumer } from '../start-customer-directory-consumer';

export interface CustomerDirectoryTestApp<C extends CustomerDirectoryConfig> {
  readonly app: NestExpressApplication;
  readonly config: C;
  readonly transport: KafkaInboxTransport;
  /** A pool of its own for assertions on the host's tables. */
  readonly pool: Pool;
  /** A bearer token signed with the app's secret (default: a `cs_agent` of `bu-9`). */
  token(claims?: Partial<TokenClaims>): Promise<string>;
  /** Closes the app, then drops its schemas, its DLQ topic and its consumer group. */
  close(): Promise<void>;
}

export interface CustomerDirectoryTestAppOptions<C extends PlatformConfig & CustomerDirectoryConfig> {
  /** The host's config class, loaded from a test environment made of the options below. */
  readonly configClass: new () => C;
  /** The host's root module for that config; it imports `CustomerDirectoryModule.forService(config)`. */
  readonly appModule: (config: C) => Type<unknown>;
  readonly brokers: readonly string[];
  /** Unique per test file: the host's schema, `<schema>_read`, and the consumer group follow it. */
  readonly schema: string;
  /** Unique per test file, so no other test's messages arrive. */
  readonly customersTopic: string;
  readonly jwtSecret: string;
}

/**
 * A service hosting the replica, wired as its main.ts wires it (HTTP + customers-topic consumer)
 * but not listening: hand `app.getHttpServer()` to supertest.
 */
export const startCustomerDirectoryTestApp = async <C extends PlatformConfig & CustomerDirectoryConfig>(
  options: CustomerDirectoryTestAppOptions<C>,
): Promise<CustomerDirectoryTestApp<C>> => {
  const config = loadConfig(options.configClass, {
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    KAFKA_BROKERS: options.brokers.join(','),
    JWT_SECRET: options.jwtSecret,
    LOG_LEVEL: 'silent',
    SCHEMA: options.schema,
    CUSTOMERS_TOPIC: options.customersTopic,
  });
  const app = await createTestApp(options.appModule(config));
  const transport = await startCustomerDirectoryConsumer(app);
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
  const consumer = customerDirectoryConsumerName(config);
  return {
    app,
    config,
    transport,
    pool,
    token: (claims = {}) =>
      mintToken({ sub: 'cs-1', roles: ['cs_agent'], bu: 'bu-9', ...claims }, options.jwtSecret, '10m'),
    close: async () => {
      await app.close();
      await pool.end();
      await dropTestSchemas([config.SCHEMA, config.readSchema()]);
      await deleteTestKafkaResources(
        { topics: [dlqTopicFor(consumer)], groups: [consumer] },
        options.brokers,
      );
    },
  };
};
