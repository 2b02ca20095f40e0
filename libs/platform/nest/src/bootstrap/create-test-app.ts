import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureApp } from './configure-app';

/**
 * The app exactly as `bootstrapService` configures it, initialised but not listening: hand
 * `app.getHttpServer()` to supertest and `await app.close()` in afterAll.
 */
export const createTestApp = async (appModule: Type<unknown>): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(appModule, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  configureApp(app);
  await app.init();
  return app;
};

/**
 * The environment every service test app starts from: the test database, the given brokers, a
 * test-only signing secret, silent logs. Tests add their own SCHEMA and topics on top.
 */
export const testServiceEnv = (options: {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  readonly jwtSecret: string;
}): Record<string, string> => ({
  NODE_ENV: 'test',
  DATABASE_URL: options.databaseUrl,
  KAFKA_BROKERS: options.brokers.join(','),
  JWT_SECRET: options.jwtSecret,
  LOG_LEVEL: 'silent',
});
