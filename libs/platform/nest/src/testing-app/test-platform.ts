import { Module, type Provider, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { requireKafka, requirePostgres, testDatabaseUrl, uniqueSuffix } from '@crm/testing';
import { Pool } from 'pg';
import { mintToken } from '../auth/mint-token';
import type { TokenClaims } from '../auth/principal';
import { createTestApp, testServiceEnv } from '../bootstrap/create-test-app';
import { loadConfig } from '../config/load-config';
import { PlatformConfig } from '../config/platform-config';
import { readSchemaFor } from '../config/service-config';
import { PlatformModule, type PlatformModuleOptions } from '../platform.module';
import { WidgetLedger } from './widget-ledger';
import { WidgetOrdersController } from './widget-orders.controller';
import { WidgetsController } from './widgets.controller';

export const TEST_SECRET = 'nest-platform-test-secret-0123456789';

export interface TestPlatform {
  readonly app: NestExpressApplication;
  readonly schema: string;
  readonly ledger: WidgetLedger;
  token(claims: Partial<TokenClaims>): Promise<string>;
  close(): Promise<void>;
}

export interface TestModule {
  readonly module: Type<unknown>;
  readonly schema: string;
  readonly ledger: WidgetLedger;
  /** Drops the test schema. */
  dropSchema(): Promise<void>;
}

/** An app module wiring PlatformModule (own schema, real PostgreSQL and Kafka) and the test WidgetsController. */
/** What a test adds to the platform: default policies, its own controllers (HTTP or @EventPattern) and providers. */
export interface TestModuleExtras extends Pick<PlatformModuleOptions, 'policies'> {
  readonly controllers?: Type<unknown>[];
  readonly providers?: Provider[];
  /** Variables on top of the test environment (e.g. a DATABASE_URL through a proxy, pool sizes). */
  readonly env?: Readonly<Record<string, string>>;
  /** A schema chosen by the caller (shared with a test app in another process); fresh otherwise. */
  readonly schema?: string;
}

export const testModule = async (name: string, extras: TestModuleExtras = {}): Promise<TestModule> => {
  const { controllers = [], providers = [], env = {}, schema: chosen, ...platformExtras } = extras;
  const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const schema = chosen ?? `nest_${name}_${uniqueSuffix()}`;
  const config = loadConfig(PlatformConfig, {
    ...testServiceEnv({ databaseUrl: testDatabaseUrl(), brokers, jwtSecret: TEST_SECRET }),
    ...env,
  });
  const ledger = new WidgetLedger();

  @Module({
    imports: [PlatformModule.forService({ serviceName: `test-${name}`, schema, config, ...platformExtras })],
    controllers: [WidgetsController, WidgetOrdersController, ...controllers],
    providers: [{ provide: WidgetLedger, useValue: ledger }, ...providers],
  })
  class TestAppModule {}

  return {
    module: TestAppModule,
    schema,
    ledger,
    dropSchema: async () => {
      const pool = new Pool({ connectionString: testDatabaseUrl() });
      try {
        for (const s of [schema, readSchemaFor(schema)])
          await pool.query(`drop schema if exists "${s}" cascade`);
      } finally {
        await pool.end();
      }
    },
  };
};

export const testToken = (claims: Partial<TokenClaims>): Promise<string> =>
  mintToken({ sub: 'u1', roles: ['staff'], bu: 'bu-1', ...claims }, TEST_SECRET, '5m');

/** The test module as `createTestApp` builds it, for supertest. */
export const startTestPlatform = async (
  name: string,
  extras: TestModuleExtras = {},
): Promise<TestPlatform> => {
  const { module, schema, ledger, dropSchema } = await testModule(name, extras);
  const app = await createTestApp(module);
  return {
    app,
    schema,
    ledger,
    token: testToken,
    close: async () => {
      await app.close();
      await dropSchema();
    },
  };
};
